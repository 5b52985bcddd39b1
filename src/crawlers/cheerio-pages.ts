// Article pages through CheerioCrawler (crawlee). One crawler serves a whole crawl cycle:
// crawlee does not release crawler instances once they ran (apify/crawlee#1670; about 12 MB
// each stays reachable), so a crawler per outlet leaked ~1 GB per 100 outlets and cycle.
// Each outlet hands its pages over one at a time, so an outlet never has two requests in
// flight; the shared HostGate adds the minimum interval per host (also across feeds and
// listings). We override only the HTML-parsing hook, to read raw bytes under a size cap and
// decode them with our charset sniffing (crawlee's own decoding trusts the Content-Type
// header only, which misreads windows-1256 pages declared in <meta>).
import type { IncomingMessage } from 'node:http';
import { CheerioCrawler, Configuration, log, type CheerioCrawlingContext } from '@crawlee/cheerio';
import * as cheerio from 'cheerio';
import { FetchError, httpError, toFetchError } from './errors.ts';
import { decodeBytes } from './charset.ts';
import { detectBotChallenge } from './challenge.ts';
import { backoffMs } from './http.ts';
import { sleep } from './host-gate.ts';
import type { HostGate } from './host-gate.ts';

log.setLevel(log.LEVELS.OFF);

export interface PageJob {
  url: string;
  /** Opaque to this module; handed back with the outcome. */
  key: string;
  encoding?: string;
}

export type PageOutcome =
  | { key: string; url: string; ok: true; finalUrl: string; html: string; status: number }
  | { key: string; url: string; ok: false; error: FetchError };

/** Settings shared by every page of a cycle. */
export interface PagePoolOptions {
  userAgent: string;
  timeoutMs: number;
  maxBytes: number;
  maxRetries: number;
  retryDelayMs?: number;
  gate: HostGate;
  signal?: AbortSignal;
  /** Pages fetched at once across all hosts. */
  concurrency: number;
}

export interface PageFetchOptions {
  minIntervalMs: number;
  pool: PagePool;
}

export interface PagePool {
  fetch(job: PageJob, minIntervalMs: number): Promise<PageOutcome>;
  close(): Promise<void>;
}

const SERVER_ERRORS = Array.from({ length: 100 }, (_, i) => 500 + i);

class CappedCheerioCrawler extends CheerioCrawler {
  constructor(
    options: ConstructorParameters<typeof CheerioCrawler>[0],
    config: Configuration,
    private readonly maxBytes: number,
  ) {
    super(options, config);
  }

  protected override async _parseHTML(response: IncomingMessage, isXml: boolean, ctx: CheerioCrawlingContext) {
    const url = ctx.request.url;
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of response as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > this.maxBytes) {
        response.destroy();
        throw new FetchError('too-large', `${url} is larger than the ${this.maxBytes}-byte limit`, { url });
      }
      chunks.push(chunk);
    }
    const contentType = String(response.headers['content-type'] ?? '');
    const { text } = decodeBytes(Buffer.concat(chunks), contentType, ctx.request.userData.encoding as string | undefined);
    // The extractor parses the page itself; a second DOM here would double the parsing work.
    const $ = cheerio.load('', { xmlMode: isXml });
    return {
      dom: $.root()[0] as never,
      $: $ as never,
      body: text,
      enqueueLinks: async () => ({ processedRequests: [], unprocessedRequests: [] }),
    };
  }
}

