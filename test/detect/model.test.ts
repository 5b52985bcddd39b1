import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadProfile } from '../../src/config.ts';
import { createDetector } from '../../src/detect/detector.ts';
import { bundledModel, features, probability, train, type TrainingExample } from '../../src/detect/model.ts';
import { dataHash } from '../../bench/train-criticism.ts';

const tabriz = loadProfile(join('config', 'profiles', 'tabriz.json'));
const rules = createDetector(tabriz, { model: null });
const analyse = (body: string, title = '') => rules.analyse({ title, body, publishedAt: null, sourceId: 'x' }).criticism;

test('the bundled model is trained on the current labelled set and rules', () => {
  const m = bundledModel();
  assert.ok(m, 'src/detect/criticism-model.json is missing: run npm run train:criticism');
  assert.equal(m.dataHash, dataHash(), 'the labelled set or the rules changed since the bundled model was trained: run npm run train:criticism');
  assert.ok(Object.keys(m.weights).length > 100);
});

test('the word model learns what the cues do not know, and keeps the rules as one input', () => {
  // «واگذاری زمین به معاون سابق» has no cue: only labelled examples can teach it.
  const make = (body: string, critical: boolean): TrainingExample => ({ c: analyse(body), critical });
  const examples = [
    make('شهرداری تبریز زمین بوستان را به معاون سابق خود واگذار کرد.', true),
    make('واگذاری زمین شهرداری تبریز به معاون سابق در شورا مطرح شد.', true),
    make('سند زمین شهرداری تبریز به نام معاون سابق صادر شد.', true),
    make('شهرداری تبریز بوستان محله را افتتاح کرد.', false),
    make('شهرداری تبریز از برگزاری جشنواره گل خبر داد.', false),
    make('شهرداری تبریز ساعت کار کتابخانه‌ها را اعلام کرد.', false),
  ];
  const m = train(examples, { combiner: { bias: 0, ruleWeight: 1, wordWeight: 1 } });
  const probe = analyse('زمین شهرداری تبریز این بار به نام معاون سابق منتقل شد.');
  assert.equal(probe.critical, false, 'the rules alone miss it');
  assert.ok(probability(m, probe) > 0.5, `learned: ${probability(m, probe)}`);
  assert.ok(probability(m, analyse('شهرداری تبریز کتابخانه محله را افتتاح کرد.')) < 0.5);
});

test('the municipality\'s own voice and long neutral text give the word model nothing to go on', () => {
  const release = analyse(
    'به گزارش روابط عمومی شهرداری تبریز، مشکلات ترافیک خیابان امام با اجرای طرح تازه کاهش می‌یابد. کمبود پارکینگ نیز با ساخت دو پارکینگ طبقاتی برطرف می‌شود.',
  );
  assert.equal(release.pressRelease, true);
  assert.equal([...features(release).keys()].filter((k) => k.startsWith('w:')).length, 0, 'no words from a press release');
  // Word features are scaled to a fixed length: doubling the text does not double their weight.
  const one = analyse('شهرداری تبریز گزارشی از پروژه‌های عمرانی منطقه پنج منتشر کرد.');
  const two = analyse('شهرداری تبریز گزارشی از پروژه‌های عمرانی منطقه پنج منتشر کرد. شهرداری تبریز گزارشی از پروژه‌های عمرانی منطقه شش منتشر کرد.');
  const norm = (c: ReturnType<typeof analyse>) => Math.sqrt([...features(c)].filter(([k]) => !k.startsWith('cue:')).reduce((a, [, v]) => a + v * v, 0));
  assert.ok(Math.abs(norm(one) - norm(two)) < 1e-9);
});
