import type { Fate } from '../article.ts';
import type { Db } from './db.ts';

// Bookkeeping of cycles and of each item's fate (ok / skip / quarantine / retry), so that
// every fetched item is accounted for exactly once per cycle.

export function recordCycleStart(db: Db, now = new Date()): number {
  const info = db.prepare(`INSERT INTO cycles (started_at, status) VALUES (?, 'running')`).run(now.toISOString());
  return Number(info.lastInsertRowid);
}

export function recordCycleEnd(db: Db, cycleId: number, status: 'done' | 'stopped' | 'failed', summary: unknown, now = new Date()): void {
  db.prepare(`UPDATE cycles SET finished_at = ?, status = ?, summary = ? WHERE id = ?`).run(
    now.toISOString(),
    status,
    JSON.stringify(summary),
    cycleId,
  );
}

export function recordFate(db: Db, cycleId: number, sourceId: string, url: string, fate: Fate, now = new Date()): void {
  db.prepare(
    `INSERT INTO fates (cycle_id, source_id, url, status, reason, at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(cycle_id, url) DO UPDATE SET status = excluded.status, reason = excluded.reason, at = excluded.at`,
  ).run(cycleId, sourceId, url, fate.status, 'reason' in fate ? fate.reason : null, now.toISOString());
}

/** Keeps the raw page of an item that could not be processed, so it can become a fixture. */
export function quarantine(db: Db, sourceId: string, url: string, reason: string, raw: string | null, now = new Date()): void {
  db.prepare(
    `INSERT INTO quarantine (url, source_id, reason, raw, at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(url) DO UPDATE SET reason = excluded.reason, raw = excluded.raw, at = excluded.at`,
  ).run(url, sourceId, reason, raw, now.toISOString());
}

/** Cycles left 'running' by a killed process are closed as 'interrupted' at the next start. */
export function closeInterruptedCycles(db: Db, now = new Date()): number {
  return db
    .prepare(`UPDATE cycles SET status = 'interrupted', finished_at = ? WHERE status = 'running'`)
    .run(now.toISOString()).changes;
}

export interface FateCount {
  sourceId: string;
  status: string;
  reason: string | null;
  count: number;
}

export function fateCounts(db: Db, cycleId: number): FateCount[] {
  return db
    .prepare(
      `SELECT source_id AS sourceId, status, reason, count(*) AS count FROM fates WHERE cycle_id = ?
       GROUP BY source_id, status, reason ORDER BY source_id, status`,
    )
    .all(cycleId) as FateCount[];
}
