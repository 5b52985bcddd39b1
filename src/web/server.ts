// The web server (node:http): search page, JSON search API, republication clusters, and the
// archive of written digests. Read-only; binds to 127.0.0.1 unless told otherwise.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readdirSync, readFileSync, statSync, createReadStream } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Db } from '../store/db.ts';
import { digestDir } from '../context.ts';
import { QueryError } from '../index/query.ts';
import { SearchIndexError, type SearchIndex, type SearchResult } from '../index/types.ts';
import { CSS, fontPath } from './assets.ts';
import { clusterPage, digestListPage, errorPage, reviewPage, searchPage, type ClusterArticle } from './pages.ts';
import { composeQuery, pageUrl, readParams } from './params.ts';
import { verdictRoute } from './triage.ts';
import { reviewQueue, verdictsFor } from '../detect/verdicts.ts';

export interface WebServerOptions {
  db: Db;
  index: SearchIndex;
  dataDir: string;
  host?: string;
  /** 0 picks a free port (tests). */
  port?: number;
  /** More pages (reports …), tried in order before the 404. */
  routes?: WebRoute[];
  /** The monitored city: results get "critical / not critical" buttons that store verdicts for it. */
  triageCity?: string;
}

export interface WebRoute {
  /** Exact path, or a pattern tested against the decoded path. */
  path: string | RegExp;
  handler: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> | void;
}

export interface WebServer {
  url: string;
  close(): Promise<void>;
}

const PAGE_CSP = "default-src 'none'; style-src 'self'; font-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
// Digests are written by kaghaz with inline styles; scripts stay forbidden there too.
const DIGEST_CSP = "default-src 'none'; style-src 'self' 'unsafe-inline'; font-src 'self'; img-src 'self' data:; base-uri 'none'; frame-ancestors 'none'";
const DIGEST_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  pdf: 'application/pdf',
};

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    'content-type': type,
    'content-length': Buffer.byteLength(body),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    ...extra,
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

const sendHtml = (res: ServerResponse, status: number, body: string, csp = PAGE_CSP) =>
  send(res, status, 'text/html; charset=utf-8', body, { 'content-security-policy': csp });
const sendJson = (res: ServerResponse, status: number, value: unknown) => send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));

/** Persian text for the page (`message`), and the technical reason in English (`detail`). */
function explain(e: unknown): { status: number; message: string; detail: string; kind: string } {
  const detail = (e as Error)?.message ?? String(e);
  if (e instanceof QueryError) return { status: 400, kind: 'query', message: 'عبارت جستجو نادرست است:', detail };
  if (e instanceof SearchIndexError) {
    if (e.kind === 'connect') return { status: 503, kind: e.kind, message: 'نمایهٔ جستجو در دسترس نیست؛ کمی بعد دوباره امتحان کنید.', detail };
    if (e.kind === 'misuse') return { status: 400, kind: e.kind, message: 'درخواست نادرست:', detail };
    return { status: 502, kind: e.kind, message: 'نمایهٔ جستجو خطا داد:', detail };
  }
  return { status: 500, kind: 'internal', message: 'خطای داخلی:', detail };
}

