// robots.txt, fetched once per host and cycle through the same polite HTTP path.
// RFC 9309: 4xx → no rules (allow); 5xx or unreachable → assume complete disallow for now.
import robotsParserModule from 'robots-parser';
import { FetchError, toFetchError } from './errors.ts';
import { httpGet, type HttpOptions } from './http.ts';
import { decodeBytes } from './charset.ts';

interface Robot {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
}
// robots-parser ships CommonJS with an ambient d.ts that NodeNext cannot call through; the value is the function.
const robotsParser = robotsParserModule as unknown as (url: string, body: string) => Robot;
type Verdict = { robot: Robot | null; error?: FetchError };

export class RobotsCache {
  private readonly byOrigin = new Map<string, Promise<Verdict>>();
  constructor(private readonly http: HttpOptions) {}

  /** Throws FetchError('robots') when disallowed, or the robots.txt fetch error when it could not be read. */
  async check(url: string): Promise<void> {
    const u = new URL(url);
    const { robot, error } = await this.verdict(url);
    if (error) throw new FetchError(error.kind === 'aborted' ? 'aborted' : error.kind, `robots.txt of ${u.host} could not be read (${error.message}); not crawling it this cycle`, { status: error.status, url, retryable: false });
    if (robot && robot.isAllowed(url, this.http.userAgent) === false) {
      throw new FetchError('robots', `${url} is disallowed by ${u.origin}/robots.txt`, { url });
    }
  }

  /** Crawl-delay for our agent in ms (capped at 60 s), if the site's robots.txt sets one. */
  async crawlDelayMs(url: string): Promise<number | undefined> {
    const { robot } = await this.verdict(url);
    const d = robot?.getCrawlDelay(this.http.userAgent);
    return d === undefined || !Number.isFinite(d) ? undefined : Math.min(d * 1000, 60_000);
  }

  private verdict(url: string): Promise<Verdict> {
    const origin = new URL(url).origin;
    let p = this.byOrigin.get(origin);
    if (!p) {
      p = this.load(origin);
      this.byOrigin.set(origin, p);
    }
    return p;
  }

  private async load(origin: string): Promise<Verdict> {
    const robotsUrl = `${origin}/robots.txt`;
    try {
      const res = await httpGet(robotsUrl, { ...this.http, maxBytes: Math.min(this.http.maxBytes, 512_000), accept: 'text/plain,*/*' });
      return { robot: robotsParser(robotsUrl, decodeBytes(res.bytes, res.headers['content-type']).text) };
    } catch (e) {
      const err = toFetchError(e, robotsUrl);
      if (err.kind === 'http' && err.status !== undefined && err.status >= 400 && err.status < 500) return { robot: null };
      // A redirect loop or a bot wall on robots.txt says nothing about permission; RFC 9309 treats an
      // unreachable file as "disallow", so we skip the host this cycle and report why.
      return { robot: null, error: err };
    }
  }
}
