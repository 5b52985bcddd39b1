// One crawl cycle over many outlets: feeds (or listing pages) → new article URLs → pages →
// the pipeline's handle(). Outlets sharing a host are crawled one after another; different hosts
// in parallel. A broken outlet ends with an error in its report and in source_health, never
// by stopping the others.
import type { Fate } from '../article.ts';
import type { Source } from '../config.ts';
import type { Db } from '../store/db.ts';
import { canonicalUrl } from './canonical-url.ts';
import { FetchError, toFetchError } from './errors.ts';
import { HostGate } from './host-gate.ts';
import { httpGet, withRetries, type HttpOptions } from './http.ts';
import { RobotsCache } from './robots.ts';
import { decodeBytes } from './charset.ts';
import { parseFeed, type FeedItem } from './feeds.ts';
import { articleLinks } from './listing.ts';
import { conditionalHeaders, loadValidators, saveValidators, type Validators } from './cache.ts';
import { fetchPages, lazyPagePool, type PageOutcome, type PagePool } from './pages.ts';
import { givenUp, recordPageFailure, recordRun } from './health.ts';
import { parseDate } from '../extract/date.ts';

export const DEFAULT_USER_AGENT = 'kaghaz/0.1.0 (+https://github.com/kaghaz; press monitoring)';

export interface CrawlOptions {
  db: Db;
  userAgent?: string;
  /** Minimum ms between two requests to one host (default 5000; an outlet's minIntervalMs wins when larger). */
  minIntervalMs?: number;
  timeoutMs?: number;
  maxRetries?: number;
  maxPageBytes?: number;
  maxArticlesPerSource?: number;
  /** Backfill: also walk listing pages, and skip feed items published before this instant. */
  since?: Date;
  isKnown(canonicalUrl: string): boolean;
  signal?: AbortSignal;
  onProgress?(e: { sourceId: string; done: number; total: number }): void;
  /** Base of the exponential retry backoff (default 500 ms); tests use a few ms. */
  retryDelayMs?: number;
  /** Host groups crawled in parallel (default 12; politeness is per host, so this only bounds our own load). */
  concurrency?: number;
}

export interface FetchedPage {
  source: Source;
  url: string;
  finalUrl: string;
  html: string | null;
  feedItem?: FeedItem;
  fetchedAt: string;
}

export interface SourceReport {
  sourceId: string;
  fetched: number;
  new: number;
  skipped: Record<string, number>;
  failed: Record<string, number>;
  error?: { kind: string; message: string };
}

export interface CrawlReport {
  sources: SourceReport[];
  startedAt: string;
  finishedAt: string;
}

/** Page failures after which the feed item itself becomes the article (extractedBy 'feed'). A 404/410 means the article is gone. */
function feedFallbackAllowed(err: FetchError): boolean {
  if (err.kind === 'aborted') return false;
  if (err.kind === 'http') return err.status !== 404 && err.status !== 410;
  return true;
}

interface Candidate {
  url: string;
  key: string;
  feedItem?: FeedItem;
}

function bump(m: Record<string, number>, k: string, n = 1): void {
  m[k] = (m[k] ?? 0) + n;
}

async function pool<T>(items: T[], n: number, fn: (t: T) => Promise<void>): Promise<void> {
  let i = 0;
  const workers = Array.from({ length: Math.min(n, items.length) }, async () => {
    while (i < items.length) await fn(items[i++]);
  });
  await Promise.all(workers);
}

