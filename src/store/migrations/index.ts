import type { Migration } from '../migrate.ts';
import { coreMigrations } from './core.ts';
import { searchMigrations } from './search.ts';
import { digestMigrations } from './digest.ts';
import { crawlMigrations } from './crawl.ts';
import { detectMigrations } from './detect.ts';

// Every area's migrations, in the order they are applied. An area appends to its own list
// (src/store/migrations/<area>.ts) and is registered here once.
export const allMigrations: Migration[] = [...coreMigrations, ...crawlMigrations, ...digestMigrations, ...searchMigrations, ...detectMigrations];
