// A served kaghaz over an in-memory store with the search contract's corpus, for web tests.
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openMemoryDb } from '../../src/store/db.ts';
import { ArticleStore } from '../../src/store/articles.ts';
import { Fts5Index } from '../../src/index/fts5.ts';
import { startWebServer } from '../../src/web/server.ts';
import { CORPUS } from '../index/contract.ts';
import { item } from '../index/fixtures.ts';

export async function servedKaghaz(opts: { triageCity?: string } = {}) {
  const db = openMemoryDb();
  const store = new ArticleStore(db);
  const items = CORPUS.map(item);
  for (const it of items) store.insert(it.article);
  const index = new Fts5Index(db);
  await index.upsert(items);
  const dataDir = mkdtempSync(join(tmpdir(), 'kaghaz-web-'));
  mkdirSync(join(dataDir, 'digests', 'fonts'), { recursive: true });
  writeFileSync(join(dataDir, 'digests', '1405-08-29.html'), '<!doctype html><html lang="fa" dir="rtl"><body><h1>کاغذ اخبار ۲۹ آبان</h1></body></html>');
  writeFileSync(join(dataDir, 'digests', '1405-08-29.txt'), 'کاغذ اخبار');
  writeFileSync(join(dataDir, 'digests', '1405-08-30.html'), '<!doctype html><html><body>دیگری</body></html>');
  writeFileSync(join(dataDir, 'kaghaz-secret.txt'), 'not for the web');
  const web = await startWebServer({ db, index, dataDir, port: 0, triageCity: opts.triageCity });
  return {
    db,
    index,
    dataDir,
    url: web.url,
    async close() {
      await web.close();
      db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