export async function crawlCycle(sources: Source[], opts: CrawlOptions, handle: (page: FetchedPage) => Promise<Fate>): Promise<CrawlReport> {
  const startedAt = new Date().toISOString();
  const gate = new HostGate();
  const base: HttpOptions = {
    userAgent: opts.userAgent ?? DEFAULT_USER_AGENT,
    timeoutMs: opts.timeoutMs ?? 20_000,
    maxBytes: opts.maxPageBytes ?? 5_000_000,
    minIntervalMs: opts.minIntervalMs ?? 5000,
    gate,
    signal: opts.signal,
  };
  const robots = new RobotsCache(base);
  const groups = new Map<string, Source[]>();
  for (const s of sources) {
    const host = new URL(s.homepage).host.replace(/^www\./, '');
    groups.set(host, [...(groups.get(host) ?? []), s]);
  }
  const reports = new Map<string, SourceReport>();
  const concurrency = opts.concurrency ?? 12;
  const pages = lazyPagePool({
    userAgent: base.userAgent,
    timeoutMs: base.timeoutMs,
    maxBytes: base.maxBytes,
    maxRetries: opts.maxRetries ?? 2,
    retryDelayMs: opts.retryDelayMs,
    gate,
    signal: opts.signal,
    concurrency,
  });
  try {
    await pool([...groups.values()], concurrency, async (group) => {
      for (const source of group) {
        const started = new Date().toISOString();
        let report: SourceReport;
        try {
          report = await crawlSource(source, opts, base, robots, pages, handle);
        } catch (e) {
          const err = toFetchError(e);
          report = { sourceId: source.id, fetched: 0, new: 0, skipped: {}, failed: {}, error: { kind: err.kind, message: err.message } };
        }
        reports.set(source.id, report);
        if (report.error?.kind !== 'aborted') {
          try {
            recordRun(opts.db, { ...report, startedAt: started, finishedAt: new Date().toISOString() });
          } catch {
            /* health bookkeeping must not break the cycle */
          }
        }
      }
    });
  } finally {
    await pages.close();
  }
  return { sources: sources.map((s) => reports.get(s.id)!).filter(Boolean), startedAt, finishedAt: new Date().toISOString() };
}

