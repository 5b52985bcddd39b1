// Whose voice an article is in (src/detect/voice.ts and the voice rules in criticism.ts): each
// test pairs the municipality's own text with the same problem words in someone else's mouth, so a
// rule that silences everything fails here. Rules alone (no model), so the rules are what is tested.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadProfile } from '../../src/config.ts';
import { createDetector } from '../../src/detect/detector.ts';

const detector = createDetector(loadProfile(join('config', 'profiles', 'tabriz.json')), { model: null });
const analyse = (body: string, title = '') => detector.analyse({ title, body, publishedAt: '2024-06-01T08:00:00Z', sourceId: 'isna' }).criticism;
const problems =
  'مشکلات ترافیک خیابان امام و کمبود پارکینگ سال‌هاست شهروندان را آزار می‌دهد. آب‌گرفتگی معابر پس از هر بارش و انباشت زباله در کوچه‌ها از معضلات محله است.';

test('a press release of the municipality is its own voice, also in Arabic letters; an agency report is not', () => {
  const release = analyse(`به گزارش روابط عمومی شهرداری تبریز، طرح تازه‌ای برای محله آغاز شد. ${problems}`);
  assert.equal(release.pressRelease, true);
  assert.equal(release.critical, false);
  const arabic = analyse(`به گزارش روابط عمومي شهرداري تبريز، طرح تازه‌اي براي محله آغاز شد. ${problems}`);
  assert.equal(arabic.pressRelease, true);
  const agency = analyse(`به گزارش ایسنا، ساکنان محله از شهرداری تبریز گلایه دارند. ${problems}`);
  assert.equal(agency.pressRelease, false);
  assert.equal(agency.critical, true);
  // Another body's press office is not ours.
  assert.equal(analyse(`به گزارش روابط عمومی استانداری، شهرداری تبریز هنوز پاسخی نداده است. ${problems}`).pressRelease, false);
});

test('a quotation the mayor opens stays his voice over several sentences, and ends with its closing mark', () => {
  const quote = analyse(`شهردار تبریز در این نشست گفت: «${problems} این مشکلات با طرح جدید حل می‌شود.»`);
  assert.ok(quote.sentences.filter((s) => s.field === 'body').every((s) => s.ownVoice), 'every sentence inside the quotation');
  assert.equal(quote.critical, false);
  const after = analyse(`شهردار تبریز گفت: «طرح جدید اجرا می‌شود.» اما ساکنان می‌گویند شهرداری تبریز به وعده‌هایش عمل نکرده است. ${problems}`);
  assert.equal(after.sentences[2].ownVoice, false, 'after the quotation closes, residents speak');
  assert.equal(after.critical, true);
});

test('«وی افزود» and «به گفته وی» continue the municipality; another speaker ends its turn', () => {
  const r = analyse('شهردار تبریز در جلسه شورا گفت طرح پیاده‌راه ادامه دارد. وی افزود: کمبود پارکینگ جدی است. به گفته وی، آب‌گرفتگی معابر هم رفع می‌شود. یک عضو شورا گفت طرح اجرا شد. وی افزود: شهرداری تبریز پاسخگو نیست.');
  assert.deepEqual(r.sentences.map((s) => !!s.ownVoice), [true, true, true, false, false]);
});

test('an enforcement headline makes the violations the municipality\'s targets; a headline about harsh agents does not', () => {
  const enforcement = analyse(`شهرداری تبریز ۳۲ بنای غیرمجاز را در حریم شهر تخریب کرد. ساخت‌وسازهای غیرمجاز و سد معبر در این محدوده بدون مجوز انجام شده بود.`, 'تخریب ۳۲ بنای غیرمجاز در حریم تبریز');
  assert.equal(enforcement.enforcementStory, true);
  assert.equal(enforcement.critical, false);
  const harsh = analyse('ماموران شهرداری تبریز بساط یک دستفروش سالمند را با ضرب و شتم جمع کردند و کاربران از این برخورد انتقاد کردند.', 'ضرب و شتم دستفروش سالمند توسط ماموران شهرداری تبریز');
  assert.equal(harsh.enforcementStory, false);
  assert.equal(harsh.critical, true);
});

test('a thank-you headline: the problems in it are the ones solved', () => {
  const body = 'ما ساکنان کوچه نسترن سال‌ها با تاریکی کوچه و چاله بزرگ سر کوچه کنار آمده بودیم. شهرداری تبریز در پنج روز چاله را آسفالت کرد.';
  assert.equal(analyse(body, 'تشکر از شهرداری منطقه ۵ تبریز').critical, false);
  assert.equal(analyse(body, 'پیام مردمی از کوچه نسترن').critical, true);
});

test('another town\'s municipality next to ours is theirs, even when the town\'s name is a common word', () => {
  const r = analyse('شهرداری تبریز ۴۰ دستگاه ماشین‌آلات به لار فرستاد. ساکنان لار از تأخیر شهرداری لار در لایروبی کانال‌ها انتقاد کردند و گفتند شهرداری لار فقط قول داد.');
  assert.equal(r.critical, false);
  assert.equal(r.sentences[1].scope, 0);
});
