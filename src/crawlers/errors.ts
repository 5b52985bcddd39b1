// Typed fetch failures. The kind decides whether a retry can help: a timeout or a 5xx may pass,
// a 404, a robots.txt refusal or a bot wall will not — retrying those only adds load on the outlet.

export type FetchErrorKind =
  | 'timeout'
  | 'http'
  | 'network'
  | 'redirect-loop'
  | 'too-large'
  | 'malformed-feed'
  | 'bot-challenge'
  | 'robots'
  | 'encoding'
  | 'content-type'
  | 'aborted';

export class FetchError extends Error {
  readonly kind: FetchErrorKind;
  readonly retryable: boolean;
  readonly status?: number;
  readonly url?: string;

  constructor(kind: FetchErrorKind, message: string, opts: { retryable?: boolean; status?: number; url?: string; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'FetchError';
    this.kind = kind;
    this.status = opts.status;
    this.url = opts.url;
    this.retryable = opts.retryable ?? defaultRetryable(kind, opts.status);
  }

  /** Short key for reports and health: "http-404", "timeout", "bot-challenge" … */
  get reason(): string {
    return this.kind === 'http' && this.status ? `http-${this.status}` : this.kind;
  }
}

function defaultRetryable(kind: FetchErrorKind, status?: number): boolean {
  if (kind === 'timeout' || kind === 'network') return true;
  if (kind === 'http') return status !== undefined && (status >= 500 || status === 429 || status === 408);
  return false;
}

export function httpError(status: number, url: string): FetchError {
  return new FetchError('http', `${url} answered HTTP ${status}`, { status, url });
}

const NETWORK_CODES = new Set([
  'ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH',
  'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ERR_STREAM_PREMATURE_CLOSE', 'ECONNABORTED',
]);

/** Maps any thrown value (fetch/undici, got, crawlee, our own) onto a FetchError. */
export function toFetchError(e: unknown, url?: string): FetchError {
  if (e instanceof FetchError) return e;
  const err = e as { name?: string; code?: string; message?: string; cause?: { code?: string; name?: string; message?: string } };
  const name = err?.name ?? '';
  const code = err?.code ?? err?.cause?.code ?? '';
  const message = String(err?.message ?? e);
  if (name === 'MaxRedirectsError' || /Redirected \d+ times/.test(message)) {
    return new FetchError('redirect-loop', `${url ?? ''} redirects in a loop (${message})`.trim(), { url, cause: e });
  }
  if (name === 'TimeoutError' || name === 'TimeoutErrorWithStack' || code === 'ETIMEDOUT' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || /timed out|timeout/i.test(message)) {
    return new FetchError('timeout', `${url ?? ''} timed out (${message})`.trim(), { url, cause: e });
  }
  if (name === 'AbortError') return new FetchError('aborted', 'stopped by shutdown', { url, cause: e });
  const status = /^(\d{3}) - /.exec(message)?.[1];
  if (status) return httpError(Number(status), url ?? '');
  if (/served Content-Type/.test(message)) return new FetchError('content-type', message, { url, cause: e });
  if (NETWORK_CODES.has(code) || /socket hang up|ECONNRESET|ECONNREFUSED|other side closed|premature close/i.test(message)) {
    return new FetchError('network', `${url ?? ''} network error: ${code || message}`.trim(), { url, cause: e });
  }
  return new FetchError('network', `${url ?? ''}: ${message}`.trim(), { url, cause: e, retryable: false });
}
