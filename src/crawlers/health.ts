// Per-outlet health (source_health) and per-cycle history (crawl_runs, crawl_failures).
import type { Db } from '../store/db.ts';
import type { SourceReport } from './cycle.ts';

/** One outlet's report of a cycle, with when its crawl ran. */
export type RunRecord = SourceReport & { startedAt: string; finishedAt: string };

export function recordRun(db: Db, r: RunRecord): void {
  db.prepare(
    `INSERT OR REPLACE INTO crawl_runs (source_id, started_at, finished_at, fetched, new, skipped, failed, error_kind, error)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(r.sourceId, r.startedAt, r.finishedAt, r.fetched, r.new, JSON.stringify(r.skipped), JSON.stringify(r.failed), r.error?.kind ?? null, r.error?.message ?? null);
  if (r.error) {
    db.prepare(
      `INSERT INTO source_health (source_id, last_attempt_at, last_error_at, last_error_kind, last_error, consecutive_failures)
       VALUES (@id, @at, @at, @kind, @msg, 1)
       ON CONFLICT(source_id) DO UPDATE SET last_attempt_at = @at, last_error_at = @at, last_error_kind = @kind,
         last_error = @msg, consecutive_failures = consecutive_failures + 1`,
    ).run({ id: r.sourceId, at: r.finishedAt, kind: r.error.kind, msg: r.error.message });
  } else {
    db.prepare(
      `INSERT INTO source_health (source_id, last_attempt_at, last_success_at, consecutive_failures)
       VALUES (@id, @at, @at, 0)
       ON CONFLICT(source_id) DO UPDATE SET last_attempt_at = @at, last_success_at = @at, consecutive_failures = 0`,
    ).run({ id: r.sourceId, at: r.finishedAt });
  }
}

/** Kinds that will not change by asking again soon. */
const PERMANENT = new Set(['http-404', 'http-410', 'content-type']);

export function recordPageFailure(db: Db, sourceId: string, url: string, kind: string, message: string, at: string): void {
  db.prepare(
    `INSERT INTO crawl_failures (url, source_id, kind, message, attempts, first_at, last_at) VALUES (?, ?, ?, ?, 1, ?, ?)
     ON CONFLICT(url) DO UPDATE SET kind = excluded.kind, message = excluded.message, attempts = attempts + 1, last_at = excluded.last_at`,
  ).run(url, sourceId, kind, message, at, at);
}

/** True when the URL failed permanently before, or transiently three times: do not fetch it again. */
export function givenUp(db: Db, url: string): boolean {
  const row = db.prepare('SELECT kind, attempts FROM crawl_failures WHERE url = ?').get(url) as { kind: string; attempts: number } | undefined;
  if (!row) return false;
  return PERMANENT.has(row.kind) || row.attempts >= 3;
}

export interface HealthRow {
  sourceId: string;
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
  lastErrorKind: string | null;
  lastError: string | null;
  consecutiveFailures: number;
  /** Articles stored in the last 7 days, per day. */
  articlesPerDay: number;
  /** Share of this outlet's stored articles with title, body and a publication date (0..1), null when none. */
  completeness: number | null;
  articles: number;
}

export function healthTable(db: Db, sourceIds: string[], now = new Date()): HealthRow[] {
  const health = db.prepare('SELECT * FROM source_health WHERE source_id = ?');
  const weekAgo = new Date(now.getTime() - 7 * 86400_000).toISOString();
  const stats = db.prepare(
    `SELECT COUNT(*) AS n,
            SUM(CASE WHEN length(title) > 0 AND length(body) > 0 AND published_at IS NOT NULL THEN 1 ELSE 0 END) AS complete,
            SUM(CASE WHEN fetched_at >= ? THEN 1 ELSE 0 END) AS week
     FROM articles WHERE source_id = ?`,
  );
  return sourceIds.map((id) => {
    const h = health.get(id) as Record<string, string | number | null> | undefined;
    const s = stats.get(weekAgo, id) as { n: number; complete: number | null; week: number | null };
    return {
      sourceId: id,
      lastAttemptAt: (h?.last_attempt_at as string) ?? null,
      lastSuccessAt: (h?.last_success_at as string) ?? null,
      lastErrorAt: (h?.last_error_at as string) ?? null,
      lastErrorKind: (h?.last_error_kind as string) ?? null,
      lastError: (h?.last_error as string) ?? null,
      consecutiveFailures: Number(h?.consecutive_failures ?? 0),
      articlesPerDay: Math.round(((s.week ?? 0) / 7) * 10) / 10,
      completeness: s.n > 0 ? (s.complete ?? 0) / s.n : null,
      articles: s.n,
    };
  });
}