async function crawlSource(
  source: Source,
  opts: CrawlOptions,
  baseHttp: HttpOptions,
  robots: RobotsCache,
  pages: PagePool,
  handle: (page: FetchedPage) => Promise<Fate>,
): Promise<SourceReport> {
  const report: SourceReport = { sourceId: source.id, fetched: 0, new: 0, skipped: {}, failed: {} };
  if (opts.signal?.aborted) return { ...report, error: { kind: 'aborted', message: 'shutdown before this outlet started' } };
  // The outlet's robots.txt Crawl-delay, when larger, wins over our own spacing.
  const crawlDelay = await robots.crawlDelayMs(source.homepage).catch(() => undefined);
  const http: HttpOptions = { ...baseHttp, minIntervalMs: Math.max(baseHttp.minIntervalMs, source.minIntervalMs ?? 0, crawlDelay ?? 0) };
  const maxRetries = opts.maxRetries ?? 2;
  const retry = <T>(fn: () => Promise<T>) => withRetries(fn, { maxRetries, baseDelayMs: opts.retryDelayMs, signal: opts.signal });

  const candidates: Candidate[] = [];
  const byKey = new Set<string>();
  const add = (url: string, feedItem?: FeedItem) => {
    let key: string;
    try {
      key = canonicalUrl(url);
    } catch {
      bump(report.skipped, 'bad-url');
      return;
    }
    if (byKey.has(key)) return;
    byKey.add(key);
    candidates.push({ url, key, feedItem });
  };
  const pendingValidators: { url: string; v: Validators }[] = [];
  const listErrors: FetchError[] = [];

  /** Fetches a feed or listing page conditionally; null on 304. */
  const fetchList = async (url: string, accept?: string): Promise<{ text: string; finalUrl: string; v: Validators } | null> => {
    await robots.check(url);
    const cached = loadValidators(opts.db, url);
    const res = await retry(() => httpGet(url, { ...http, accept, headers: conditionalHeaders(cached) }));
    if (res.status === 304) return null;
    const { text } = decodeBytes(res.bytes, res.headers['content-type'], source.encoding);
    return { text, finalUrl: res.finalUrl, v: { etag: res.headers['etag'], lastModified: res.headers['last-modified'] } };
  };

  let listsOk = 0;
  for (const feed of source.feeds) {
    if (opts.signal?.aborted) break;
    try {
      const got = await fetchList(feed.url, 'application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5');
      if (!got) {
        listsOk++;
        bump(report.skipped, 'feed-not-modified');
        continue;
      }
      const items = await parseFeed(got.text, got.finalUrl);
      listsOk++;
      for (const item of items) {
        if (opts.since && item.publishedRaw) {
          const d = parseDate(item.publishedRaw);
          if (d && d < opts.since) {
            bump(report.skipped, 'before-since');
            continue;
          }
        }
        add(item.url, item);
      }
      pendingValidators.push({ url: feed.url, v: got.v });
    } catch (e) {
      const err = toFetchError(e, feed.url);
      if (err.kind === 'aborted') break;
      listErrors.push(err);
      bump(report.failed, `feed:${err.reason}`);
    }
  }
  const useListings = source.listingPages.length > 0 && (listsOk === 0 || opts.since !== undefined);
  if (useListings) {
    for (const page of source.listingPages) {
      if (opts.signal?.aborted) break;
      try {
        const got = await fetchList(page);
        listsOk++;
        if (!got) {
          bump(report.skipped, 'listing-not-modified');
          continue;
        }
        for (const link of articleLinks(got.text, got.finalUrl, source)) add(link);
        pendingValidators.push({ url: page, v: got.v });
      } catch (e) {
        const err = toFetchError(e, page);
        if (err.kind === 'aborted') break;
        listErrors.push(err);
        bump(report.failed, `listing:${err.reason}`);
      }
    }
  }
  if (listsOk === 0 && listErrors.length > 0) {
    const first = listErrors[0];
    report.error = { kind: first.kind, message: first.message };
  }

  // Keep only URLs worth a request.
  const todo: Candidate[] = [];
  for (const c of candidates) {
    if (opts.isKnown(c.key)) bump(report.skipped, 'known');
    else if (givenUp(opts.db, c.key)) bump(report.skipped, 'failed-before');
    else if (opts.maxArticlesPerSource !== undefined && todo.length >= opts.maxArticlesPerSource) bump(report.skipped, 'over-limit');
    else todo.push(c);
  }

  let done = 0;
  let pageFailures = 0;
  let lastPageError: FetchError | undefined;
  const count = (fate: Fate) => {
    if (fate.status === 'ok') report.new++;
    else if (fate.status === 'skip') bump(report.skipped, fate.reason);
    else bump(report.failed, `${fate.status}:${fate.reason}`);
  };
  const progress = () => opts.onProgress?.({ sourceId: source.id, done: ++done, total: todo.length });
  const deliver = async (page: FetchedPage) => {
    report.fetched++;
    try {
      count(await handle(page));
    } catch (e) {
      bump(report.failed, 'handler-error');
      lastPageError = new FetchError('network', `pipeline failed on ${page.url}: ${(e as Error).message}`, { retryable: false });
    }
  };
  const fail = async (c: Candidate, err: FetchError) => {
    if (err.kind === 'aborted') return;
    if (c.feedItem?.title && feedFallbackAllowed(err)) {
      bump(report.skipped, `page-${err.reason}-used-feed`);
      await deliver({ source, url: c.url, finalUrl: c.url, html: null, feedItem: c.feedItem, fetchedAt: new Date().toISOString() });
      return;
    }
    pageFailures++;
    lastPageError = err;
    bump(report.failed, err.reason);
    recordPageFailure(opts.db, source.id, c.key, err.reason, err.message, new Date().toISOString());
  };

  const jobs: Candidate[] = [];
  for (const c of todo) {
    if (opts.signal?.aborted) break;
    try {
      await robots.check(c.url);
      jobs.push(c);
    } catch (e) {
      await fail(c, toFetchError(e, c.url));
      progress();
    }
  }
  const byJobKey = new Map(jobs.map((c) => [c.key, c]));
  await fetchPages(
    jobs.map((c) => ({ url: c.url, key: c.key, encoding: source.encoding })),
    { minIntervalMs: http.minIntervalMs, pool: pages },
    async (o: PageOutcome) => {
      const c = byJobKey.get(o.key)!;
      if (o.ok) {
        await deliver({ source, url: c.url, finalUrl: o.finalUrl, html: o.html, feedItem: c.feedItem, fetchedAt: new Date().toISOString() });
      } else {
        await fail(c, o.error);
      }
      progress();
    },
  );

  // Validators only now: every item behind them has been handled (or counted as failed).
  if (!opts.signal?.aborted) for (const p of pendingValidators) saveValidators(opts.db, p.url, p.v);
  else report.error ??= { kind: 'aborted', message: 'shutdown during the cycle; unfinished items are fetched next cycle' };

  if (!report.error && jobs.length > 0 && pageFailures === jobs.length && lastPageError) {
    report.error = { kind: lastPageError.kind, message: `every article page failed; last: ${lastPageError.message}` };
  }
  return report;
}
