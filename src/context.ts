// What a CLI command needs to work: where config and data live, the database, the stores.
// Commands open it lazily so `kaghaz normalize` does not touch the disk.
import { join } from 'node:path';
import { configPaths, defaultCity, loadProfile, loadSources, profileFile, type ConfigPaths, type Profile, type SourcesFile } from './config.ts';
import { dataDir as resolveDataDir, openDb, type Db } from './store/db.ts';
import { ArticleStore } from './store/articles.ts';

export interface AppContext {
  paths: ConfigPaths;
  dataDir: string;
  db: Db;
  articles: ArticleStore;
  close(): void;
}

export interface ContextOptions {
  dataDir?: string;
  configDir?: string;
}

export function openContext(opts: ContextOptions = {}): AppContext {
  const paths = configPaths(opts.configDir);
  const dir = resolveDataDir(opts.dataDir);
  const db = openDb(dir);
  return {
    paths,
    dataDir: dir,
    db,
    articles: new ArticleStore(db),
    close: () => db.close(),
  };
}

/** The monitored city's profile: --profile FILE, else config/profiles/<--city or KAGHAZ_CITY or tabriz>.json. */
export function resolveProfile(paths: ConfigPaths, opts: { city?: string; profile?: string } = {}): Profile {
  if (opts.profile) return loadProfile(opts.profile);
  return loadProfile(profileFile(paths, opts.city ?? defaultCity()));
}

export function resolveSources(paths: ConfigPaths, file?: string): SourcesFile {
  return loadSources(file ?? paths.sourcesFile);
}

export function outboxDir(dataDir: string): string {
  return join(dataDir, 'outbox');
}

export function digestDir(dataDir: string): string {
  return join(dataDir, 'digests');
}
