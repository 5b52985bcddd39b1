// Conditional-GET validators in http_cache. Written only after every new item behind them was
// handled: a cycle killed half-way must not leave a validator that hides unhandled items behind a 304.
import type { Db } from '../store/db.ts';

export interface Validators {
  etag?: string;
  lastModified?: string;
}

export function loadValidators(db: Db, url: string): Validators {
  const row = db.prepare('SELECT etag, last_modified FROM http_cache WHERE url = ?').get(url) as
    | { etag: string | null; last_modified: string | null }
    | undefined;
  return { etag: row?.etag ?? undefined, lastModified: row?.last_modified ?? undefined };
}

export function saveValidators(db: Db, url: string, v: Validators, at = new Date()): void {
  if (!v.etag && !v.lastModified) return;
  db.prepare(
    `INSERT INTO http_cache (url, etag, last_modified, checked_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, checked_at = excluded.checked_at`,
  ).run(url, v.etag ?? null, v.lastModified ?? null, at.toISOString());
}

export function conditionalHeaders(v: Validators): Record<string, string> {
  const h: Record<string, string> = {};
  if (v.etag) h['if-none-match'] = v.etag;
  if (v.lastModified) h['if-modified-since'] = v.lastModified;
  return h;
}
