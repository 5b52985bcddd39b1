// A tiny loopback HTTP server for crawler tests: routes by path, logs every request with its
// arrival time, headers and how many requests were in flight on the host at that moment.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SourceSchema, type Source } from '../../src/config.ts';

export type Route = (req: IncomingMessage, res: ServerResponse, hit: number) => void | Promise<void>;

export interface LoggedRequest {
  path: string;
  at: number;
  headers: IncomingMessage['headers'];
}

export interface Loopback {
  base: string;
  log: LoggedRequest[];
  maxInFlight: number;
  hits(path: string): number;
  close(): Promise<void>;
}

export async function serve(routes: Record<string, Route>): Promise<Loopback> {
  const log: LoggedRequest[] = [];
  const counts = new Map<string, number>();
  let inFlight = 0;
  const state = { maxInFlight: 0 };
  const server = createServer(async (req, res) => {
    const path = req.url ?? '/';
    log.push({ path, at: Date.now(), headers: req.headers });
    inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, inFlight);
    res.on('close', () => inFlight--);
    const n = (counts.get(path) ?? 0) + 1;
    counts.set(path, n);
    const route = routes[path] ?? routes[path.split('?')[0]];
    if (!route) {
      if (path === '/robots.txt') {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end('<h1>not found</h1>');
      return;
    }
    await route(req, res, n);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    log,
    get maxInFlight() {
      return state.maxInFlight;
    },
    hits: (p) => counts.get(p) ?? 0,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export function html(res: ServerResponse, body: string | Buffer, headers: Record<string, string> = {}, status = 200): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
  res.end(body);
}

export function source(id: string, base: string, extra: Partial<Source> = {}): Source {
  return SourceSchema.parse({
    id,
    nameFa: `خبرگزاری ${id}`,
    nameEn: id,
    homepage: base + '/',
    type: 'site',
    scope: 'local',
    cms: 'unknown',
    articleUrlPattern: '^/news/\\d+',
    ...extra,
  });
}

export function articlePage(title: string, paragraphs: string[], head = '<meta charset="utf-8">'): string {
  return `<!DOCTYPE html><html lang="fa" dir="rtl"><head>${head}<title>${title}</title></head><body><nav><a href="/">خانه</a></nav><article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
}

export function listing(links: string[]): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><ul>${links.map((l, i) => `<li><a href="${l}">خبر شماره ${i + 1} درباره شهر</a></li>`).join('')}</ul></body></html>`;
}

export function rss(items: { link: string; title: string; description?: string; pubDate?: string }[]): string {
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title><link>http://x/</link><description>d</description>${items
    .map((i) => `<item><title>${i.title}</title><link>${i.link}</link>${i.description ? `<description>${i.description}</description>` : ''}${i.pubDate ? `<pubDate>${i.pubDate}</pubDate>` : ''}</item>`)
    .join('')}</channel></rss>`;
}
