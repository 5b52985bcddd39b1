// Picks the search driver from the environment and rebuilds an index from the store.
import type { Source } from '../config.ts';
import type { Db } from '../store/db.ts';
import { ArticleStore } from '../store/articles.ts';
import { Fts5Index } from './fts5.ts';
import { MeiliIndex } from './meili.ts';
import type { IndexItem, SearchIndex } from './types.ts';

/** Meilisearch when MEILI_URL is set (MEILI_API_KEY, MEILI_INDEX optional), else FTS5 in the store DB. */
export function createSearchIndex(db: Db, env: NodeJS.ProcessEnv = process.env): SearchIndex {
  const url = env.MEILI_URL?.trim();
  if (url) return new MeiliIndex({ url, apiKey: env.MEILI_API_KEY || undefined, indexUid: env.MEILI_INDEX || undefined, db });
  return new Fts5Index(db);
}

export interface RebuildResult {
  articles: number;
  indexed: number;
  pending: number;
  /** Articles whose outlet is not in the sources list (indexed under their id). */
  unknownOutlets: string[];
}

/**
 * Empties the index and re-indexes every stored article, in batches, streaming from the
 * articles table. `sources` supply outlet names, types and provinces.
 */
export async function rebuildIndex(
  db: Db,
  index: SearchIndex,
  sources: Source[] = [],
  opts: { batchSize?: number; onProgress?: (done: number) => void } = {},
): Promise<RebuildResult> {
  const bySource = new Map(sources.map((s) => [s.id, s]));
  const unknown = new Set<string>();
  const size = opts.batchSize ?? 1000;
  await index.clear();
  let batch: IndexItem[] = [];
  const res: RebuildResult = { articles: 0, indexed: 0, pending: 0, unknownOutlets: [] };
  const send = async () => {
    const w = await index.upsert(batch);
    res.indexed += w.indexed;
    res.pending = w.pending;
    batch = [];
    opts.onProgress?.(res.articles);
  };
  // Not ArticleStore.iterate(): an open SQLite cursor would keep the connection busy while the
  // index writes to the same database. Ids first, then articles batch by batch.
  const store = new ArticleStore(db);
  const ids = db.prepare('SELECT id FROM articles ORDER BY rowid').pluck().all() as string[];
  for (const id of ids) {
    const article = store.get(id);
    if (!article) continue;
    const source = bySource.get(article.sourceId);
    if (!source) unknown.add(article.sourceId);
    batch.push({ article, source });
    res.articles++;
    if (batch.length >= size) await send();
  }
  if (batch.length) await send();
  res.unknownOutlets = [...unknown].sort();
  return res;
}
