// Crawl-area numbers: extraction speed on the golden pages, and a farm crawl (fetch + extract)
// with politeness off, so the figure is kaghaz's own overhead, not the outlets' latency.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadSources, SourceSchema } from '../src/config.ts';
import { extractArticle } from '../src/extract/index.ts';
import { crawlCycle, type FetchedPage } from '../src/crawlers/index.ts';
import { openMemoryDb } from '../src/store/db.ts';
import { startFarm } from '../test/farm/farm.ts';
import type { Fate } from '../src/article.ts';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function run(opts: { quick: boolean }): Promise<void> {
  const sources = new Map(loadSources('config/sources.json').sources.map((s) => [s.id, s]));
  const pages = readdirSync('test/fixtures')
    .filter((d) => existsSync(join('test/fixtures', d, 'expected.json')))
    .map((d) => {
      const spec = JSON.parse(readFileSync(join('test/fixtures', d, 'expected.json'), 'utf8'));
      return { html: readFileSync(join('test/fixtures', d, 'page.html'), 'utf8'), url: spec.url as string, source: spec.source ? SourceSchema.parse(spec.source) : sources.get(spec.sourceId)! };
    });
  const rounds = opts.quick ? 5 : 30;
  const perPage: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t = performance.now();
    for (const p of pages) extractArticle({ html: p.html, url: p.url, source: p.source, fetchedAt: '2026-11-22T12:00:00Z' });
    perPage.push((performance.now() - t) / pages.length);
  }
  const bytes = pages.reduce((n, p) => n + p.html.length, 0) / pages.length;
  console.log(`extract: ${pages.length} golden pages (mean ${(bytes / 1024).toFixed(1)} KB), median ${median(perPage).toFixed(2)} ms/page, ${(1000 / median(perPage)).toFixed(0)} pages/s`);

  const outlets = opts.quick ? 6 : 30;
  const farm = await startFarm({ outlets, articlesPerOutlet: opts.quick ? 5 : 20, seed: 3 });
  try {
    let ok = 0;
    const handle = async (page: FetchedPage): Promise<Fate> => {
      const r = extractArticle({ html: page.html ?? '', url: page.finalUrl, source: page.source, feedItem: page.feedItem, fetchedAt: page.fetchedAt });
      if (r.ok) ok++;
      return r.ok ? { status: 'ok' } : { status: 'skip', reason: r.reason };
    };
    const t = performance.now();
    const report = await crawlCycle(farm.sources, { db: openMemoryDb(), minIntervalMs: 0, timeoutMs: 5000, isKnown: () => false, concurrency: 8 }, handle);
    const ms = performance.now() - t;
    const fetched = report.sources.reduce((n, r) => n + r.fetched, 0);
    console.log(`farm crawl: ${outlets} outlets, ${farm.requests.total} requests, ${fetched} pages, ${ok} articles in ${(ms / 1000).toFixed(2)} s = ${((fetched / ms) * 1000).toFixed(1)} pages/s (politeness off, 8 hosts in parallel)`);
  } finally {
    await farm.close();
  }
}
