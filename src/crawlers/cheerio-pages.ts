// Article pages through CheerioCrawler (crawlee). One crawler per host group with
// maxConcurrency 1 gives "one request at a time per host"; the shared HostGate adds the minimum
// interval (also across feeds and listings). We override only the HTML-parsing hook, to read
// raw bytes under a size cap and decode them with our charset sniffing (crawlee's own decoding
// trusts the Content-Type header only, which misreads windows-1256 pages declared in <meta>).
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

export interface PageFetchOptions {
  userAgent: string;
  timeoutMs: number;
  maxBytes: number;
  maxRetries: number;
  minIntervalMs: number;
  retryDelayMs?: number;
  gate: HostGate;
  signal?: AbortSignal;
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
    const $ = cheerio.load(text, { xmlMode: isXml });
    return {
      dom: $.root()[0] as never,
      $: $ as never,
      body: text,
      enqueueLinks: async () => ({ processedRequests: [], unprocessedRequests: [] }),
    };
  }
}

/** Fetches article pages politely; every job ends in exactly one onOutcome call (unless aborted before it started). */
export async function fetchPages(jobs: PageJob[], o: PageFetchOptions, onOutcome: (r: PageOutcome) => Promise<void>): Promise<void> {
  if (jobs.length === 0) return;
  const releases = new Map<string, () => void>();
  const release = (id: string | undefined) => {
    if (!id) return;
    releases.get(id)?.();
    releases.delete(id);
  };
  const config = new Configuration({ persistStorage: false, purgeOnStart: true });
  const reported = new Set<string>();
  const report = async (r: PageOutcome) => {
    if (reported.has(r.key)) return;
    reported.add(r.key);
    await onOutcome(r);
  };
  const crawler = new CappedCheerioCrawler(
    {
      maxConcurrency: 1,
      maxRequestRetries: o.maxRetries,
      navigationTimeoutSecs: Math.max(o.timeoutMs / 1000, 0.05),
      // The handler runs the whole pipeline for the page (extract → store), so it gets room.
      requestHandlerTimeoutSecs: Math.max(o.timeoutMs / 1000, 1) + 120,
      additionalMimeTypes: ['text/plain', 'application/octet-stream'],
      ignoreHttpErrorStatusCodes: SERVER_ERRORS,
      // Hand us the raw bytes: crawlee would transcode by the header alone; _parseHTML sniffs properly.
      forceResponseEncoding: 'latin1',
      useSessionPool: false,
      persistCookiesPerSession: false,
      retryOnBlocked: false,
      autoscaledPoolOptions: { maybeRunIntervalSecs: 0.02, loggingIntervalSecs: null },
      statusMessageLoggingInterval: 3600,
      preNavigationHooks: [
        async ({ request }, gotOptions) => {
          if (o.signal?.aborted) {
            request.noRetry = true;
            throw new FetchError('aborted', 'stopped by shutdown before the request started', { url: request.url });
          }
          const host = new URL(request.url).host;
          releases.set(request.id!, await o.gate.acquire(host, o.minIntervalMs, o.signal));
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
        await report({ key: request.userData.key as string, url: request.url, ok: true, finalUrl: request.loadedUrl ?? request.url, html, status }).catch(() => {});
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
        await report({ key: request.userData.key as string, url: request.url, ok: false, error: toFetchError(error, request.url) }).catch(() => {});
      },
    },
    config,
    o.maxBytes,
  );
  const onAbort = () => void crawler.stop('shutdown');
  o.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    await crawler.run(jobs.map((j) => ({ url: j.url, uniqueKey: j.key, userData: { key: j.key, encoding: j.encoding } })));
  } finally {
    o.signal?.removeEventListener('abort', onAbort);
    for (const id of [...releases.keys()]) release(id);
    await crawler.teardown().catch(() => {});
  }
}
