import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseQuery, QueryError, toFts5, toDnf, positiveTerms, type QueryNode } from '../../src/index/query.ts';
import { meiliFilter, meiliQuery } from '../../src/index/meili.ts';
import { openMemoryDb } from '../../src/store/db.ts';
import { Fts5Index } from '../../src/index/fts5.ts';
import { item } from './fixtures.ts';

const show = (n: QueryNode | null): string => {
  if (!n) return '∅';
  switch (n.kind) {
    case 'term':
      return n.tokens.length > 1 ? `"${n.tokens.join(' ')}"` : n.tokens[0];
    case 'not':
      return `-${show(n.item)}`;
    case 'or':
      return `(${n.items.map(show).join(' | ')})`;
    case 'and':
      return `[${n.items.map(show).join(' ')}]`;
  }
};
const same = (a: string, b: string) => assert.equal(show(parseQuery(a).text), show(parseQuery(b).text));

test('words, phrases and spelling variants become the same match-key terms', () => {
  same('شهرداري تبريز', 'شهرداری تبریز');
  same('"قطار شهري"', '«قطار شهری»');
  same('شهرداری‌ها', '"شهرداری ها"');
  assert.equal(show(parseQuery('قطار "خط دوم"').text), '[قطار "خط دوم"]');
  assert.equal(parseQuery('   ').text, null);
  assert.equal(parseQuery('، . !').text, null, 'punctuation alone is nothing to search');
});

test('OR binds tighter than the implicit AND; - and NOT exclude; parentheses group', () => {
  assert.equal(show(parseQuery('الف ب OR ج د').text), '[الف (ب | ج) د]');
  assert.equal(show(parseQuery('الف | ب').text), '(الف | ب)');
  assert.equal(show(parseQuery('قطار -انتقاد NOT تاخیر').text), '[قطار -انتقاد -تاخیر]');
  assert.equal(show(parseQuery('(کتاب OR فوتبال) مشهد').text), '[(کتاب | فوتبال) مشهد]');
  assert.equal(show(parseQuery('قطار AND شهری').text), '[قطار شهری]');
  assert.equal(show(parseQuery('covid-19').text), '"covid 19"', 'a hyphen inside a word is not an operator');
});

test('filters are read, resolved and kept out of the text', () => {
  const q = parseQuery('قطار site:ایرنا outlet:asr-tabriz -site:x type:روزنامه province:«آذربایجان شرقی» critical:بله entity:"شهرداری تبریز" cluster:c1 from:۱۴۰۵/۰۸/۰۱ to:2026-11-22');
  assert.equal(show(q.text), 'قطار');
  assert.deepEqual(q.filters.outlet, { include: ['ایرنا', 'asr-tabriz'], exclude: ['x'] });
  assert.deepEqual(q.filters.type, { include: ['newspaper'], exclude: [] });
  assert.deepEqual(q.filters.province.include, ['east-azerbaijan']);
  assert.equal(q.filters.critical, true);
  assert.deepEqual(q.filters.entity.include, ['شهرداری تبریز']);
  assert.deepEqual(q.filters.cluster.include, ['c1']);
  assert.equal(q.filters.from?.start, '2026-10-22T20:30:00.000Z');
  assert.equal(q.filters.to?.end, '2026-11-22T20:30:00.000Z');
  assert.equal(parseQuery('critical:no').filters.critical, false);
  assert.equal(parseQuery('-critical:yes').filters.critical, false);
  assert.equal(parseQuery('SITE:irna').filters.outlet.include[0], 'irna');
  assert.equal(parseQuery('ساعت ۱۲:۳۰').text?.kind, 'and', 'a colon after digits is not a filter');
});

test('malformed queries give a QueryError with a message that says what to do', () => {
  const cases: [string, RegExp][] = [
    ['"قطار شهری', /never closed/],
    ['«قطار', /never closed.*»/],
    ['قطار»', /no opening quote/],
    ['NEAR(قطار شهری)', /NEAR.*phrase/],
    ['NEAR/3 قطار', /NEAR/],
    ['قطار*', /prefix search/],
    ['^قطار', /not supported/],
    ['title:قطار', /unknown filter "title:".*outlet:/],
    ['{title body}:قطار', /column filters/],
    ['قطار OR', /both sides/],
    ['OR قطار', /both sides/],
    ['قطار OR OR شهری', /both sides/],
    ['قطار - شهری', /excludes nothing/],
    ['-', /excludes nothing/],
    ['(قطار', /never closed/],
    ['قطار)', /no matching/],
    ['()', /empty/],
    ['(-قطار)', /not excluded/],
    ['قطار OR -شهری', /cannot be one side of OR/],
    ['site:irna OR site:x', /repeat the filter/],
    ['(site:irna قطار)', /outside/],
    ['outlet:', /needs a value/],
    ['from:1405/13/01', /not a valid Jalali date/],
    ['from:دیروز', /not a date/],
    ['from:1405/09/10 to:1405/09/01', /swap/],
    ['critical:maybe', /yes or no/],
    ['type:blog', /unknown outlet type.*agency/],
    ['province:atlantis', /unknown province/],
    ['x'.repeat(2001), /longer than 2000/],
  ];
  for (const [q, re] of cases) assert.throws(() => parseQuery(q), (e: unknown) => e instanceof QueryError && re.test(e.message), `query «${q.slice(0, 40)}»`);
});

test('FTS5 expressions quote every term', () => {
  const fts = toFts5(parseQuery('الف "ب ج" OR د -ه').text!);
  assert.equal(fts, '(("الف" AND ("ب ج" OR "د")) NOT ("ه"))');
});

test('Meilisearch forms: OR expands to branches, filters escape values', () => {
  const dnf = toDnf(parseQuery('(الف OR ب) ج -د').text);
  assert.deepEqual(dnf.map(meiliQuery), ['الف ج -د', 'ب ج -د']);
  assert.deepEqual(toDnf(parseQuery('الف -(ب OR ج)').text).map(meiliQuery), ['الف -ب -ج']);
  assert.throws(() => toDnf(parseQuery('(a OR b) (c OR d) (e OR f) (g OR h) (i OR j)').text), QueryError);
  const f = meiliFilter(parseQuery('outlet:«a"b\\c» critical:yes').filters);
  assert.ok(f[0].startsWith('(source_id IN ["a\\"b\\\\c"]'), f[0]);
  assert.ok(f.includes('critical = true'));
});

test('positive terms skip exclusions (for highlighting)', () => {
  assert.deepEqual(positiveTerms(parseQuery('قطار -انتقاد (الف OR ب)').text).map((t) => t.raw), ['قطار', 'الف', 'ب']);
});

test('property: any typed text either parses or fails with a QueryError; parsed text never breaks FTS5', async () => {
  const db = openMemoryDb();
  const ix = new Fts5Index(db);
  await ix.upsert([item({ id: 'p1', source: 'irna', title: 'قطار شهری تبریز' })]);
  const alphabet = fc.constantFrom(...'قطار شهری تبریز"«»()-*^:{}|ORNEAT AND NOT site:irna from:1405/01/01 ، 12 \u200c\''.split(''));
  await fc.assert(
    fc.asyncProperty(fc.array(alphabet, { maxLength: 40 }).map((a) => a.join('')), async (q) => {
      try {
        await ix.search({ query: q });
      } catch (e) {
        if (!(e instanceof QueryError)) throw e;
      }
    }),
    { numRuns: 400 },
  );
});
