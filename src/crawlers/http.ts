// Plain HTTP for feeds, robots.txt and listing pages (article pages go through CheerioCrawler,
// see pages.ts). We fetch bytes ourselves so that charset, conditional GET, size caps and
// redirect loops stay under our control.
import { FetchError, httpError, toFetchError } from './errors.ts';
import { HostGate, sleep } from './host-gate.ts';
import { detectBotChallenge } from './challenge.ts';

export interface HttpOptions {
  userAgent: string;
  timeoutMs: number;
  maxBytes: number;
  minIntervalMs: number;
  gate: HostGate;
  signal?: AbortSignal;
  headers?: Record<string, string>;
  maxRedirects?: number;
  accept?: string;
}

export interface HttpResult {
  status: number;
  url: string;
  finalUrl: string;
  headers: Record<string, string>;
  bytes: Buffer;
}

async function readCapped(res: Response, url: string, maxBytes: number): Promise<Buffer> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => {});
    throw new FetchError('too-large', `${url} declares ${declared} bytes, more than the ${maxBytes}-byte limit`, { url });
  }
  if (!res.body) return Buffer.alloc(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new FetchError('too-large', `${url} is larger than the ${maxBytes}-byte limit`, { url });
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** One GET with manual redirects (loops detected), a size cap and a timeout; no retries. */
export async function httpGet(url: string, opts: HttpOptions): Promise<HttpResult> {
  const seen = new Set<string>();
  let current = url;
  const maxRedirects = opts.maxRedirects ?? 5;
  for (let hop = 0; ; hop++) {
    if (seen.has(current) || hop > maxRedirects) {
      throw new FetchError('redirect-loop', `${url} redirects in a loop (${[...seen, current].slice(-4).join(' → ')})`, { url });
    }
    seen.add(current);
    const host = new URL(current).host;
    const release = await opts.gate.acquire(host, opts.minIntervalMs, opts.signal).catch((e) => {
      throw toFetchError(e, url);
    });
    try {
      const timeout = AbortSignal.timeout(opts.timeoutMs);
      const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
      let res: Response;
      try {
        res = await fetch(current, {
          redirect: 'manual',
          signal,
          headers: {
            'user-agent': opts.userAgent,
            accept: opts.accept ?? 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
            'accept-language': 'fa,en;q=0.5',
            ...opts.headers,
          },
        });
      } catch (e) {
        if (timeout.aborted) throw new FetchError('timeout', `${current} did not answer within ${opts.timeoutMs} ms`, { url });
        throw toFetchError(e, current);
      }
      if (res.status >= 300 && res.status < 400 && res.status !== 304) {
        await res.body?.cancel().catch(() => {});
        const loc = res.headers.get('location');
        if (!loc) throw httpError(res.status, current);
        current = new URL(loc, current).toString();
        continue;
      }
      let bytes: Buffer;
      try {
        bytes = await readCapped(res, current, opts.maxBytes);
      } catch (e) {
        if (timeout.aborted) throw new FetchError('timeout', `${current} body did not arrive within ${opts.timeoutMs} ms`, { url });
        throw toFetchError(e, current);
      }
      const headers: Record<string, string> = {};
      res.headers.forEach((v, k) => (headers[k] = v));
      if (res.status >= 400) {
        const wall = detectBotChallenge(res.status, headers, bytes.subarray(0, 20000).toString('utf8'));
        if (wall) throw new FetchError('bot-challenge', `${current} is behind a ${wall} bot challenge (HTTP ${res.status})`, { url, status: res.status });
        throw httpError(res.status, current);
      }
      return { status: res.status, url, finalUrl: current, headers, bytes };
    } finally {
      release();
    }
  }
}

export interface RetryOptions {
  maxRetries: number;
  baseDelayMs?: number;
  signal?: AbortSignal;
}

/** Retries transient failures (timeouts, 5xx, resets) with exponential backoff; never the rest. */
export async function withRetries<T>(fn: () => Promise<T>, opts: RetryOptions): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      const err = toFetchError(e);
      if (!err.retryable || attempt >= opts.maxRetries || opts.signal?.aborted) throw err;
      await sleep(backoffMs(attempt, opts.baseDelayMs), opts.signal).catch(() => {
        throw err;
      });
    }
  }
}

export function backoffMs(attempt: number, base = 500): number {
  return Math.min(base * 2 ** attempt, 30_000);
}
