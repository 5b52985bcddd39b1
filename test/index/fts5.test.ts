import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openMemoryDb } from '../../src/store/db.ts';
import { Fts5Index } from '../../src/index/fts5.ts';
import { SearchIndexError } from '../../src/index/types.ts';
import { contractSuite } from './contract.ts';
import { item } from './fixtures.ts';

contractSuite('SQLite FTS5', async () => {
  const db = openMemoryDb();
  return { db, index: new Fts5Index(db), cleanup: async () => { db.close(); } };
});

test('FTS5: index writes are transactional with the display table (a failing batch leaves nothing)', async () => {
  const db = openMemoryDb();
  const ix = new Fts5Index(db);
  const good = item({ id: 'g1', source: 'irna', title: 'قطار شهری' });
  const bad = item({ id: 'b1', source: 'irna', title: 'خبر بد' });
  bad.article.fetchedAt = 'not a date';
  bad.article.publishedAt = null;
  await assert.rejects(ix.upsert([good, bad]));
  assert.equal((await ix.stats()).documents, 0);
  assert.equal((await ix.search({ query: 'قطار' })).total, 0);
});

test('FTS5: user text with FTS5 operators is searched as words, not syntax', async () => {
  const db = openMemoryDb();
  const ix = new Fts5Index(db);
  await ix.upsert([item({ id: 'x1', source: 'irna', title: 'واژه AND و NOT در متن', body: 'NEAR کلمه' })]);
  assert.equal((await ix.search({ query: '"NOT در"' })).total, 1);
  assert.equal((await ix.search({ query: 'near' })).total, 1);
  assert.equal((await ix.search({ query: 'and' })).total, 1);
});

test('FTS5: a database without the search tables is client misuse', async () => {
  const Database = (await import('better-sqlite3')).default;
  assert.throws(() => new Fts5Index(new Database(':memory:')), (e: unknown) => e instanceof SearchIndexError && e.kind === 'misuse');
});
