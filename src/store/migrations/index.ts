import type { Migration } from '../migrate.ts';
import { coreMigrations } from './core.ts';
import { searchMigrations } from './search.ts';
import { digestMigrations } from './digest.ts';

// Every area's migrations, in the order they are applied. An area appends to its own list
// (src/store/migrations/<area>.ts) and is registered here once.
export const allMigrations: Migration[] = [...coreMigrations, ...digestMigrations, ...searchMigrations];
