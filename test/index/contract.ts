// The one contract every SearchIndex driver passes (FTS5 always, Meilisearch when MEILI_URL is set).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from '../../src/store/db.ts';
import { QueryError } from '../../src/index/query.ts';
import { SearchIndexError, type SearchIndex, type SearchResult, type Segment } from '../../src/index/types.ts';
import { item, type Spec } from './fixtures.ts';

export interface Harness {
  index: SearchIndex;
  db: Db;
  cleanup(): Promise<void>;
}

// Day notes: Tehran is UTC+03:30; 2026-11-20 is 1405/08/29.
export const CORPUS: Spec[] = [
  {
    id: 'd1', source: 'irna', title: 'افتتاح خط دوم قطار شهری تبریز', lead: 'شهردار تبریز از افتتاح خط دوم خبر داد.',
    body: 'خط دوم قطار شهری با حضور شهردار تبریز افتتاح شد. طول این خط دوازده کیلومتر است.',
    publishedAt: '2026-11-20T08:00:00Z', entities: ['شهرداری تبریز'], clusterId: 'c1',
  },
  {
    // Written with Arabic yeh and kaf, as some outlets' CMSes still do.
    id: 'd2', source: 'asr-tabriz', title: 'انتقاد از تأخير در پروژه قطار شهري', kicker: 'گزارش',
    body: 'شهروندان از تأخير طولاني در پروژه قطار شهري گله دارند و شهرداري تبريز پاسخي نداده است. كارشناسان مي‌گويند هزينه‌ها بالا رفته است.',
    publishedAt: '2026-11-21T10:00:00Z', critical: true, entities: ['شهرداری تبریز'], clusterId: 'c1',
  },
  {
    id: 'd3', source: 'khorasan-news', title: 'جشنواره کتاب در مشهد',
    body: 'نمایشگاه کتاب مشهد در سال 1405 با حضور ناشران برگزار می‌شود.', publishedAt: '2026-11-15T12:00:00Z',
  },
  {
    // ZWNJ in شهرداری‌ها; Arabic-Indic digits in the body.
    id: 'd4', source: 'irna', title: 'بودجه ۱۴۰۵ شهرداری‌ها تصویب شد',
    body: 'مجلس بودجه شهرداری‌ها را با افزایش ٢٠٠ میلیارد تومانی تصویب کرد.', publishedAt: '2026-11-18T20:45:00Z',
  },
  {
    // Space instead of ZWNJ; no publication date (fetched 2026-11-21T09:00Z).
    id: 'd5', source: 'asr-tabriz', title: 'ترافیک سنگین در میدان ساعت',
    body: 'رانندگان می‌گویند شهرداری ها مسئول ترافیک میدان ساعت هستند و طرح تازه 200 روز دیر شده است.',
    publishedAt: null, critical: true,
  },
  {
    id: 'd6', source: 'irna', title: 'مسابقه فوتبال در ورزشگاه یادگار امام',
    body: 'تیم تراکتور در ورزشگاه یادگار امام به مصاف حریف رفت.', publishedAt: '2026-11-19T06:00:00Z', clusterId: 'c2',
  },
  {
    id: 'd7', source: 'khorasan-news', title: '<script>alert(1)</script> هشدار امنیتی',
    body: 'متن <b>آزمایشی</b> درباره هشدار امنیتی & نشانه‌ها.', publishedAt: '2026-11-17T07:00:00Z',
  },
];

const ids = (r: SearchResult) => r.hits.map((h) => h.id).sort();
const text = (segs: Segment[]) => segs.map((s) => s.text).join('');
const hits = (segs: Segment[]) => segs.filter((s) => s.hit).map((s) => s.text);

