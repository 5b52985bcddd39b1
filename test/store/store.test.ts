import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from '../../src/store/migrate.ts';
import { openDb, openMemoryDb } from '../../src/store/db.ts';
import { ArticleStore, articleId } from '../../src/store/articles.ts';
import { recordCycleStart, recordFate, fateCounts, closeInterruptedCycles } from '../../src/store/cycles.ts';
import type { Article } from '../../src/article.ts';

function article(url: string, over: Partial<Article> = {}): Article {
  return {
    id: articleId(url),
    sourceId: 'irna',
    url,
    canonicalUrl: url,
    title: 'عنوان',
    body: 'متن خبر',
    publishedAt: '2026-11-21T08:00:00.000Z',
    fetchedAt: '2026-11-21T09:00:00.000Z',
    titleKey: 'عنوان',
    textKey: 'عنوان متن خبر',
    detection: { city: 'tabriz', mentioned: true, mentions: [], critical: false, score: 0.1, severity: 'none', evidence: [], ownOutlet: false },
    clusterId: null,
    ...over,
  };
}

test('migrations are applied once, in order, and recorded by name', () => {
  const db = new Database(':memory:');
  const ms = [
    { id: 'a/001', sql: 'CREATE TABLE t (x INTEGER)' },
    { id: 'a/002', sql: 'ALTER TABLE t ADD COLUMN y TEXT' },
  ];
  assert.deepEqual(migrate(db, ms), ['a/001', 'a/002']);
  assert.deepEqual(migrate(db, ms), [], 'a second run applies nothing');
  assert.deepEqual(migrate(db, [...ms, { id: 'a/003', sql: 'CREATE TABLE u (z)' }]), ['a/003']);
  assert.throws(() => migrate(db, [ms[0], ms[0]]), /duplicate migration id/);
});

test('a failing migration leaves nothing half-applied', () => {
  const db = new Database(':memory:');
  assert.throws(() => migrate(db, [{ id: 'b/001', sql: 'CREATE TABLE ok (x); CREATE TABLE broken (' }]));
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE name = 'ok'`).all();
  assert.deepEqual(tables, []);
  assert.equal(db.prepare(`SELECT count(*) FROM schema_migrations`).pluck().get(), 0);
});

test('the on-disk store uses WAL and keeps data across reopen', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kaghaz-store-'));
  const db = openDb(dir);
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  new ArticleStore(db).insert(article('https://www.irna.ir/news/1'));
  db.close();
  const again = openDb(dir);
  assert.equal(new ArticleStore(again).count(), 1);
  again.close();
});

test('articles are inserted once per canonical URL and read back intact', () => {
  const store = new ArticleStore(openMemoryDb());
  const a = article('https://www.irna.ir/news/2', { kicker: 'روتیتر', publishedAt: null });
  assert.equal(store.insert(a), true);
  assert.equal(store.insert({ ...a, title: 'دوباره' }), false, 'the same canonical URL is not inserted twice');
  assert.equal(store.count(), 1);
  const back = store.get(a.id)!;
  assert.equal(back.title, 'عنوان');
  assert.equal(back.kicker, 'روتیتر');
  assert.equal(back.publishedAt, null, 'an unknown date stays unknown');
  assert.deepEqual(back.detection, a.detection);
  assert.ok(store.has(a.canonicalUrl));
});

test('list filters by day instant (published, else fetched) and by mention', () => {
  const store = new ArticleStore(openMemoryDb());
  store.insert(article('https://a.ir/1', { publishedAt: '2026-11-20T10:00:00.000Z' }));
  store.insert(article('https://a.ir/2', { publishedAt: null, fetchedAt: '2026-11-21T10:00:00.000Z' }));
  store.insert(article('https://a.ir/3', { publishedAt: '2026-11-21T11:00:00.000Z', detection: { ...article('x').detection, mentioned: false } }));
  const day = store.list({ from: '2026-11-21T00:00:00.000Z', to: '2026-11-22T00:00:00.000Z' });
  assert.deepEqual(day.map((a) => a.url), ['https://a.ir/2', 'https://a.ir/3']);
  assert.deepEqual(store.list({ mentionedOnly: true }).map((a) => a.url), ['https://a.ir/1', 'https://a.ir/2']);
});

test('each item has one fate per cycle; interrupted cycles are closed at the next start', () => {
  const db = openMemoryDb();
  const c = recordCycleStart(db);
  recordFate(db, c, 'irna', 'https://a.ir/1', { status: 'retry', reason: 'timeout' });
  recordFate(db, c, 'irna', 'https://a.ir/1', { status: 'ok' });
  recordFate(db, c, 'irna', 'https://a.ir/2', { status: 'skip', reason: 'listing-page' });
  assert.deepEqual(
    fateCounts(db, c).map((f) => [f.status, f.reason, f.count]),
    [['ok', null, 1], ['skip', 'listing-page', 1]],
  );
  assert.equal(closeInterruptedCycles(db), 1);
  assert.equal(db.prepare('SELECT status FROM cycles WHERE id = ?').pluck().get(c), 'interrupted');
});

test('an article is known by its canonical URL and by the link it was reached through', () => {
  const store = new ArticleStore(openMemoryDb());
  const a = article('https://www.irna.ir/news/9/x', {
    url: 'https://WWW.irna.ir/fa/news/9?utm_source=telegram#top',
    canonicalUrl: 'https://www.irna.ir/news/9/x',
  });
  store.insert(a);
  assert.ok(store.has('https://www.irna.ir/news/9/x'));
  assert.ok(store.has('https://www.irna.ir/fa/news/9'), 'the feed link, canonicalized, is known too');
  assert.ok(!store.has('https://www.irna.ir/fa/news/10'));
});
