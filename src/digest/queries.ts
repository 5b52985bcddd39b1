// Read-only queries the digest needs beyond ArticleStore.list: light rows (no body, no
// detection JSON) so a day with ten thousand articles and their clusters stays fast.
import type { Article, Detection } from '../article.ts';
import type { Db } from '../store/db.ts';
import { OF_CITY_SQL } from '../store/articles.ts';

/** What the digest reads of an article: everything but the body and match keys. */
export type DigestArticle = Pick<Article, 'id' | 'sourceId' | 'url' | 'title' | 'kicker' | 'lead' | 'publishedAt' | 'fetchedAt' | 'clusterId' | 'detection'>;

interface RawDay {
  id: string;
  source_id: string;
  url: string;
  title: string;
  kicker: string | null;
  lead: string | null;
  published_at: string | null;
  fetched_at: string;
  cluster_id: string | null;
  detection: string;
}

/**
 * The day's articles about the municipality, as ArticleStore.list({from, to, mentionedOnly})
 * selects them, without the body (the largest column, which the digest never shows).
 */
export function articlesOfDay(db: Db, city: string, from: string, to: string): DigestArticle[] {
  const rows = db
    .prepare(
      `SELECT id, source_id, url, title, kicker, lead, published_at, fetched_at, cluster_id, detection FROM articles
       WHERE mentioned = 1 AND ${OF_CITY_SQL}
         AND COALESCE(published_at, fetched_at) >= ? AND COALESCE(published_at, fetched_at) < ?`,
    )
    .all(city, from, to) as RawDay[];
  return rows.map((r) => ({
    id: r.id,
    sourceId: r.source_id,
    url: r.url,
    title: r.title,
    kicker: r.kicker ?? undefined,
    lead: r.lead ?? undefined,
    publishedAt: r.published_at,
    fetchedAt: r.fetched_at,
    clusterId: r.cluster_id,
    detection: JSON.parse(r.detection) as Detection,
  }));
}

export interface LightRow {
  id: string;
  sourceId: string;
  title: string;
  url: string;
  publishedAt: string | null;
  fetchedAt: string;
  clusterId: string | null;
  critical: boolean;
  ownOutlet: boolean;
}

interface RawLight {
  id: string;
  source_id: string;
  title: string;
  url: string;
  published_at: string | null;
  fetched_at: string;
  cluster_id: string | null;
  critical: number;
  own_outlet: number;
}

const LIGHT_COLUMNS = 'id, source_id, title, url, published_at, fetched_at, cluster_id, critical, own_outlet';

function light(r: RawLight): LightRow {
  return {
    id: r.id,
    sourceId: r.source_id,
    title: r.title,
    url: r.url,
    publishedAt: r.published_at,
    fetchedAt: r.fetched_at,
    clusterId: r.cluster_id,
    critical: r.critical === 1,
    ownOutlet: r.own_outlet === 1,
  };
}

/**
 * Every member of the given clusters placed before `to` (later reprints never change a past
 * digest). A cluster's id is its first article's id, and that article may carry a null
 * cluster_id, so it is matched by id as well.
 */
export function clusterMembers(db: Db, clusterIds: string[], to: string): LightRow[] {
  if (clusterIds.length === 0) return [];
  const ids = JSON.stringify(clusterIds);
  const rows = db
    .prepare(
      // Two indexed lookups joined by UNION (an OR of the two would scan the table).
      `SELECT ${LIGHT_COLUMNS} FROM articles
       WHERE cluster_id IN (SELECT value FROM json_each(?)) AND COALESCE(published_at, fetched_at) < ?
       UNION
       SELECT ${LIGHT_COLUMNS} FROM articles
       WHERE id IN (SELECT value FROM json_each(?)) AND COALESCE(published_at, fetched_at) < ?`,
    )
    .all(ids, to, ids, to) as RawLight[];
  return rows.map(light);
}

/** Articles of the municipality's own outlets placed in [from, to), mentioned or not. */
export function ownArticles(db: Db, ownSourceIds: string[], from: string, to: string): LightRow[] {
  const rows = db
    .prepare(
      `SELECT ${LIGHT_COLUMNS} FROM articles
       WHERE (own_outlet = 1 OR source_id IN (SELECT value FROM json_each(?)))
         AND COALESCE(published_at, fetched_at) >= ? AND COALESCE(published_at, fetched_at) < ?`,
    )
    .all(JSON.stringify(ownSourceIds), from, to) as RawLight[];
  return rows.map(light);
}

/** Instants and critical flags of mentioned articles in [from, to), for the trend chart. */
export function mentionInstants(db: Db, city: string, from: string, to: string): { at: string; critical: boolean }[] {
  const rows = db
    .prepare(
      `SELECT COALESCE(published_at, fetched_at) AS at, critical FROM articles
       WHERE mentioned = 1 AND ${OF_CITY_SQL}
         AND COALESCE(published_at, fetched_at) >= ? AND COALESCE(published_at, fetched_at) < ?`,
    )
    .all(city, from, to) as { at: string; critical: number }[];
  return rows.map((r) => ({ at: r.at, critical: r.critical === 1 }));
}

/** When kaghaz first fetched anything: the digest's issue numbers count from that day. */
export function firstFetchedAt(db: Db): string | null {
  return (db.prepare('SELECT min(fetched_at) FROM articles').pluck().get() as string | null) ?? null;
}
