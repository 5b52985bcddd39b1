import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateArticles, FARM_KINDS, applyStyle, CLEAN_STYLE, planCorpus, renderCopy, renderHeadline, randomStyle } from './content.ts';
import { makeRng } from './rng.ts';

test('generateArticles is deterministic for a seed and differs between seeds', () => {
  const a = generateArticles(60, 42);
  const b = generateArticles(60, 42);
  const c = generateArticles(60, 43);
  assert.equal(a.length, 60);
  assert.deepEqual(a, b);
  assert.notDeepEqual(a.map((x) => x.title), c.map((x) => x.title));
});

test('every kind occurs and ground truth follows the kind', () => {
  const items = generateArticles(600, 5);
  for (const kind of FARM_KINDS) assert.ok(items.some((x) => x.kind === kind), `no ${kind} item`);
  for (const x of items) {
    assert.equal(x.critical, x.kind === 'critical');
    assert.equal(x.mentionsMunicipality, ['press-release', 'critical', 'neutral', 'mayor-criticises-other'].includes(x.kind));
    assert.equal(x.releaseId !== undefined, x.kind === 'press-release');
    const paras = x.paragraphs.length + 1; // the lead is the first paragraph of the story
    assert.ok(paras >= 3 && paras <= 9, `${x.id} has ${paras} paragraphs`);
    assert.equal(x.body, x.paragraphs.join('\n\n'));
  }
});

test('ground truth agrees with the text: municipal kinds name the municipality, the others never do', () => {
  const fold = (t: string) => t.replace(/ي/g, 'ی').replace(/ك/g, 'ک').replace(/ـ/g, '');
  const names = { tabriz: 'تبریز', tehran: 'تهران', mashhad: 'مشهد', shiraz: 'شیراز' } as const;
  for (const city of ['tabriz', 'tehran', 'mashhad', 'shiraz'] as const) {
    for (const seed of [1, 2, 3]) {
      const re = new RegExp(`شهرداری ${names[city]}|شهردار ${names[city]}`);
      for (const x of generateArticles(600, seed, { city })) {
        const text = fold([x.title, x.lead, x.body].join(' '));
        assert.equal(re.test(text), x.mentionsMunicipality, `${city}/${seed} ${x.id} (${x.kind}): ${x.title}`);
      }
    }
  }
});

test('republications share a releaseId across outlets and differ in text', () => {
  const items = generateArticles(300, 11);
  const byRelease = new Map<string, typeof items>();
  for (const x of items) if (x.releaseId) byRelease.set(x.releaseId, [...(byRelease.get(x.releaseId) ?? []), x]);
  const groups = [...byRelease.values()].filter((g) => g.length > 1);
  assert.ok(groups.length >= 5);
  const edited = groups.filter((g) => g.some((x) => x.lead + x.body !== g[0].lead + g[0].body));
  assert.ok(edited.length >= groups.length * 0.8, 'republications should be edited copies, not identical');
  for (const g of groups) assert.equal(new Set(g.map((x) => x.storyId)).size, 1);
});

test('distinct stories of one event exist (clustering must tell them from republications)', () => {
  const items = generateArticles(400, 9);
  const storiesPerEvent = new Map<string, Set<string>>();
  for (const x of items) storiesPerEvent.set(x.eventId, (storiesPerEvent.get(x.eventId) ?? new Set()).add(x.storyId));
  assert.ok([...storiesPerEvent.values()].some((s) => s.size >= 2));
});

test('text noise: Arabic letters, missing ZWNJ, kashida, mixed digits all occur', () => {
  const items = generateArticles(800, 2);
  const all = items.map((x) => x.title + x.lead + x.body).join('\n');
  assert.match(all, /شهرداري تبريز/);
  assert.match(all, /میشود|مي‌شود|میشود/);
  assert.match(all, /می شود/);
  assert.match(all, /ـ/);
  assert.match(all, /[0-9]/);
  assert.match(all, /[٠-٩]/);
  assert.match(all, /[۰-۹]/);
});

test('applyStyle converts letters and digits and keeps clean text intact', () => {
  const s = 'شهرداری‌ها ۱۲ کیلومتر';
  assert.equal(applyStyle(s, CLEAN_STYLE), s);
  assert.equal(applyStyle(s, { letters: 'arabic', zwnj: 'drop', digits: 'ascii', kashida: false }), 'شهرداريها 12 كيلومتر');
});

test('other cities use their own names', () => {
  const items = generateArticles(80, 1, { city: 'mashhad' });
  assert.ok(items.every((x) => x.city === 'mashhad'));
  const text = items.map((x) => x.lead + x.body).join(' ').replace(/ي/g, 'ی');
  assert.match(text, /شهرداری مشهد|شهردار مشهد/);
  assert.doesNotMatch(text, /تبریز/);
  assert.throws(() => generateArticles(5, 1, { city: 'gotham' as never }), /unknown city "gotham"/);
});

test('reprints of one story are textually closer than distinct stories of the same kind (clustering can be scored)', () => {
  const items = generateArticles(700, 21, { style: CLEAN_STYLE });
  const shingles = (t: string) => {
    const w = t.replace(/[.,،:؛«»]/g, ' ').split(/\s+/).filter(Boolean);
    const s = new Set<string>();
    for (let i = 0; i + 2 < w.length; i++) s.add(`${w[i]} ${w[i + 1]} ${w[i + 2]}`);
    return s;
  };
  const jaccard = (a: Set<string>, b: Set<string>) => {
    let inter = 0;
    for (const x of a) if (b.has(x)) inter++;
    return inter / (a.size + b.size - inter);
  };
  const sets = items.map((x) => shingles(`${x.title} ${x.lead} ${x.body}`));
  const same: number[] = [];
  const distinct: number[] = [];
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      if (items[i].kind !== items[j].kind) continue;
      (items[i].storyId === items[j].storyId ? same : distinct).push(jaccard(sets[i], sets[j]));
    }
  }
  const q = (xs: number[], p: number) => xs.sort((a, b) => a - b)[Math.floor(p * (xs.length - 1))];
  assert.ok(same.length > 50 && distinct.length > 1000);
  assert.ok(q(same, 0.5) > 0.6, `median reprint similarity ${q(same, 0.5)}`);
  assert.ok(q(distinct, 0.95) < q(same, 0.1), `distinct p95 ${q(distinct, 0.95)} vs reprint p10 ${q(same, 0.1)}`);
});

test('renderHeadline gives the same headline renderCopy prints, for every style', () => {
  const plan = planCorpus(300, 4);
  const rng = makeRng(1);
  for (const copy of plan.copies) {
    const outlet = { nameFa: 'پایگاه خبری آزمون', style: randomStyle(rng) };
    assert.equal(renderHeadline(plan, copy, outlet), renderCopy(plan, copy, outlet).title);
  }
});
