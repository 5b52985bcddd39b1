import type { Migration } from '../migrate.ts';

// Core tables: articles (the system of record), per-cycle fates, outlet health, HTTP cache.
export const coreMigrations: Migration[] = [
  {
    id: 'core/001-articles',
    sql: `
      CREATE TABLE articles (
        id            TEXT PRIMARY KEY,
        canonical_url TEXT NOT NULL UNIQUE,
        url           TEXT NOT NULL,
        source_id     TEXT NOT NULL,
        title         TEXT NOT NULL,
        kicker        TEXT,
        lead          TEXT,
        body          TEXT NOT NULL,
        author        TEXT,
        published_at  TEXT,
        published_raw TEXT,
        section       TEXT,
        image         TEXT,
        fetched_at    TEXT NOT NULL,
        extracted_by  TEXT,
        title_key     TEXT NOT NULL,
        text_key      TEXT NOT NULL,
        city          TEXT,
        mentioned     INTEGER NOT NULL DEFAULT 0,
        critical      INTEGER NOT NULL DEFAULT 0,
        score         REAL NOT NULL DEFAULT 0,
        severity      TEXT NOT NULL DEFAULT 'none',
        own_outlet    INTEGER NOT NULL DEFAULT 0,
        detection     TEXT NOT NULL,
        cluster_id    TEXT
      );
      CREATE INDEX articles_source ON articles(source_id);
      CREATE INDEX articles_published ON articles(published_at);
      CREATE INDEX articles_fetched ON articles(fetched_at);
      CREATE INDEX articles_cluster ON articles(cluster_id);
      CREATE INDEX articles_mentioned ON articles(mentioned, critical);
    `,
  },
  {
    id: 'core/002-cycles-and-fates',
    sql: `
      CREATE TABLE cycles (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        started_at  TEXT NOT NULL,
        finished_at TEXT,
        status      TEXT NOT NULL DEFAULT 'running',
        summary     TEXT
      );
      -- One row per item and cycle: ok / skip / quarantine / retry, with the reason.
      CREATE TABLE fates (
        cycle_id   INTEGER NOT NULL,
        source_id  TEXT NOT NULL,
        url        TEXT NOT NULL,
        status     TEXT NOT NULL,
        reason     TEXT,
        at         TEXT NOT NULL,
        PRIMARY KEY (cycle_id, url)
      );
      CREATE INDEX fates_source ON fates(source_id, at);
      -- Raw pages that could not be processed, kept so they can become fixtures.
      CREATE TABLE quarantine (
        url        TEXT PRIMARY KEY,
        source_id  TEXT NOT NULL,
        reason     TEXT NOT NULL,
        raw        BLOB,
        at         TEXT NOT NULL
      );
      CREATE TABLE source_health (
        source_id       TEXT PRIMARY KEY,
        last_attempt_at TEXT,
        last_success_at TEXT,
        last_error_at   TEXT,
        last_error_kind TEXT,
        last_error      TEXT,
        consecutive_failures INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE http_cache (
        url           TEXT PRIMARY KEY,
        etag          TEXT,
        last_modified TEXT,
        checked_at    TEXT NOT NULL
      );
    `,
  },
  {
    // The URL an article was reached by can differ from its rel=canonical; the crawler asks
    // "known?" with the link it found, so both keys are looked up.
    id: 'core/003-article-url-key',
    sql: `
      ALTER TABLE articles ADD COLUMN url_key TEXT;
      UPDATE articles SET url_key = url;
      CREATE INDEX articles_url_key ON articles(url_key);
    `,
  },
];