export function contractSuite(name: string, factory: () => Promise<Harness>): void {
  describe(`SearchIndex contract: ${name}`, () => {
    let h: Harness;
    let ix: SearchIndex;
    const find = async (query: string, extra: Partial<Parameters<SearchIndex['search']>[0]> = {}) => ix.search({ query, perPage: 50, ...extra });
    const expectIds = async (query: string, expected: string[]) =>
      assert.deepEqual(ids(await find(query)), [...expected].sort(), `query «${query}»`);

    before(async () => {
      h = await factory();
      ix = h.index;
      const w = await ix.upsert(CORPUS.map(item));
      assert.deepEqual(w, { indexed: CORPUS.length, pending: 0 });
    });
    after(async () => {
      await h?.cleanup();
    });

    test('plain words match all of them, anywhere in title, lead or body', async () => {
      await expectIds('قطار', ['d1', 'd2']);
      await expectIds('قطار تبریز', ['d1', 'd2']);
      await expectIds('قطار فوتبال', []);
      await expectIds('گزارش', ['d2']); // kicker
      await expectIds('دوازده', ['d1']); // body only
    });

    test('Arabic ي/ك and Persian ی/ک find the same documents', async () => {
      await expectIds('قطار شهری', ['d1', 'd2']);
      await expectIds('قطار شهري', ['d1', 'd2']);
      await expectIds('شهرداری تبریز', ['d2']);
      await expectIds('شهرداري تبريز', ['d2']);
      await expectIds('كتاب', ['d3']);
      await expectIds('کارشناسان', ['d2']);
    });

    test('ZWNJ and space variants find the same documents', async () => {
      await expectIds('شهرداری‌ها', ['d4', 'd5']);
      await expectIds('"شهرداری ها"', ['d4', 'd5']);
      await expectIds('"شهرداری‌ها" site:asr-tabriz', ['d5']);
      await expectIds('می‌گویند', ['d2', 'd5']);
      await expectIds('"می گویند"', ['d2', 'd5']);
      // Written solid, as many sites do: the match key joins/splits them the same way.
      await expectIds('میگویند', ['d2', 'd5']);
      await expectIds('شهرداریها', ['d4', 'd5']);
    });

    test('Persian, Arabic-Indic and ASCII digits find the same documents', async () => {
      for (const q of ['۱۴۰۵', '١٤٠٥', '1405']) await expectIds(q, ['d3', 'd4']);
      for (const q of ['۲۰۰', '٢٠٠', '200']) await expectIds(q, ['d4', 'd5']);
    });

    test('phrases need the words together and in order', async () => {
      await expectIds('"خط دوم"', ['d1']);
      await expectIds('«خط دوم»', ['d1']);
      await expectIds('"دوم خط"', []);
      await expectIds('"یادگار امام" تراکتور', ['d6']);
    });

    test('OR, exclusion and groups', async () => {
      await expectIds('کتاب OR فوتبال', ['d3', 'd6']);
      await expectIds('کتاب | فوتبال', ['d3', 'd6']);
      await expectIds('(کتاب OR فوتبال) مشهد', ['d3']);
      await expectIds('قطار -انتقاد', ['d1']);
      await expectIds('قطار NOT انتقاد', ['d1']);
      await expectIds('-قطار site:ایرنا', ['d4', 'd6']);
      const or = await find('کتاب OR فوتبال OR ترافیک');
      assert.equal(or.total, 3);
      assert.equal(or.facets.outlet?.reduce((n, f) => n + f.count, 0), 3);
    });

    test('outlet and site filters take the id or the Persian or English name', async () => {
      await expectIds('outlet:irna', ['d1', 'd4', 'd6']);
      await expectIds('site:ایرنا', ['d1', 'd4', 'd6']);
      await expectIds('site:IRNA', ['d1', 'd4', 'd6']);
      await expectIds('قطار شهری site:ایرنا', ['d1']);
      await expectIds('site:"عصر تبریز"', ['d2', 'd5']);
      await expectIds('site:«عصر تبريز»', ['d2', 'd5']);
      await expectIds('outlet:irna outlet:khorasan-news', ['d1', 'd3', 'd4', 'd6', 'd7']);
      await expectIds('-site:irna -site:asr-tabriz', ['d3', 'd7']);
    });

    test('type, province, critical, entity and cluster filters', async () => {
      await expectIds('type:newspaper', ['d2', 'd5']);
      await expectIds('type:روزنامه', ['d2', 'd5']);
      await expectIds('-type:agency', ['d2', 'd3', 'd5', 'd7']);
      await expectIds('province:east-azerbaijan', ['d2', 'd5']);
      await expectIds('province:"خراسان رضوی"', ['d3', 'd7']);
      await expectIds('critical:yes', ['d2', 'd5']);
      await expectIds('critical:no قطار', ['d1']);
      await expectIds('entity:"شهرداری تبریز"', ['d1', 'd2']);
      await expectIds('entity:«شهرداري تبريز» critical:yes', ['d2']);
      await expectIds('cluster:c1', ['d1', 'd2']);
      await expectIds('cluster:c2 OR', []).catch((e) => assert.ok(e instanceof QueryError));
      await expectIds('-cluster:c1 قطار OR فوتبال', ['d6']);
    });

    test('date filters take Jalali (Persian or ASCII digits) or ISO days, in Tehran time', async () => {
      await expectIds('from:1405/08/29 to:1405/08/29', ['d1']);
      await expectIds('from:۱۴۰۵/۰۸/۲۹ to:۱۴۰۵/۰۸/۲۹', ['d1']);
      await expectIds('from:2026-11-20 to:2026-11-20', ['d1']);
      // 2026-11-18T20:45Z is already 1405/08/28 in Tehran.
      await expectIds('from:1405/08/28 to:1405/08/28', ['d4', 'd6']);
      await expectIds('from:1405/08/30', ['d2', 'd5']); // d5 by its fetch time: no published date
      await expectIds('to:1405/08/26', ['d3', 'd7']);
    });

    test('sort by relevance puts title matches first; sort by date newest first', async () => {
      const rel = await find('تبریز', { sort: 'relevance' });
      assert.deepEqual(rel.hits.map((x) => x.id), ['d1', 'd2']);
      assert.equal(rel.sort, 'relevance');
      const date = await find('تبریز', { sort: 'date' });
      assert.deepEqual(date.hits.map((x) => x.id), ['d2', 'd1']);
      const all = await find('');
      assert.equal(all.sort, 'date');
      assert.deepEqual(all.hits.map((x) => x.id), ['d2', 'd5', 'd1', 'd6', 'd4', 'd7', 'd3']);
    });

    test('facets count outlet, type, province, critical and day over the whole result', async () => {
      const r = await find('', { perPage: 2 });
      assert.equal(r.total, 7);
      assert.equal(r.hits.length, 2);
      assert.deepEqual(r.facets.outlet, [
        { value: 'irna', label: 'ایرنا', count: 3 },
        { value: 'asr-tabriz', label: 'عصر تبریز', count: 2 },
        { value: 'khorasan-news', label: 'خبر خراسان', count: 2 },
      ]);
      assert.deepEqual(r.facets.type, [
        { value: 'agency', count: 3 },
        { value: 'newspaper', count: 2 },
        { value: 'site', count: 2 },
      ]);
      assert.deepEqual(r.facets.province, [
        { value: 'east-azerbaijan', count: 2 },
        { value: 'khorasan-razavi', count: 2 },
      ]);
      assert.deepEqual(r.facets.critical, [
        { value: 'no', count: 5 },
        { value: 'yes', count: 2 },
      ]);
      assert.deepEqual(r.facets.day?.[0], { value: '1405/08/30', count: 2 });
      assert.equal(r.facets.day?.length, 5);
      const narrowed = await find('قطار');
      assert.deepEqual(narrowed.facets.critical, [{ value: 'no', count: 1 }, { value: 'yes', count: 1 }]);
      const none = await find('', { facets: false });
      assert.deepEqual(none.facets, {});
    });

    test('pagination walks the whole result without overlap', async () => {
      const seen: string[] = [];
      for (let page = 1; page <= 3; page++) {
        const r = await ix.search({ query: '', perPage: 3, page });
        assert.equal(r.total, 7);
        assert.equal(r.page, page);
        seen.push(...r.hits.map((x) => x.id));
      }
      assert.deepEqual(seen, ['d2', 'd5', 'd1', 'd6', 'd4', 'd7', 'd3']);
      assert.equal((await ix.search({ query: '', perPage: 3, page: 4 })).hits.length, 0);
    });

    test('highlights mark the matched words in the display text as written', async () => {
      const [d2] = (await find('قطار شهری')).hits.filter((x) => x.id === 'd2');
      assert.equal(text(d2.title), 'انتقاد از تأخير در پروژه قطار شهري');
      assert.deepEqual(hits(d2.title), ['قطار شهري']);
      const s = await find('شهرداری تبریز');
      assert.deepEqual(hits(s.hits[0].snippet), ['شهرداري تبريز']);
      const [d4] = (await find('1405 site:irna')).hits;
      assert.deepEqual(hits(d4.title), ['۱۴۰۵']);
      const ph = (await find('"خط دوم"')).hits[0];
      assert.ok(hits(ph.snippet).every((x) => x === 'خط دوم'), JSON.stringify(ph.snippet));
      const ex = (await find('قطار -انتقاد')).hits[0];
      assert.ok(!hits(ex.title).includes('انتقاد'));
    });

    test('hits carry what the results page needs, text unescaped and unaltered', async () => {
      const [x] = (await find('هشدار')).hits;
      assert.equal(x.id, 'd7');
      assert.equal(text(x.title), '<script>alert(1)</script> هشدار امنیتی');
      assert.equal(x.url, 'https://khorasan-news.example/news/d7');
      assert.equal(x.outletName, 'خبر خراسان');
      assert.equal(x.type, 'site');
      assert.equal(x.province, 'khorasan-razavi');
      assert.equal(x.day, '1405/08/26');
      assert.equal(x.critical, false);
      assert.equal(x.publishedAt, '2026-11-17T07:00:00.000Z');
      const [d5] = (await find('ترافیک')).hits;
      assert.equal(d5.publishedAt, null);
      assert.equal(d5.sortAt, '2026-11-21T09:00:00.000Z');
      const [d1] = (await find('cluster:c1 افتتاح')).hits;
      assert.equal(d1.clusterId, 'c1');
    });

    test('malformed queries are rejected with a QueryError, never a crash', async () => {
      const bad = ['"قطار شهری', 'قطار»', 'NEAR(قطار شهری)', 'قطار*', '^قطار', 'title:قطار', '{title}:قطار', 'قطار OR', 'OR قطار',
        'قطار - شهری', '(قطار', 'قطار)', '()', 'from:1405/13/01', 'from:دیروز', 'critical:maybe', 'type:blog', 'province:atlantis', 'outlet:', 'a OR OR b', '-'];
      for (const q of bad) await assert.rejects(ix.search({ query: q }), QueryError, `query «${q}»`);
    });

    test('bad requests are client misuse', async () => {
      await assert.rejects(ix.search({ query: 'قطار', perPage: 0 }), (e: unknown) => e instanceof SearchIndexError && e.kind === 'misuse');
      await assert.rejects(ix.search({ query: 'قطار', page: 1.5 }), (e: unknown) => e instanceof SearchIndexError && e.kind === 'misuse');
      await assert.rejects(ix.search({ query: 'قطار', page: 100_000 }), (e: unknown) => e instanceof SearchIndexError && e.kind === 'misuse');
    });

    test('stats and health', async () => {
      const st = await ix.stats();
      assert.equal(st.driver, ix.driver);
      assert.equal(st.documents, CORPUS.length);
      assert.equal(st.pending, 0);
      assert.equal((await ix.health()).ok, true);
    });

    test('upserting again replaces the document: no duplicates, old words gone', async () => {
      const d3 = CORPUS.find((c) => c.id === 'd3')!;
      await ix.upsert([item({ ...d3, title: 'جشنواره تئاتر در مشهد', body: 'جشنواره تئاتر مشهد برگزار شد.' })]);
      await ix.upsert([item({ ...d3, title: 'جشنواره تئاتر در مشهد', body: 'جشنواره تئاتر مشهد برگزار شد.' })]);
      await expectIds('کتاب', []);
      await expectIds('تئاتر', ['d3']);
      assert.equal((await find('')).total, CORPUS.length);
      assert.equal((await ix.stats()).documents, CORPUS.length);
      await ix.upsert([item(d3)]);
      await expectIds('کتاب', ['d3']);
    });

    test('delete removes documents from every query and facet', async () => {
      const w = await ix.delete(['d6', 'no-such-id']);
      assert.equal(w.pending, 0);
      await expectIds('فوتبال', []);
      await expectIds('outlet:irna', ['d1', 'd4']);
      const r = await find('');
      assert.equal(r.total, CORPUS.length - 1);
      assert.equal(r.facets.outlet?.find((f) => f.value === 'irna')?.count, 2);
      assert.equal((await ix.stats()).documents, CORPUS.length - 1);
      await ix.clear();
      assert.equal((await find('')).total, 0);
    });
  });
}
