import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDigest } from '../../src/digest/build.ts';
import { renderDigestHtml } from '../../src/digest/render-html.ts';
import { renderDigestText } from '../../src/digest/render-text.ts';
import { ArticleStore } from '../../src/store/articles.ts';
import { DAY, PROFILE, SOURCES, SPECS, fixtureDb, idOf, makeArticle, C } from './fixtures.ts';

const build = (db = fixtureDb(), day = DAY) => buildDigest(db, { profile: PROFILE, sources: SOURCES, day });

test('critical items come first, one per republication cluster, worst severity first', () => {
  const d = build();
  assert.deepEqual(
    d.critical.map((c) => [c.article.id, c.severity]),
    [
      [idOf('waste', 'sobh-azar'), 'high'],
      [idOf('metro', 'keshvar'), 'medium'],
      [idOf('hostile', 'khabar-tehran'), 'low'],
    ],
  );
  // Two critical articles of the waste cluster make one item, not two.
  assert.equal(d.totals.critical, 4);
  assert.equal(d.totals.criticalClusters, 3);
  // In the rendered page the critical section precedes the topic groups.
  const html = renderDigestHtml(d);
  assert.ok(html.indexOf('id="critical-1"') < html.indexOf('class="news"'));
  const text = renderDigestText(d);
  assert.ok(text.indexOf('موارد انتقادی') < text.indexOf('اخبار شهرداری به تفکیک موضوع'));
});

test('rebuttal deadline is one Jalali month after publication, approximate when the date is unknown', () => {
  const d = build();
  const waste = d.critical[0];
  assert.equal(waste.deadline, '1405/10/01');
  assert.equal(waste.deadlineFa, '۱ دی ۱۴۰۵');
  assert.equal(waste.deadlineApprox, false);
  const metro = d.critical[1];
  assert.equal(metro.article.dateKnown, false);
  assert.equal(metro.article.timeFa, 'تاریخ نامعلوم');
  assert.equal(metro.deadlineApprox, true);
  assert.match(renderDigestText(d), /تقریبی؛ تاریخ انتشار نامعلوم/);

  // A critical item published on the last day of Shahrivar: Mehr has only 30 days.
  const db = fixtureDb([
    { slug: 'late-summer', sourceId: 'sobh-azar', published: '2026-09-22 10:00', title: 'انتقاد از شهرداری تبریز', critical: true, severity: 'high' },
  ]);
  const s = buildDigest(db, { profile: PROFILE, sources: SOURCES, day: '1405/06/31' });
  assert.equal(s.critical[0].deadline, '1405/07/30');
});

test('reach is the number of distinct outlets in the cluster up to the end of the day', () => {
  const d = build();
  const waste = d.critical[0];
  assert.equal(waste.reach, 3); // sobh-azar, eel-news, radio-tabriz
  assert.deepEqual(waste.carriers.map((c) => c.sourceId), ['eel-news', 'radio-tabriz']);
  const asphalt = d.topStories[0];
  assert.equal(asphalt.clusterId, idOf('asphalt', 'shahr-tabriz'));
  // keshvar's reprint is on the next day and does not count yet.
  assert.equal(asphalt.reach, 4);
  assert.equal(asphalt.reprints, 3);
  const next = build(fixtureDb(), '1405/09/02');
  const pickup = next.pickups.find((p) => p.clusterId === idOf('asphalt', 'shahr-tabriz'));
  assert.equal(pickup?.reprints, 4);
  assert.equal(pickup?.newToday, 1);
});

test('a day holds exactly the articles placed in it (Tehran midnight to midnight), mentioned only', () => {
  const d = build();
  const ids = new Set(d.groups.flatMap((g) => g.clusters.map((c) => c.clusterId)));
  assert.ok(ids.has(idOf('edge-last', 'eel-news')));
  assert.ok(!ids.has(idOf('edge-next', 'eel-news')));
  assert.ok(!ids.has(idOf('not-about-us', 'keshvar')));
  assert.equal(d.totals.articles, 14);
  assert.equal(d.totals.unknownDate, 1);
});

test('press-release pickups: own releases with the outlets that reprinted them, unpicked ones included', () => {
  const d = build();
  assert.deepEqual(
    d.pickups.map((p) => [p.title, p.reprints, p.newToday, p.reprintedByFa]),
    [
      ['آغاز طرح آسفالت معابر منطقهٔ ۳ شهرداری تبریز', 3, 3, ['خبرگزاری آوای شهر', 'روزنامهٔ صبح آذر', 'پایگاه خبری ائل']],
      ['طرح مطالعاتی تراموا در شورای شهر تبریز', 1, 1, ['روزنامهٔ کشور']],
      ['نشست خبری شهردار تبریز با اصحاب رسانه', 0, 0, []],
    ],
  );
  // The tram release is from yesterday: it keeps its own day.
  assert.equal(d.pickups[1].original.day, '1405/08/30');
  assert.equal(d.totals.ownReleases, 3);
  assert.equal(d.totals.ownReprints, 4);
});

