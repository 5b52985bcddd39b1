import type { Migration } from '../migrate.ts';

// Detection tables: the media unit's criticism verdicts, the learned criticism layer per city,
// and the MinHash signatures / LSH bands that make republication clustering incremental.
export const detectMigrations: Migration[] = [
  {
    id: 'detect/001-verdicts-and-models',
    sql: `
      CREATE TABLE detect_verdicts (
        article_id  TEXT NOT NULL,
        city        TEXT NOT NULL,
        verdict     TEXT NOT NULL CHECK (verdict IN ('critical', 'not-critical')),
        decided_at  TEXT NOT NULL,
        note        TEXT,
        PRIMARY KEY (article_id, city)
      );
      CREATE TABLE detect_models (
        city        TEXT PRIMARY KEY,
        model       TEXT NOT NULL,
        trained_at  TEXT NOT NULL,
        examples    INTEGER NOT NULL
      );
    `,
  },
  {
    id: 'detect/002-clusters',
    sql: `
      CREATE TABLE detect_cluster_members (
        article_id   TEXT PRIMARY KEY,
        cluster_id   TEXT NOT NULL,
        source_id    TEXT NOT NULL,
        published_at TEXT,
        fetched_at   TEXT NOT NULL,
        signature    BLOB
      );
      CREATE INDEX detect_cluster_members_cluster ON detect_cluster_members(cluster_id);
      CREATE TABLE detect_cluster_bands (
        band       INTEGER NOT NULL,
        hash       INTEGER NOT NULL,
        article_id TEXT NOT NULL
      );
      CREATE INDEX detect_cluster_bands_key ON detect_cluster_bands(band, hash);
    `,
  },
];
