// Meilisearch outage: the server is killed while indexing, ingestion continues, the server comes
// back on the same database, and the index converges to the store — nothing lost, nothing doubled.
// Starts its own Meilisearch from MEILI_BIN (exported by .ci/meili.sh) on another port.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Meilisearch } from 'meilisearch';
import { openMemoryDb } from '../../src/store/db.ts';
import { ArticleStore } from '../../src/store/articles.ts';
import { MeiliIndex } from '../../src/index/meili.ts';
import { article, SOURCES } from './fixtures.ts';

const BIN = process.env.MEILI_BIN;
const SKIP = BIN ? false : 'MEILI_BIN is not set: Meilisearch outage test skipped (eval "$(.ci/meili.sh start)" exports it)';
if (SKIP) console.log(`# NOTICE: ${SKIP}`);

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

async function startMeili(port: number, dbPath: string, key: string): Promise<ChildProcess> {
  const child = spawn(BIN!, ['--no-analytics', '--http-addr', `127.0.0.1:${port}`, '--db-path', dbPath, '--master-key', key, '--env', 'development'], {
    stdio: 'ignore',
  });
  for (let i = 0; i < 150; i++) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/health`);
      if (r.ok) return child;
    } catch {
      /* not up yet */
    }
    if (child.exitCode !== null) throw new Error(`meilisearch exited with ${child.exitCode}`);
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error('meilisearch did not start');
}

async function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  await exited;
}

test('Meilisearch outage mid-indexing: the index converges to the store', { skip: SKIP, timeout: 180_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kaghaz-outage-'));
  const port = await freePort();
  const key = 'outage-test-key';
  const dbPath = join(dir, 'data.ms');
  let server = await startMeili(port, dbPath, key);
  const db = openMemoryDb();
  const store = new ArticleStore(db);
  const ix = new MeiliIndex({ url: `http://127.0.0.1:${port}`, apiKey: key, indexUid: 'outage', db, retryMs: 100_000, requestTimeoutMs: 3000 });
  const words = ['قطار', 'شهرداری', 'ترافیک', 'بودجه', 'کتاب', 'فوتبال', 'پارک', 'آسفالت'];
  let n = 0;
  /** Stores a batch of articles (the system of record) and indexes it, like the pipeline does. */
  const ingest = async (count: number) => {
    const items = [];
    for (let i = 0; i < count; i++, n++) {
      const a = article({
        id: `art${n}`, source: n % 2 ? 'irna' : 'asr-tabriz',
        title: `${words[n % words.length]} خبر شماره ${n}`,
        body: `متن خبر ${n} درباره ${words[(n * 3) % words.length]} و ${words[(n * 5) % words.length]}. `.repeat(20),
      });
      store.insert(a);
      items.push({ article: a, source: SOURCES[a.sourceId] });
    }
    return ix.upsert(items);
  };
  try {
    assert.equal((await ingest(500)).pending, 0);
    // Kill the server while a big batch is being indexed.
    const inflight = ingest(3000);
    await sleep(40);
    await stop(server, 'SIGKILL');
    const w = await inflight;
    assert.ok(w.pending > 0, 'the batch in flight when the server died waits in the outbox');
    // Ingestion goes on while the server is down; edits and deletions too.
    for (let i = 0; i < 3; i++) assert.equal((await ingest(400)).indexed, 0);
    const edited = article({ id: 'art7', source: 'irna', title: 'خبر ویرایش‌شده درباره پل', body: 'متن تازه' });
    db.prepare('DELETE FROM articles WHERE id = ?').run('art7');
    store.insert(edited);
    await ix.upsert([{ article: edited, source: SOURCES.irna }]);
    db.prepare('DELETE FROM articles WHERE id IN (?, ?)').run('art8', 'art9');
    await ix.delete(['art8', 'art9']);
    const pendingWhileDown = (await ix.stats()).pending;
    assert.ok(pendingWhileDown >= 1200, `pending while down: ${pendingWhileDown}`);

    // Back on the same database: the outbox drains.
    server = await startMeili(port, dbPath, key);
    await ix.flush();
    const st = await ix.stats();
    assert.equal(st.pending, 0);
    assert.equal(st.failed, 0);

    const client = new Meilisearch({ host: `http://127.0.0.1:${port}`, apiKey: key });
    const stored = (db.prepare('SELECT id FROM articles ORDER BY id').pluck().all() as string[]).sort();
    const indexed: string[] = [];
    for (let offset = 0; ; offset += 1000) {
      const page = await client.index('outage').getDocuments({ fields: ['id'], limit: 1000, offset });
      indexed.push(...page.results.map((d) => d.id as string));
      if (page.results.length < 1000) break;
    }
    assert.equal(indexed.length, new Set(indexed).size, 'no duplicates');
    assert.deepEqual(indexed.sort(), stored, 'same documents as the store');
    assert.equal(st.documents, stored.length);
    const r = await ix.search({ query: 'ویرایش‌شده پل' });
    assert.deepEqual(r.hits.map((h) => h.id), ['art7']);
    assert.equal((await ix.search({ query: '"خبر شماره 8"' })).total, 0);
  } finally {
    await ix.close();
    await stop(server, 'SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
});