test('news grouped by topic (most specific entity), clusters by reach', () => {
  const d = build();
  assert.deepEqual(
    d.groups.map((g) => [g.topic, g.articles]),
    [
      ['منطقهٔ ۳ شهرداری تبریز', 7],
      ['شهرداری تبریز', 3],
      ['شهردار تبریز', 2],
      ['سازمان اتوبوسرانی تبریز', 1],
      ['سازمان قطار شهری تبریز', 1],
    ],
  );
  assert.deepEqual(d.groups[0].clusters.map((c) => c.reach), [4, 3]);
});

test('coverage by outlet type, scope and province', () => {
  const d = build();
  assert.deepEqual(d.coverage.byType.map((r) => [r.key, r.articles, r.outlets]), [
    ['site', 6, 3], ['newspaper', 4, 2], ['agency', 2, 1], ['broadcaster', 2, 1],
  ]);
  assert.deepEqual(d.coverage.byProvince.map((r) => [r.key, r.articles]), [['east-azerbaijan', 9], ['none', 4], ['tehran', 1]]);
});

test('14-day trend counts mentions and critical items per Tehran day', () => {
  const d = build();
  assert.equal(d.trend.length, 14);
  assert.equal(d.trend[0].day, '1405/08/18');
  assert.equal(d.trend[13].day, DAY);
  const byDay = Object.fromEntries(d.trend.map((p) => [p.day, [p.mentioned, p.critical]]));
  assert.deepEqual(byDay['1405/09/01'], [14, 4]);
  assert.deepEqual(byDay['1405/08/28'], [2, 1]);
  assert.deepEqual(byDay['1405/08/21'], [1, 0]);
  // Articles older than the window (1405/08/10) are not counted anywhere.
  assert.equal(d.trend.reduce((n, p) => n + p.mentioned, 0), 14 + 2 + 1 + 1);
});

test('the same data builds the same digest whatever the insertion order', () => {
  const a = renderDigestHtml(build());
  const db = fixtureDb([...SPECS].reverse());
  assert.equal(renderDigestHtml(build(db)), a);
});

test('other cities\' detections are left out; an empty day renders without errors', () => {
  const db = fixtureDb();
  const other = makeArticle({ slug: 'mashhad', sourceId: 'keshvar', published: '2026-11-22 09:00', title: 'شهرداری مشهد' });
  other.detection.city = 'mashhad';
  new ArticleStore(db).insert(other);
  assert.equal(build(db).totals.articles, 14);

  const empty = build(fixtureDb([]), '1405/01/01');
  assert.equal(empty.totals.articles, 0);
  assert.equal(empty.issue, null);
  assert.match(renderDigestHtml(empty), /امروز مورد انتقادی یافت نشد/);
  assert.match(renderDigestText(empty), /امروز مورد انتقادی یافت نشد/);
});

test('issue number counts days since kaghaz first fetched anything', () => {
  assert.equal(build().issue, 22); // first fetch 2026-11-01 (1405/08/10)
  assert.equal(build(fixtureDb(), '1405/08/10').issue, 1);
  assert.equal(build(fixtureDb(), '1405/08/09').issue, null);
});

test('an article whose cluster id points at an original without a cluster id joins that cluster', () => {
  const db = fixtureDb([
    { slug: 'orig', sourceId: 'sobh-azar', published: '2026-11-22 08:00', title: 'خبر شهرداری تبریز' },
    { slug: 'copy', sourceId: 'keshvar', cluster: C('orig', 'sobh-azar'), published: '2026-11-22 09:00', title: 'بازنشر خبر شهرداری تبریز' },
  ]);
  const d = buildDigest(db, { profile: PROFILE, sources: SOURCES, day: DAY });
  assert.equal(d.totals.clusters, 1);
  assert.equal(d.topStories[0].reach, 2);
});

test('overlong leads and evidence are clipped at a word; echoes of headline and lead are dropped; a missing title is named', () => {
  const long = 'شهرداری تبریز '.repeat(200);
  const db = fixtureDb([
    { slug: 'long', sourceId: 'keshvar', published: '2026-11-22 10:00', title: '', lead: long, critical: true,
      evidence: [long, 'دوم', 'سوم', 'چهارم', 'پنجم'] },
    { slug: 'echo', sourceId: 'sobh-azar', published: '2026-11-22 11:00', title: 'گلایه از شهرداری تبریز', critical: true,
      lead: 'شهروندان گلایه دارند. شهرداری پاسخ نمی‌دهد.',
      evidence: ['گلایه از شهرداری تبريز', 'شهرداری پاسخ نمی‌دهد.', 'جملهٔ تازه‌ای که در لید نیست.', 'جملهٔ تازه‌ای که در لید نیست.'] },
  ]);
  const d = buildDigest(db, { profile: PROFILE, sources: SOURCES, day: DAY });
  const c = d.critical[0];
  assert.ok(c.lead.length <= 421 && c.lead.endsWith('…'), `lead length ${c.lead.length}`);
  assert.ok(c.lead.slice(0, -1).endsWith('تبریز'));
  assert.equal(c.evidence.length, 3);
  assert.equal(c.article.title, '(بدون عنوان)');
  // Evidence that repeats the headline (even in Arabic letters) or part of the lead is not shown again.
  const echo = d.critical.find((x) => x.article.sourceId === 'sobh-azar')!;
  assert.deepEqual(echo.evidence, ['جملهٔ تازه‌ای که در لید نیست.']);
});
