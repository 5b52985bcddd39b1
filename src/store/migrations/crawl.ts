import type { Migration } from '../migrate.ts';

// Crawl bookkeeping beyond core's source_health/http_cache:
// crawl_runs — one row per source and cycle (what `kaghaz sources status` shows over time);
// crawl_failures — article URLs that failed for a permanent reason, so we do not hammer them every cycle.
export const crawlMigrations: Migration[] = [
  {
    id: 'crawl/001-runs-and-failures',
    sql: `
      CREATE TABLE crawl_runs (
        source_id   TEXT NOT NULL,
        started_at  TEXT NOT NULL,
        finished_at TEXT NOT NULL,
        fetched     INTEGER NOT NULL,
        new         INTEGER NOT NULL,
        skipped     TEXT NOT NULL,
        failed      TEXT NOT NULL,
        error_kind  TEXT,
        error       TEXT,
        PRIMARY KEY (source_id, started_at)
      );
      CREATE TABLE crawl_failures (
        url        TEXT PRIMARY KEY,
        source_id  TEXT NOT NULL,
        kind       TEXT NOT NULL,
        message    TEXT,
        attempts   INTEGER NOT NULL DEFAULT 1,
        first_at   TEXT NOT NULL,
        last_at    TEXT NOT NULL
      );
      CREATE INDEX crawl_failures_source ON crawl_failures(source_id);
    `,
  },
];
