// The media unit's verdicts on stored articles (critical or not), the training data of the
// learned criticism layer (`kaghaz detect train`). Given from the CLI or the web search page.
import type { Db } from '../store/db.ts';
import { OF_CITY_SQL } from '../store/articles.ts';

export type Verdict = 'critical' | 'not-critical';

export function isVerdict(v: unknown): v is Verdict {
  return v === 'critical' || v === 'not-critical';
}

/** Stores (or replaces) the verdict on one article for one city; returns how many the city has. */
export function storeVerdict(db: Db, articleId: string, city: string, verdict: Verdict, note?: string, now = new Date()): number {
  db.prepare(
    `INSERT INTO detect_verdicts (article_id, city, verdict, decided_at, note) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(article_id, city) DO UPDATE SET verdict = excluded.verdict, decided_at = excluded.decided_at, note = excluded.note`,
  ).run(articleId, city, verdict, now.toISOString(), note ?? null);
  return db.prepare('SELECT count(*) FROM detect_verdicts WHERE city = ?').pluck().get(city) as number;
}

/** Verdicts already given on these articles (for showing them beside search results). */
export function verdictsFor(db: Db, city: string, articleIds: string[]): Map<string, Verdict> {
  const out = new Map<string, Verdict>();
  if (articleIds.length === 0) return out;
  const rows = db
    .prepare(`SELECT article_id AS id, verdict FROM detect_verdicts WHERE city = ? AND article_id IN (${articleIds.map(() => '?').join(',')})`)
    .all(city, ...articleIds) as { id: string; verdict: Verdict }[];
  for (const r of rows) out.set(r.id, r.verdict);
  return out;
}

export interface ReviewItem {
  id: string;
  title: string;
  url: string;
  score: number;
  critical: boolean;
  publishedAt: string | null;
}

/**
 * Stored articles about the city that have no verdict yet, the most uncertain first (score nearest
 * 0.5; newest first among equals): the verdicts that teach `detect train` the most per click.
 */
export function reviewQueue(db: Db, city: string, limit = 20): ReviewItem[] {
  const rows = db
    .prepare(
      `SELECT id, title, url, score, critical, published_at AS publishedAt FROM articles
       WHERE mentioned = 1 AND ${OF_CITY_SQL}
         AND NOT EXISTS (SELECT 1 FROM detect_verdicts v WHERE v.article_id = articles.id AND v.city = ?)
       ORDER BY abs(score - 0.5), COALESCE(published_at, fetched_at) DESC, id
       LIMIT ?`,
    )
    .all(city, city, limit) as (Omit<ReviewItem, 'critical'> & { critical: number })[];
  return rows.map((r) => ({ ...r, critical: r.critical === 1 }));
}
