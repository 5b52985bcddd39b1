import type { Migration } from '../migrate.ts';

// The search index's tables (src/index). FTS5 keeps only match keys (contentless, with delete
// support); display text lives in search_docs for results and highlights. search_outbox is the
// durable queue of writes for the Meilisearch driver.
export const searchMigrations: Migration[] = [
  {
    id: 'search/001-fts5-and-outbox',
    sql: `
      CREATE TABLE search_docs (
        docid        INTEGER PRIMARY KEY,
        id           TEXT NOT NULL UNIQUE,
        url          TEXT NOT NULL,
        source_id    TEXT NOT NULL,
        outlet_name  TEXT NOT NULL,
        type         TEXT,
        province     TEXT,
        published_at TEXT,
        sort_at      TEXT NOT NULL,
        day          TEXT NOT NULL,
        critical     INTEGER NOT NULL,
        cluster_id   TEXT,
        title        TEXT NOT NULL,
        kicker       TEXT NOT NULL,
        lead         TEXT NOT NULL,
        body         TEXT NOT NULL
      );
      CREATE INDEX search_docs_sort ON search_docs(sort_at);
      CREATE INDEX search_docs_source ON search_docs(source_id, sort_at);
      CREATE INDEX search_docs_cluster ON search_docs(cluster_id);
      CREATE TABLE search_entities (
        entity_key TEXT NOT NULL,
        docid      INTEGER NOT NULL,
        PRIMARY KEY (entity_key, docid)
      ) WITHOUT ROWID;
      CREATE INDEX search_entities_doc ON search_entities(docid);
      -- Outlet names seen in indexed documents, so outlet:/site: can name an outlet in Persian.
      CREATE TABLE search_outlets (
        key       TEXT NOT NULL,
        source_id TEXT NOT NULL,
        PRIMARY KEY (key, source_id)
      ) WITHOUT ROWID;
      CREATE VIRTUAL TABLE search_fts USING fts5(
        title_key, lead_key, body_key,
        content = '', contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 0'
      );
      -- Title matches weigh most, then kicker/lead, then body.
      INSERT INTO search_fts(search_fts, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0)');
      CREATE TABLE search_outbox (
        seq         INTEGER PRIMARY KEY AUTOINCREMENT,
        index_uid   TEXT NOT NULL,
        doc_id      TEXT NOT NULL,
        op          TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
        doc         TEXT,
        enqueued_at TEXT NOT NULL,
        attempts    INTEGER NOT NULL DEFAULT 0,
        failed      INTEGER NOT NULL DEFAULT 0,
        last_error  TEXT
      );
      CREATE INDEX search_outbox_pending ON search_outbox(index_uid, failed, seq);
    `,
  },
  {
    // Narrow covering index for the one grouped pass that yields the total and all facets: many
    // rows per page instead of rows padded with article text.
    id: 'search/002-facet-index',
    sql: `CREATE INDEX search_docs_facets ON search_docs(docid, source_id, outlet_name, type, province, critical, day, sort_at, cluster_id);`,
  },
];
