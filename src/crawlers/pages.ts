// Article pages are fetched by Crawlee's CheerioCrawler (cheerio-pages.ts). Crawlee takes
// seconds to import, so it is loaded on the first crawl rather than by every CLI command.
import type { PageFetchOptions, PageJob, PageOutcome } from './cheerio-pages.ts';

export type { PageFetchOptions, PageJob, PageOutcome } from './cheerio-pages.ts';

export async function fetchPages(jobs: PageJob[], o: PageFetchOptions, onOutcome: (r: PageOutcome) => Promise<void>): Promise<void> {
  if (jobs.length === 0) return;
  const { fetchPages: crawl } = await import('./cheerio-pages.ts');
  return crawl(jobs, o, onOutcome);
}
