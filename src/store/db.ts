import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { migrate } from './migrate.ts';
import { allMigrations } from './migrations/index.ts';

export type Db = Database.Database;

export function dataDir(dir = process.env.KAGHAZ_DATA_DIR ?? 'data'): string {
  return resolve(dir);
}

/**
 * Opens (creating if needed) the SQLite system of record under the data directory.
 * WAL lets the web server read while a crawl cycle writes; a busy timeout rides out
 * the short write locks of the other process.
 */
export function openDb(dir = dataDir()): Db {
  mkdirSync(dir, { recursive: true });
  const db = new Database(join(dir, 'kaghaz.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db, allMigrations);
  return db;
}

/** An in-memory database with the full schema, for tests. */
export function openMemoryDb(): Db {
  const db = new Database(':memory:');
  migrate(db, allMigrations);
  return db;
}
