import type { Migration } from '../migrate.ts';

// Digest and alert tables: stored digests, the durable mail queue, per-cluster alert state.
export const digestMigrations: Migration[] = [
  {
    id: 'digest/001-digests-mail-alerts',
    sql: `
      -- One row per city and Jalali day; rebuilding the day replaces it with the same content.
      CREATE TABLE digests (
        city       TEXT NOT NULL,
        day        TEXT NOT NULL,          -- Jalali 1405/09/01
        issue      INTEGER,
        html       TEXT NOT NULL,
        text       TEXT NOT NULL,
        totals     TEXT NOT NULL,          -- JSON DigestTotals
        html_path  TEXT,
        text_path  TEXT,
        pdf_path   TEXT,
        built_at   TEXT NOT NULL,          -- bookkeeping only, never inside the digest
        PRIMARY KEY (city, day)
      );
      -- The durable send queue. id is the RFC 5322 Message-ID, so a message is queued once and
      -- a resend after an unknown outcome carries the same id (clients drop the duplicate).
      CREATE TABLE mail_queue (
        id              TEXT PRIMARY KEY,
        kind            TEXT NOT NULL,     -- alert | followup | morning | digest
        city            TEXT NOT NULL,
        cluster_id      TEXT,
        recipients      TEXT NOT NULL,     -- JSON array of addresses
        subject         TEXT NOT NULL,
        html            TEXT NOT NULL,
        text            TEXT NOT NULL,
        status          TEXT NOT NULL DEFAULT 'pending',  -- pending | sent
        created_at      TEXT NOT NULL,
        not_before      TEXT NOT NULL,     -- quiet hours and follow-up rate limits hold here
        next_attempt_at TEXT NOT NULL,
        attempts        INTEGER NOT NULL DEFAULT 0,
        last_error      TEXT,
        sent_at         TEXT,
        transport       TEXT,
        response        TEXT
      );
      CREATE INDEX mail_queue_due ON mail_queue(status, next_attempt_at);
      -- The day an article is placed on (published, else fetched): the digest, the trend and
      -- ArticleStore.list all filter on exactly this expression, so SQLite can use the index.
      CREATE INDEX IF NOT EXISTS articles_day_instant ON articles(COALESCE(published_at, fetched_at));
      -- One row per republication cluster that has raised an alert.
      CREATE TABLE alert_clusters (
        city            TEXT NOT NULL,
        cluster_id      TEXT NOT NULL,
        first_article   TEXT NOT NULL,
        alert_id        TEXT NOT NULL,     -- mail_queue id of the first alert or morning summary
        recipients      TEXT NOT NULL,     -- JSON array
        payload         TEXT NOT NULL,     -- JSON AlertPayload shown in summaries
        notified        TEXT NOT NULL,     -- JSON array of article ids already told about
        followups       INTEGER NOT NULL DEFAULT 0,
        last_followup_at TEXT,             -- not_before of the newest follow-up
        created_at      TEXT NOT NULL,
        PRIMARY KEY (city, cluster_id)
      );
    `,
  },
];
