import type { PageFetchOptions, PageJob, PageOutcome } from './cheerio-pages.ts';

/** Fetches an outlet's article pages one after another; every job ends in exactly one onOutcome call. */
export async function fetchPages(jobs: PageJob[], o: PageFetchOptions, onOutcome: (r: PageOutcome) => Promise<void>): Promise<void> {
  for (const job of jobs) await onOutcome(await o.pool.fetch(job, o.minIntervalMs));
}