/** Starts the cycle's one crawler; it stays alive (keepAlive) until close(). */
export function createPagePool(o: PagePoolOptions): PagePool {
  const waiters = new Map<string, (r: PageOutcome) => void>();
  const releases = new Map<string, () => void>();
  let seq = 0;
  const release = (id: string | undefined) => {
    if (!id) return;
    releases.get(id)?.();
    releases.delete(id);
  };
  const settle = (uniqueKey: string, r: PageOutcome) => {
    const w = waiters.get(uniqueKey);
    waiters.delete(uniqueKey);
    w?.(r);
  };
  const config = new Configuration({ persistStorage: false, purgeOnStart: true });
  const crawler = new CappedCheerioCrawler(
    {
      keepAlive: true,
      maxConcurrency: Math.max(1, o.concurrency),
      maxRequestRetries: o.maxRetries,
      navigationTimeoutSecs: Math.max(o.timeoutMs / 1000, 0.05),
      requestHandlerTimeoutSecs: Math.max(o.timeoutMs / 1000, 1) + 30,
      additionalMimeTypes: ['text/plain', 'application/octet-stream'],
      ignoreHttpErrorStatusCodes: SERVER_ERRORS,
      // Hand us the raw bytes: crawlee would transcode by the header alone; _parseHTML sniffs properly.
      forceResponseEncoding: 'latin1',
      useSessionPool: false,
      persistCookiesPerSession: false,
      retryOnBlocked: false,
      autoscaledPoolOptions: { maybeRunIntervalSecs: 0.02, loggingIntervalSecs: null, desiredConcurrency: Math.max(1, o.concurrency) },
      statusMessageLoggingInterval: 3600,
      preNavigationHooks: [
        async ({ request }, gotOptions) => {
          if (o.signal?.aborted) {
            request.noRetry = true;
            throw new FetchError('aborted', 'stopped by shutdown before the request started', { url: request.url });
          }
          const host = new URL(request.url).host;
          releases.set(request.id!, await o.gate.acquire(host, request.userData.minIntervalMs as number, o.signal));
          gotOptions.headers = { ...gotOptions.headers, 'user-agent': o.userAgent, 'accept-language': 'fa,en;q=0.5' };
          gotOptions.maxRedirects = 5;
          // got-scraping would otherwise dress the request up as a browser; we say who we are.
          (gotOptions as Record<string, unknown>).useHeaderGenerator = false;
        },
      ],
      postNavigationHooks: [
        async ({ request, response }) => {
          const declared = Number(response?.headers?.['content-length'] ?? NaN);
          if (Number.isFinite(declared) && declared > o.maxBytes) {
            request.noRetry = true;
            (response as unknown as IncomingMessage | undefined)?.destroy?.();
            throw new FetchError('too-large', `${request.url} declares ${declared} bytes, more than the ${o.maxBytes}-byte limit`, { url: request.url });
          }
        },
      ],
      requestHandler: async ({ request, response, body }) => {
        release(request.id);
        const status = response.statusCode ?? 0;
        const html = typeof body === 'string' ? body : body.toString('utf8');
        const wall = detectBotChallenge(status, response.headers as Record<string, string>, html);
        if (wall) {
          request.noRetry = true;
          throw new FetchError('bot-challenge', `${request.url} is behind a ${wall} bot challenge (HTTP ${status})`, { url: request.url, status });
        }
        if (status >= 400) {
          const err = httpError(status, request.url);
          if (!err.retryable) request.noRetry = true;
          throw err;
        }
        settle(request.uniqueKey, { key: request.userData.key as string, url: request.url, ok: true, finalUrl: request.loadedUrl ?? request.url, html, status });
      },
      errorHandler: async ({ request }, error) => {
        release(request.id);
        const err = toFetchError(error, request.url);
        if (!err.retryable || o.signal?.aborted) {
          request.noRetry = true;
          return;
        }
        await sleep(backoffMs(request.retryCount, o.retryDelayMs), o.signal).catch(() => {});
      },
      failedRequestHandler: async ({ request }, error) => {
        release(request.id);
        settle(request.uniqueKey, { key: request.userData.key as string, url: request.url, ok: false, error: toFetchError(error, request.url) });
      },
    },
    config,
    o.maxBytes,
  );
  const running = crawler.run().catch(() => {});
  let closed = false;
  return {
    async fetch(job, minIntervalMs) {
      if (closed || o.signal?.aborted) {
        return { key: job.key, url: job.url, ok: false, error: new FetchError('aborted', 'stopped by shutdown before the request started', { url: job.url }) };
      }
      // A page may be asked for again in the same cycle (two outlets sharing a host): unique per call.
      const uniqueKey = `${job.key}#${seq++}`;
      const outcome = new Promise<PageOutcome>((resolve) => waiters.set(uniqueKey, resolve));
      await crawler.addRequests([{ url: job.url, uniqueKey, userData: { key: job.key, encoding: job.encoding, minIntervalMs } }]);
      return outcome;
    },
    async close() {
      if (closed) return;
      closed = true;
      await crawler.stop('cycle finished');
      await running;
      for (const id of [...releases.keys()]) release(id);
      for (const [uniqueKey] of [...waiters]) {
        settle(uniqueKey, { key: uniqueKey.replace(/#\d+$/, ''), url: '', ok: false, error: new FetchError('aborted', 'the crawl ended before this page was fetched', {}) });
      }
      await crawler.teardown().catch(() => {});
    },
  };
}
