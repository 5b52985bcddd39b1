// Shared by the Meilisearch tests: the server from .ci/meili.sh (MEILI_URL, MEILI_API_KEY).
import { randomBytes } from 'node:crypto';
import { openMemoryDb, type Db } from '../../src/store/db.ts';
import { MeiliIndex } from '../../src/index/meili.ts';

export const MEILI_URL = process.env.MEILI_URL;
export const MEILI_API_KEY = process.env.MEILI_API_KEY;
export const SKIP_MEILI = MEILI_URL
  ? false
  : 'MEILI_URL is not set: Meilisearch tests skipped (start one with `eval "$(.ci/meili.sh start)"`)';

export function uniqueUid(prefix = 'kaghaz-test'): string {
  return `${prefix}-${randomBytes(5).toString('hex')}`;
}

export function meiliIndex(db: Db = openMemoryDb(), indexUid = uniqueUid(), url = MEILI_URL!): MeiliIndex {
  return new MeiliIndex({ url, apiKey: MEILI_API_KEY, indexUid, db, retryMs: 200 });
}
