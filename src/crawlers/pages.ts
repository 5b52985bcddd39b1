// Article pages are fetched by Crawlee's CheerioCrawler (cheerio-pages.ts). Crawlee takes
// seconds to import, so it is loaded when a cycle first needs a page, not by every CLI command.
import type { PageFetchOptions, PageJob, PageOutcome, PagePool, PagePoolOptions } from './cheerio-pages.ts';

export type { PageFetchOptions, PageJob, PageOutcome, PagePool, PagePoolOptions } from './cheerio-pages.ts';

export { fetchPages } from './fetch-pages.ts';

/** A pool whose crawler is created on the first fetch; close() is cheap when none was needed. */
export function lazyPagePool(o: PagePoolOptions): PagePool {
  let pool: Promise<PagePool> | undefined;
  return {
    async fetch(job: PageJob, minIntervalMs: number): Promise<PageOutcome> {
      pool ??= import('./cheerio-pages.ts').then((m) => m.createPagePool(o));
      return (await pool).fetch(job, minIntervalMs);
    },
    async close() {
      if (pool) await (await pool).close();
    },
  };
}