export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const { db, index } = opts;
  const routes = [...(opts.routes ?? []), ...(opts.triageCity ? [verdictRoute(db, opts.triageCity)] : [])];
  const digests = digestDir(opts.dataDir);
  const font = readFileSync(fontPath());
  const clusterStmt = db.prepare(
    `SELECT id, source_id, title, url, published_at, fetched_at FROM articles WHERE cluster_id = ?
     ORDER BY COALESCE(published_at, fetched_at), id LIMIT 1000`,
  );

  async function search(url: URL, perPage = 20): Promise<{ params: ReturnType<typeof readParams>; result: SearchResult }> {
    const params = readParams(url.searchParams);
    const result = await index.search({ query: composeQuery(params), sort: params.sort, page: params.page, perPage });
    return { params, result };
  }

  async function cluster(res: ServerResponse, id: string): Promise<void> {
    if (!/^[A-Za-z0-9_-]{1,100}$/.test(id)) return sendHtml(res, 404, errorPage(404, 'چنین خوشه‌ای وجود ندارد.'));
    const rows = clusterStmt.all(id) as { id: string; source_id: string; title: string; url: string; published_at: string | null; fetched_at: string }[];
    if (rows.length === 0) return sendHtml(res, 404, errorPage(404, 'چنین خوشه‌ای وجود ندارد.'));
    // Outlet names come from the index (it holds the outlets' config); the store is the list.
    const names = new Map<string, string>();
    try {
      const r = await index.search({ query: `cluster:«${id}»`, perPage: 100, sort: 'date' });
      for (const h of r.hits) names.set(h.sourceId, h.outletName);
    } catch {
      /* names fall back to outlet ids */
    }
    const articles: ClusterArticle[] = rows.map((r) => ({
      id: r.id, sourceId: r.source_id, outletName: names.get(r.source_id) ?? r.source_id,
      title: r.title, url: r.url, when: r.published_at, fetchedAt: r.fetched_at,
    }));
    sendHtml(res, 200, clusterPage(id, articles));
  }

  function digestList(res: ServerResponse): void {
    let names: string[] = [];
    try {
      names = readdirSync(digests).filter((n) => statSync(join(digests, n)).isFile());
    } catch {
      /* no digests yet */
    }
    const htmlFiles = names.filter((n) => n.endsWith('.html')).sort().reverse();
    const files = htmlFiles.map((name) => {
      const stem = name.slice(0, -5);
      return { name, others: ['pdf', 'txt'].map((x) => `${stem}.${x}`).filter((o) => names.includes(o)) };
    });
    sendHtml(res, 200, digestListPage(files));
  }

  function digestFile(res: ServerResponse, rel: string): void {
    // Only plain file names (and fonts/<name>): no traversal, no hidden files.
    const m = /^(fonts\/)?([A-Za-z0-9\u0600-\u06FF][\w\u0600-\u06FF.\-]*)$/.exec(rel);
    const ext = rel.split('.').pop() ?? '';
    const type = m?.[1] ? (ext === 'woff2' ? 'font/woff2' : undefined) : DIGEST_TYPES[ext];
    if (!m || !type || rel.includes('..')) return sendHtml(res, 404, errorPage(404, 'این فایل در آرشیو نیست.'));
    const path = join(digests, rel);
    let size: number;
    try {
      const st = statSync(path);
      if (!st.isFile()) throw new Error('not a file');
      size = st.size;
    } catch {
      return sendHtml(res, 404, errorPage(404, 'این فایل در آرشیو نیست.'));
    }
    res.writeHead(200, {
      'content-type': type,
      'content-length': size,
      'x-content-type-options': 'nosniff',
      ...(ext === 'html' ? { 'content-security-policy': DIGEST_CSP } : {}),
    });
    if (res.req.method === 'HEAD') return void res.end();
    createReadStream(path).pipe(res);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      return sendHtml(res, 400, errorPage(400, 'نشانی نادرست است.'));
    }
    const extra = routes.find((r) => (typeof r.path === 'string' ? r.path === path : r.path.test(path)));
    // Built-in pages only read; added routes may take other methods (forms that change things).
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      if (extra) return extra.handler(req, res, url);
      return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed', { allow: 'GET, HEAD' });
    }
    if (path === '/') {
      const params = readParams(url.searchParams);
      try {
        const { result } = await search(url);
        const triage = opts.triageCity
          ? { back: pageUrl(params, { page: params.page }), verdicts: verdictsFor(db, opts.triageCity, result.hits.map((h) => h.id)) }
          : undefined;
        return sendHtml(res, 200, searchPage(params, result, null, index.driver, triage));
      } catch (e) {
        const x = explain(e);
        return sendHtml(res, x.status, searchPage(params, null, x, index.driver));
      }
    }
    if (path === '/api/search') {
      try {
        const perPage = Number(url.searchParams.get('perPage') ?? '20');
        const { result } = await search(url, perPage);
        return sendJson(res, 200, result);
      } catch (e) {
        const x = explain(e);
        return sendJson(res, x.status, { error: (e as Error).message, kind: x.kind });
      }
    }
    if (path === '/health') {
      const h = await index.health();
      return sendJson(res, h.ok ? 200 : 503, { ...h, stats: await index.stats() });
    }
    if (path === '/assets/app.css') return send(res, 200, 'text/css; charset=utf-8', CSS, { 'cache-control': 'max-age=3600' });
    if (path === '/assets/vazirmatn.woff2') return send(res, 200, 'font/woff2', font, { 'cache-control': 'max-age=604800' });
    if (path.startsWith('/cluster/')) return cluster(res, path.slice('/cluster/'.length));
    if (path === '/review' && opts.triageCity) return sendHtml(res, 200, reviewPage(reviewQueue(db, opts.triageCity, 30)));
    if (path === '/digests' || path === '/digests/') return digestList(res);
    if (path.startsWith('/digests/')) return digestFile(res, path.slice('/digests/'.length));
    if (extra) return extra.handler(req, res, url);
    sendHtml(res, 404, errorPage(404, 'این صفحه وجود ندارد.'));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      if (!res.headersSent) {
        const x = explain(e);
        sendHtml(res, 500, errorPage(500, `${x.message} ${x.detail}`));
      }
      else res.destroy();
    });
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 8080, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address() as AddressInfo;
  const shownHost = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  return {
    url: `http://${shownHost}:${addr.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
}
