import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { Meilisearch } from 'meilisearch';
import { openMemoryDb } from '../../src/store/db.ts';
import { MeiliIndex, MEILI_SETTINGS } from '../../src/index/meili.ts';
import { createSearchIndex } from '../../src/index/factory.ts';
import { SearchIndexError } from '../../src/index/types.ts';
import { QueryError } from '../../src/index/query.ts';
import { contractSuite } from './contract.ts';
import { item } from './fixtures.ts';
import { MEILI_API_KEY, MEILI_URL, SKIP_MEILI, meiliIndex, uniqueUid } from './meili-harness.ts';

if (SKIP_MEILI) {
  console.log(`# NOTICE: ${SKIP_MEILI}`);
  test('Meilisearch contract suite', { skip: SKIP_MEILI }, () => {});
} else {
  contractSuite('Meilisearch', async () => {
    const db = openMemoryDb();
    const index = meiliIndex(db);
    return { db, index, cleanup: async () => { await index.drop(); db.close(); } };
  });
}

/** A loopback port nobody listens on. */
async function deadPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

test('createSearchIndex picks FTS5 without MEILI_URL and Meilisearch with it', async () => {
  const db = openMemoryDb();
  assert.equal(createSearchIndex(db, {}).driver, 'fts5');
  const m = createSearchIndex(db, { MEILI_URL: 'http://127.0.0.1:1', MEILI_INDEX: 'kaghaz-x' });
  assert.equal(m.driver, 'meilisearch');
  await m.close();
  assert.throws(() => createSearchIndex(db, { MEILI_URL: 'localhost:7700' }), (e: unknown) => e instanceof SearchIndexError && e.kind === 'misuse');
});

test('Meilisearch down: writes wait in the durable outbox, searches say "could not connect"', async () => {
  const db = openMemoryDb();
  const uid = uniqueUid();
  const down = meiliIndex(db, uid, `http://127.0.0.1:${await deadPort()}`);
  const w = await down.upsert([item({ id: 'o1', source: 'irna', title: 'قطار شهری' }), item({ id: 'o2', source: 'irna', title: 'کتاب' })]);
  assert.deepEqual(w, { indexed: 0, pending: 2 });
  const st = await down.stats();
  assert.equal(st.pending, 2);
  assert.match(st.lastError ?? '', /could not reach/);
  await assert.rejects(down.search({ query: 'قطار' }), (e: unknown) => e instanceof SearchIndexError && e.kind === 'connect');
  assert.equal((await down.health()).ok, false);
  await down.close();
  const rows = db.prepare('SELECT doc_id, op FROM search_outbox WHERE index_uid = ? ORDER BY seq').all(uid);
  assert.deepEqual(rows, [{ doc_id: 'o1', op: 'upsert' }, { doc_id: 'o2', op: 'upsert' }]);
  db.close();
});

describe('Meilisearch specifics', { skip: SKIP_MEILI }, () => {
  test('settings are applied (Persian locale, filterable/sortable, typo rules) and re-applying changes nothing', async () => {
    const ix = meiliIndex();
    try {
      await ix.upsert([item({ id: 's1', source: 'irna', title: 'قطار' })]);
      const client = new Meilisearch({ host: MEILI_URL!, apiKey: MEILI_API_KEY });
      const s = await client.index(ix.indexUid).getSettings();
      assert.deepEqual(s.localizedAttributes, [{ attributePatterns: ['*'], locales: ['pes'] }]);
      assert.deepEqual(s.searchableAttributes, MEILI_SETTINGS.searchableAttributes);
      assert.deepEqual([...(s.filterableAttributes as string[])].sort(), [...(MEILI_SETTINGS.filterableAttributes as string[])].sort());
      assert.deepEqual(s.sortableAttributes, ['sort_ts']);
      assert.equal(s.typoTolerance?.disableOnNumbers, true);
      // A second driver on the same index applies the same settings again without harm.
      const again = meiliIndex(openMemoryDb(), ix.indexUid);
      assert.equal((await again.search({ query: 'قطار' })).total, 1);
      await again.close();
    } finally {
      await ix.drop();
    }
  });

  test('outbox catches up when the server becomes reachable: nothing lost, nothing duplicated', async () => {
    const db = openMemoryDb();
    const uid = uniqueUid();
    const down = meiliIndex(db, uid, `http://127.0.0.1:${await deadPort()}`);
    await down.upsert([item({ id: 'p1', source: 'irna', title: 'قطار اول' }), item({ id: 'p2', source: 'irna', title: 'قطار دوم' })]);
    await down.upsert([item({ id: 'p1', source: 'irna', title: 'قطار اول ویرایش شده' })]);
    await down.delete(['p2']);
    await down.close();
    const up = meiliIndex(db, uid);
    try {
      await up.upsert([item({ id: 'p3', source: 'irna', title: 'قطار سوم' })]);
      const st = await up.stats();
      assert.equal(st.pending, 0);
      assert.equal(st.documents, 2);
      const r = await up.search({ query: 'قطار' });
      assert.deepEqual(r.hits.map((h) => h.id).sort(), ['p1', 'p3']);
      assert.equal((await up.search({ query: 'ویرایش' })).total, 1);
    } finally {
      await up.drop();
    }
  });

  test('a document the server refuses is reported, and does not block the others', async () => {
    const db = openMemoryDb();
    const ix = meiliIndex(db);
    try {
      // Meilisearch refuses a primary key with spaces; the outbox is the way such a row gets in.
      const good = item({ id: 'f1', source: 'irna', title: 'قطار' });
      await ix.upsert([good]);
      db.prepare(`INSERT INTO search_outbox (index_uid, doc_id, op, doc, enqueued_at) VALUES (?, 'f2', 'upsert', ?, ?)`)
        .run(ix.indexUid, JSON.stringify({ id: 'f 2!', title: 'x' }), new Date().toISOString());
      const w = await ix.upsert([item({ id: 'f3', source: 'irna', title: 'کتاب' })]);
      assert.equal(w.pending, 0);
      const st = await ix.stats();
      assert.equal(st.failed, 1);
      assert.match(st.lastError ?? '', /f2/);
      assert.equal(st.documents, 2);
      assert.equal((await ix.health()).ok, false);
    } finally {
      await ix.drop();
    }
  });

  test('a wrong API key is "server said no", with a hint', async () => {
    const ix = new MeiliIndex({ url: MEILI_URL!, apiKey: 'wrong-key', indexUid: uniqueUid(), db: openMemoryDb() });
    await assert.rejects(ix.search({ query: 'قطار' }), (e: unknown) => e instanceof SearchIndexError && e.kind === 'server' && /MEILI_API_KEY/.test(e.message));
    await ix.close();
  });

  test('queries Meilisearch cannot express are QueryErrors', async () => {
    const ix = meiliIndex();
    try {
      await assert.rejects(ix.search({ query: 'قطار -(شهری تبریز)' }), QueryError);
      await assert.rejects(ix.search({ query: 'یک دو سه چهار پنج شش هفت هشت نه ده یازده' }), QueryError);
    } finally {
      await ix.drop();
    }
  });
});
