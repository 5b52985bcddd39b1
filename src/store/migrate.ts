import type Database from 'better-sqlite3';

/** A named, append-only schema change. Ids are "<area>/<nnn>-<what>" and are applied once. */
export interface Migration {
  id: string;
  sql: string;
}

/**
 * Applies migrations not yet recorded in schema_migrations, each in its own transaction,
 * in the order given. Areas keep their own lists (src/store/migrations/*.ts) so that
 * modules evolve their tables without renumbering each other's.
 */
export function migrate(db: Database.Database, migrations: Migration[]): string[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`);
  const applied = new Set(
    (db.prepare('SELECT id FROM schema_migrations').all() as { id: string }[]).map((r) => r.id),
  );
  const ids = new Set<string>();
  for (const m of migrations) {
    if (ids.has(m.id)) throw new Error(`duplicate migration id ${m.id}`);
    ids.add(m.id);
  }
  const record = db.prepare('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)');
  const done: string[] = [];
  for (const m of migrations) {
    if (applied.has(m.id)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.id, new Date().toISOString());
    })();
    done.push(m.id);
  }
  return done;
}
