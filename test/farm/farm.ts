// The local outlet farm: N synthetic Persian news outlets, each its own HTTP host on
// 127.0.0.1 (one server and port per outlet), with feeds, listing pages, article pages,
// robots.txt, conditional GET, switchable faults and a request log for politeness checks.
// Pages are rendered on request from a compact plan; nothing but the story drafts is kept.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import type { Source } from '../../src/config.ts';
import { canonicalUrl } from '../../src/crawlers/canonical-url.ts';
import { planCorpus, renderCopy, renderHeadline, cityVocab, type CorpusPlan, type FarmArticle, type FarmArticleKind } from './content.ts';
import { TEMPLATES, slugify, type Template, type TemplateName, type PageOutlet, type ListingItem } from './templates.ts';
import { renderRss, renderAtom, renderMalformedRss, type FeedItem, type FeedChannel } from './feeds.ts';
import { formatJalali, isoTehran, rfc822Tehran, dayPrecision } from './dates.ts';
import { encodeBody } from './encoding.ts';
import { planOutlet, farmOutletId, FAULT_KINDS, type FaultKind, type FeedKind, type OutletPlan } from './outlets.ts';
import { makeRng, subSeed } from './rng.ts';
import { esc } from './chrome.ts';
import { SECTIONS } from './chrome.ts';

export { farmOutletId, FAULT_KINDS };
export type { FaultKind, FeedKind };

export interface StartFarmOptions {
  outlets: number;
  /** Default 10. */
  articlesPerOutlet?: number;
  /** Default 1. */
  seed?: number;
  /** 'tabriz' (default), 'tehran', 'mashhad' or 'shiraz'. */
  city?: string;
  /** Fault per outlet id (see farmOutletId). */
  faults?: Record<string, FaultKind>;
  /** Every response waits at least this long (simulated latency). Default 0. */
  minDelayMs?: number;
  /** Newest publication time; default: now, to the minute. */
  now?: Date;
  /** Articles are spread over this many days before `now`. Default 2. */
  spanDays?: number;
  /** Bytes of an 'oversized' article page. Default 20 MB. */
  oversizedBytes?: number;
  /** Items per listing page. Default 10. */
  pageSize?: number;
  /** Items in a feed (newest first). Default 30. */
  feedSize?: number;
  /**
   * Let some outlets put a captioned image («عکس: …») inside the body container, as many real
   * pages do; the caption is not body text. Off by default until kaghaz's extractor drops
   * captions (it keeps them today: see docs/farm.md).
   */
  captionsInBody?: boolean;
}

export interface FarmOutlet {
  id: string;
  nameFa: string;
  template: TemplateName;
  feedKind: FeedKind;
  port: number;
  /** http://127.0.0.1:PORT (no trailing slash) */
  baseUrl: string;
  fault?: FaultKind;
  /** Absolute feed URL, or null when the outlet has none. */
  feedUrl: string | null;
  /** Absolute URL of the first listing page. */
  listingUrl: string;
  encoding: 'utf-8' | 'windows-1256';
  /** Everything else about the outlet's habits (date form, JSON-LD, canonical …). */
  plan: OutletPlan;
}

export interface ExpectedArticle {
  outletId: string;
  /** Canonical URL (canonicalUrl of the served article URL). */
  url: string;
  title: string;
  kicker?: string;
  lead: string;
  /**
   * Body paragraphs joined by "\n\n", without the lead and without page furniture (menus, lists,
   * share bars, comments, «بیشتر بخوانید» blocks). WordPress pages print the lead as the first
   * paragraph of `.entry-content`: see `leadInBody`.
   */
  body: string;
  leadInBody: boolean;
  /**
   * ISO instant (UTC, whole minutes) when the page shows a date (text or machine-readable) or
   * the outlet's feed lists the article with one; null when neither does.
   */
  publishedAt: string | null;
  /** 'minute' when a time is available on the page or in the feed; 'day' for a date-only page. */
  datePrecision: 'minute' | 'day' | null;
  pageHasDate: boolean;
  inFeed: boolean;
  mentionsMunicipality: boolean;
  critical: boolean;
  kind: FarmArticleKind;
  releaseId?: string;
  storyId: string;
  eventId: string;
  /** Id of the generated copy (FarmArticle.id). */
  articleId: string;
  /** A well-behaved crawler using `sources` can fetch and extract it (outlet healthy or windows-1256). */
  discoverable: boolean;
}

export interface OutletRequests {
  count: number;
  /** ms timestamps of request arrivals */
  starts: number[];
  /** ms timestamps when responses finished or connections closed */
  ends: number[];
  paths: string[];
  /** Most requests in flight at once on this host. */
  maxConcurrent: number;
  inFlight: number;
}

export class RequestLog {
  private readonly byOutlet = new Map<string, OutletRequests>();

  forOutlet(id: string): OutletRequests {
    let r = this.byOutlet.get(id);
    if (!r) {
      r = { count: 0, starts: [], ends: [], paths: [], maxConcurrent: 0, inFlight: 0 };
      this.byOutlet.set(id, r);
    }
    return r;
  }

  get total(): number {
    let n = 0;
    for (const r of this.byOutlet.values()) n += r.count;
    return n;
  }

  /** Smallest gap between two consecutive request arrivals on one host (Infinity below 2 requests). */
  minIntervalMs(id: string): number {
    const s = this.forOutlet(id).starts;
    let min = Infinity;
    for (let i = 1; i < s.length; i++) min = Math.min(min, s[i] - s[i - 1]);
    return min;
  }

  maxConcurrent(id: string): number {
    return this.forOutlet(id).maxConcurrent;
  }

  reset(): void {
    for (const r of this.byOutlet.values()) {
      r.count = 0;
      r.starts = [];
      r.ends = [];
      r.paths = [];
      r.maxConcurrent = r.inFlight;
    }
  }
}

export interface Farm {
  outlets: FarmOutlet[];
  sources: Source[];
  expected: ExpectedArticle[];
  requests: RequestLog;
  /** The generated corpus behind the farm (render any copy with renderCopy). */
  corpus: CorpusPlan;
  writeSourcesFile(path: string): void;
  close(): Promise<void>;
}

const PROVINCE_OF: Record<string, Source['province']> = {
  tabriz: 'east-azerbaijan',
  tehran: 'tehran',
  mashhad: 'khorasan-razavi',
  shiraz: 'fars',
};

/** One served article of an outlet: numbers and strings only, the text is rendered on request. */
interface Slot {
  copy: number;
  numericId: number;
  path: string;
  key: string;
  publishedAt: Date;
  noDate: boolean;
  inFeed: boolean;
  /** Headline as this outlet prints it (kept: sidebars and listings show many). */
  title: string;
}

interface Runtime {
  plan: OutletPlan;
  template: Template;
  outlet: FarmOutlet;
  slots: Slot[];
  byKey: Map<string, Slot>;
  page: PageOutlet;
  server: Server;
}

const HTML = 'text/html';

export async function startFarm(opts: StartFarmOptions): Promise<Farm> {
  const n = opts.outlets;
  if (!Number.isInteger(n) || n < 1) throw new Error(`startFarm: "outlets" must be a whole number ≥ 1, got ${n}`);
  const perOutlet = opts.articlesPerOutlet ?? 10;
  if (!Number.isInteger(perOutlet) || perOutlet < 1) throw new Error(`startFarm: "articlesPerOutlet" must be a whole number ≥ 1, got ${perOutlet}`);
  const seed = opts.seed ?? 1;
  const city = cityVocab(opts.city ?? 'tabriz');
  const faults = opts.faults ?? {};
  const ids = new Set(Array.from({ length: n }, (_, i) => farmOutletId(i + 1)));
  for (const [id, f] of Object.entries(faults)) {
    if (!ids.has(id)) throw new Error(`startFarm: faults names outlet "${id}", which this farm does not have; use ids like "${farmOutletId(1)}" (farmOutletId(index))`);
    if (!FAULT_KINDS.includes(f)) throw new Error(`startFarm: fault "${f}" for ${id} is unknown; use one of ${FAULT_KINDS.join(', ')}`);
  }
  const now = opts.now ?? new Date(Math.floor(Date.now() / 60_000) * 60_000);
  const pageSize = opts.pageSize ?? 10;
  const feedSize = opts.feedSize ?? 30;
  const oversizedBytes = opts.oversizedBytes ?? 20 * 1024 * 1024;
  const minDelayMs = opts.minDelayMs ?? 0;

  const corpus = planCorpus(n * perOutlet, seed, { city: city.id, now, spanDays: opts.spanDays ?? 2, maxCopies: n });
  const plans = Array.from({ length: n }, (_, i) => planOutlet(seed, i + 1, faults[farmOutletId(i + 1)]));
  if (!opts.captionsInBody) for (const p of plans) p.markup.captionInBody = false;
  const requests = new RequestLog();
  const timers = new Set<NodeJS.Timeout>();
  const runtimes: Runtime[] = [];
  const render = (rt: Runtime, slot: Slot): FarmArticle =>
    renderCopy(corpus, corpus.copies[slot.copy], { nameFa: rt.plan.nameFa, style: rt.plan.style });

  // Copies go round-robin over outlets, so the reprints of one release land on different outlets.
  const slotsOf: Slot[][] = plans.map(() => []);
  corpus.copies.forEach((c, j) => {
    const noDateRng = makeRng(subSeed(seed, 'nodate', j));
    slotsOf[j % n].push({
      copy: j,
      numericId: 100_000 + j,
      path: '',
      key: '',
      publishedAt: new Date(c.publishedAt),
      noDate: noDateRng() < plans[j % n].noDateRate,
      inFeed: false,
      title: '',
    });
  });

  try {
    for (let i = 0; i < n; i++) {
      const plan = plans[i];
      const server = createServer();
      server.keepAliveTimeout = 2000;
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => resolve());
      });
      const port = (server.address() as AddressInfo).port;
      const baseUrl = `http://127.0.0.1:${port}`;
      const template = TEMPLATES[plan.template];
      const feedPath = plan.feedKind === 'rss' ? template.rssPath : plan.feedKind === 'atom' ? template.atomPath : null;
      const outlet: FarmOutlet = {
        id: plan.id,
        nameFa: plan.nameFa,
        template: plan.template,
        feedKind: plan.feedKind,
        port,
        baseUrl,
        fault: plan.fault,
        feedUrl: feedPath ? baseUrl + feedPath : null,
        listingUrl: baseUrl + template.listingPath,
        encoding: plan.encoding,
        plan,
      };
      const slots = slotsOf[i].sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime());
      const rt: Runtime = {
        plan,
        template,
        outlet,
        slots,
        byKey: new Map(),
        server,
        page: {
          nameFa: plan.nameFa,
          baseUrl,
          metaCharset: plan.metaCharset,
          jsonLd: plan.jsonLd,
          ogMeta: plan.ogMeta,
          canonical: plan.canonical,
          inlineRelated: plan.inlineRelated,
          markup: plan.markup,
          feed: outlet.feedUrl ? { url: outlet.feedUrl, type: plan.feedKind === 'atom' ? 'application/atom+xml' : 'application/rss+xml' } : null,
        },
      };
      slots.forEach((s, k) => {
        s.title = renderHeadline(corpus, corpus.copies[s.copy], { nameFa: plan.nameFa, style: plan.style });
        // Same headline, same day: WordPress makes the slug unique with "-2", "-3" …
        const slug = slugify(s.title);
        for (let dup = 1; ; dup++) {
          s.path = template.articlePath(s.numericId, dup === 1 ? slug : `${slug}-${dup}`, s.publishedAt);
          s.key = template.articleKey(decodeURIComponent(s.path))!;
          if (!rt.byKey.has(s.key)) break;
        }
        s.inFeed = plan.feedKind !== 'none' && k < feedSize;
        rt.byKey.set(s.key, s);
      });
      server.on('request', (req, res) => onRequest(rt, req, res));
      runtimes.push(rt);
    }
  } catch (e) {
    await Promise.all(runtimes.map((r) => closeServer(r.server)));
    if ((e as NodeJS.ErrnoException).code === 'EMFILE') {
      throw new Error(`startFarm: ran out of file descriptors after ${runtimes.length} of ${n} outlets; raise the limit (ulimit -n, at least ${n * 2 + 100}) or start fewer outlets`);
    }
    throw e;
  }

  function onRequest(rt: Runtime, req: IncomingMessage, res: ServerResponse): void {
    const log = requests.forOutlet(rt.plan.id);
    log.count++;
    log.starts.push(Date.now());
    log.paths.push(req.url ?? '');
    log.inFlight++;
    log.maxConcurrent = Math.max(log.maxConcurrent, log.inFlight);
    res.on('close', () => {
      log.inFlight--;
      log.ends.push(Date.now());
    });
    res.setHeader('Server', 'nginx');
    const go = () => {
      try {
        dispatch(rt, req, res);
      } catch (e) {
        if (!res.headersSent) send(rt, res, 500, HTML, `<h1>farm error</h1><pre>${esc(String((e as Error).stack))}</pre>`);
        else res.destroy();
      }
    };
    if (minDelayMs > 0) later(go, minDelayMs);
    else go();
  }

  function later(fn: () => void, ms: number): void {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  }

  function dispatch(rt: Runtime, req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', rt.outlet.baseUrl);
    const path = url.pathname;
    const fault = rt.plan.fault;
    if (fault === 'timeout') {
      // Half of these outlets never answer; the others send headers and a first chunk, then stall.
      if (rt.plan.index % 2 === 0) {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        res.write('<!DOCTYPE html><html lang="fa" dir="rtl"><head><title>');
      }
      return;
    }
    if (fault === 'bot-challenge') return sendChallenge(rt, res);
    if (path === '/robots.txt') return send(rt, res, 200, 'text/plain', robotsTxt(rt));
    if (fault === 'http500') {
      return send(rt, res, 500, HTML, `<!DOCTYPE html><html><head><title>500 Internal Server Error</title></head><body><h1>خطای داخلی سرور</h1><p>Internal Server Error</p><hr><center>nginx</center></body></html>`);
    }
    if (fault === 'redirect-loop') {
      // /x → /x?loop=1 → /x → …
      const next = url.searchParams.has('loop') ? path : `${path}?loop=1`;
      res.writeHead(302, { Location: next, 'Content-Length': '0' });
      return void res.end();
    }
    const feed = feedFor(rt, path);
    if (feed) {
      if (fault === 'http404') return notFound(rt, res);
      return sendFeed(rt, req, res, feed);
    }
    if (path === '/' || path === '/fa' || path === '/fa/') return sendListing(rt, req, res, 1, 'صفحه نخست', rt.template.listingPath);
    if (path === rt.template.listingPath || path === rt.template.listingPath + '/') {
      const page = Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1);
      return sendListing(rt, req, res, page, 'آرشیو اخبار', rt.template.listingPath);
    }
    let decoded = path;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      /* a malformed %-sequence: match the raw path */
    }
    const key = rt.template.articleKey(decoded);
    const slot = key ? rt.byKey.get(key) : undefined;
    if (slot && rt.plan.template === 'wordpress' && !path.endsWith('/')) {
      // WordPress answers a path without the trailing slash with a 301 to the slashed one.
      res.writeHead(301, { Location: slot.path, 'Content-Length': '0' });
      return void res.end();
    }
    if (!slot) return notFound(rt, res);
    if (fault === 'oversized') return sendOversized(rt, res, slot);
    // No Last-Modified on pages: it would leak a date that a date-less page does not show.
    return send(rt, res, 200, HTML, articleHtml(rt, slot), req.method === 'HEAD');
  }

  function feedFor(rt: Runtime, path: string): 'rss' | 'atom' | null {
    if (rt.plan.feedKind === 'rss' && path === rt.template.rssPath) return 'rss';
    if (rt.plan.feedKind === 'atom' && path === rt.template.atomPath) return 'atom';
    return null;
  }

  function robotsTxt(rt: Runtime): string {
    return `User-agent: *\nDisallow: /fa/ajax\nDisallow: /search\nDisallow: /wp-admin/\nAllow: /\n\nSitemap: ${rt.outlet.baseUrl}/sitemap.xml\n`;
  }

  function contentType(rt: Runtime, type: string): string {
    if (rt.plan.encoding === 'windows-1256') return rt.plan.headerCharset || type !== HTML ? `${type}; charset=windows-1256` : type;
    return `${type}; charset=utf-8`;
  }

  function send(rt: Runtime, res: ServerResponse, status: number, type: string, text: string, headOnly = false, extra: Record<string, string> = {}): void {
    const body = encodeBody(text, rt.plan.encoding);
    res.writeHead(status, { 'Content-Type': contentType(rt, type), 'Content-Length': String(body.length), ...extra });
    res.end(headOnly ? undefined : body);
  }

  function notFound(rt: Runtime, res: ServerResponse): void {
    send(rt, res, 404, HTML, `<!DOCTYPE html><html lang="fa" dir="rtl"><head><title>صفحه پیدا نشد</title></head><body><h1>۴۰۴</h1><p>صفحه مورد نظر پیدا نشد.</p><a href="/">بازگشت به صفحه نخست</a></body></html>`);
  }

  function sendChallenge(rt: Runtime, res: ServerResponse): void {
    if (rt.plan.index % 2 === 0) {
      const html = `<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title><meta http-equiv="refresh" content="390"><meta name="robots" content="noindex,nofollow"></head><body><div class="main-wrapper" role="main"><div class="main-content"><h1 class="zone-name-title h1">127.0.0.1</h1><h2 class="h2" id="challenge-running">Checking if the site connection is secure</h2><noscript><div id="challenge-error-title">Enable JavaScript and cookies to continue</div></noscript></div></div><script>(function(){window._cf_chl_opt={cvId:'3',cType:'managed',cRay:'8a1b2c3d4e5f6a7b'};var a=document.createElement('script');a.src='/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1?ray=8a1b2c3d4e5f6a7b';document.getElementsByTagName('head')[0].appendChild(a);}());</script></body></html>`;
      res.writeHead(403, { 'Content-Type': 'text/html; charset=UTF-8', Server: 'cloudflare', 'cf-mitigated': 'challenge', 'CF-RAY': '8a1b2c3d4e5f6a7b-FRA', 'Cache-Control': 'private, max-age=0, no-store', 'Content-Length': String(Buffer.byteLength(html)) });
      return void res.end(html);
    }
    const html = `<!DOCTYPE html><html lang="fa" dir="rtl"><head><meta charset="utf-8"><title>دیوار امنیتی</title><script src="/cdn-cgi/arvancloud/ar-challenge.js"></script></head><body><div class="arvan-challenge"><h1>دیوار امنیتی ابر آروان</h1><p>در حال بررسی مرورگر شما هستیم. لطفاً چند لحظه صبر کنید.</p><p>Checking your browser before accessing the website.</p><noscript>لطفاً جاوااسکریپت و کوکی را فعال کنید.</noscript></div><script>var __arcsjs="a8f3e1";setTimeout(function(){document.cookie="__arcsjsc="+__arcsjs+";path=/";location.reload()},3000)</script><footer>ArvanCloud</footer></body></html>`;
    res.writeHead(503, { 'Content-Type': 'text/html; charset=utf-8', Server: 'ArvanCloud', 'Set-Cookie': '__arcsjs=a8f3e1; Path=/; HttpOnly', 'Content-Length': String(Buffer.byteLength(html)) });
    res.end(html);
  }

  function linkTo(rt: Runtime, s: Slot, medium: string): string {
    const rel = s.path + (rt.plan.utmLinks ? `?utm_source=${medium}&utm_medium=internal` : '');
    return rt.plan.absoluteLinks ? rt.outlet.baseUrl + rel : rel;
  }

  function dateTextOf(rt: Runtime, s: Slot): string | null {
    return s.noDate ? null : formatJalali(s.publishedAt, rt.plan.dateFormat);
  }

  function articleHtml(rt: Runtime, slot: Slot): string {
    const k = rt.slots.indexOf(slot);
    const others = rt.slots.filter((s) => s !== slot);
    const latest = others.slice(0, 6).map((s) => ({ title: s.title, href: linkTo(rt, s, 'latest') }));
    const popular = others
      .slice()
      .sort((a, b) => (a.numericId * 7919) % 101 - (b.numericId * 7919) % 101)
      .slice(0, 5)
      .map((s) => ({ title: s.title, href: linkTo(rt, s, 'most_visited') }));
    const relatedSlot = others[k % Math.max(1, others.length)];
    const a = render(rt, slot);
    return rt.template.renderArticle({
      outlet: rt.page,
      page: {
        article: a,
        path: slot.path,
        url: rt.outlet.baseUrl + slot.path,
        numericId: slot.numericId,
        dateText: dateTextOf(rt, slot),
        iso: slot.noDate ? null : isoTehran(slot.publishedAt),
        section: SECTIONS[slot.numericId % SECTIONS.length],
      },
      latest,
      popular,
      related: relatedSlot ? { title: relatedSlot.title, href: linkTo(rt, relatedSlot, 'related') } : null,
    });
  }

  function sendListing(rt: Runtime, req: IncomingMessage, res: ServerResponse, page: number, title: string, path: string): void {
    const pages = Math.max(1, Math.ceil(rt.slots.length / pageSize));
    if (page > pages) return notFound(rt, res);
    const items: ListingItem[] = rt.slots.slice((page - 1) * pageSize, page * pageSize).map((s) => {
      const a = render(rt, s);
      return { title: a.title, href: linkTo(rt, s, 'archive'), lead: a.lead, dateText: dateTextOf(rt, s) };
    });
    const latest = rt.slots.slice(0, 5).map((s) => ({ title: s.title, href: linkTo(rt, s, 'latest') }));
    const html = rt.template.renderListing({ outlet: rt.page, title, items, page, pages, path, latest });
    send(rt, res, 200, HTML, html, req.method === 'HEAD');
  }

  function sendFeed(rt: Runtime, req: IncomingMessage, res: ServerResponse, kind: 'rss' | 'atom'): void {
    const slots = rt.slots.filter((s) => s.inFeed);
    const dateOf = (d: Date) => (kind === 'atom' ? isoTehran(d) : rt.plan.rssDateZone === 'gmt' ? d.toUTCString() : rfc822Tehran(d));
    const items: FeedItem[] = slots.map((s) => {
      const a = render(rt, s);
      return {
        title: a.title,
        link: rt.outlet.baseUrl + s.path + (rt.plan.utmLinks ? '?utm_source=rss&utm_medium=feed' : ''),
        guid: kind === 'atom' ? `tag:${rt.plan.id},2026:${s.numericId}` : rt.plan.template === 'wordpress' ? `${rt.outlet.baseUrl}/?p=${s.numericId}` : String(s.numericId),
        description: a.lead,
        date: dateOf(s.publishedAt),
        category: SECTIONS[s.numericId % SECTIONS.length],
        contentHtml: rt.plan.template === 'wordpress' ? [a.lead, ...a.paragraphs].map((p) => `<p>${esc(p)}</p>`).join('') : undefined,
      };
    });
    const newest = slots[0]?.publishedAt ?? now;
    const ch: FeedChannel = {
      title: rt.plan.nameFa,
      link: rt.outlet.baseUrl + '/',
      selfUrl: rt.outlet.feedUrl!,
      description: `آخرین اخبار ${rt.plan.nameFa}`,
      encoding: rt.plan.encoding,
      updated: dateOf(newest),
    };
    const type = kind === 'atom' ? 'application/atom+xml' : 'application/rss+xml';
    if (rt.plan.fault === 'malformed-xml') return send(rt, res, 200, type, renderMalformedRss(ch, items));
    const xml = kind === 'atom' ? renderAtom(ch, items) : renderRss(ch, items);
    const etag = `"${createHash('sha1').update(xml).digest('hex').slice(0, 20)}"`;
    const lastModified = newest.toUTCString();
    const inm = req.headers['if-none-match'];
    const ims = req.headers['if-modified-since'];
    const notModified = inm
      ? inm.split(',').some((t) => t.trim() === etag || t.trim() === `W/${etag}`)
      : ims !== undefined && !Number.isNaN(Date.parse(ims)) && Date.parse(ims) >= Math.floor(newest.getTime() / 1000) * 1000;
    if (notModified) {
      res.writeHead(304, { ETag: etag, 'Last-Modified': lastModified });
      return void res.end();
    }
    send(rt, res, 200, type, xml, req.method === 'HEAD', { ETag: etag, 'Last-Modified': lastModified, 'Cache-Control': 'max-age=300' });
  }

  function sendOversized(rt: Runtime, res: ServerResponse, slot: Slot): void {
    // A real page whose comment section never ends: streamed, no Content-Length.
    const html = articleHtml(rt, slot);
    const cut = html.indexOf('</body>');
    const head = Buffer.from(html.slice(0, cut), 'utf8');
    const tail = Buffer.from(html.slice(cut), 'utf8');
    const chunk = Buffer.from(`<div class="comment" style="display:none">${'این یک نظر تکراری برای پر کردن صفحه است. '.repeat(400)}</div>\n`, 'utf8');
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    let sent = 0;
    const pump = () => {
      if (res.destroyed) return;
      if (sent === 0) {
        res.write(head);
        sent += head.length;
      }
      while (sent < oversizedBytes - tail.length) {
        const ok = res.write(chunk);
        sent += chunk.length;
        if (!ok) return void res.once('drain', pump);
      }
      res.end(tail);
    };
    pump();
  }

  // Ground truth, with text getters so a 10,000-article farm does not hold every body in memory.
  const expected: ExpectedArticle[] = [];
  for (const rt of runtimes) {
    const healthy = !rt.plan.fault || rt.plan.fault === 'windows-1256';
    for (const s of rt.slots) {
      const c = corpus.copies[s.copy];
      const story = corpus.stories[c.story];
      const pageMachineDate = !s.noDate && (rt.plan.template === 'aasaam' || rt.plan.template === 'wordpress' || rt.plan.jsonLd || rt.plan.ogMeta);
      const pageHasDate = !s.noDate;
      const precision: ExpectedArticle['datePrecision'] =
        s.inFeed || pageMachineDate || (pageHasDate && !dayPrecision(rt.plan.dateFormat.form)) ? 'minute' : pageHasDate ? 'day' : null;
      const e = {
        outletId: rt.plan.id,
        url: canonicalUrl(rt.outlet.baseUrl + s.path),
        leadInBody: rt.plan.template === 'wordpress',
        publishedAt: pageHasDate || s.inFeed ? s.publishedAt.toISOString() : null,
        datePrecision: precision,
        pageHasDate,
        inFeed: s.inFeed,
        mentionsMunicipality: ['press-release', 'critical', 'neutral', 'mayor-criticises-other'].includes(story.draft.kind),
        critical: story.draft.kind === 'critical',
        kind: story.draft.kind,
        releaseId: story.releaseId,
        storyId: story.storyId,
        eventId: story.eventId,
        articleId: `s${c.story + 1}-c${c.copy + 1}`,
        discoverable: healthy,
      } as ExpectedArticle;
      if (e.releaseId === undefined) delete e.releaseId;
      // Getters render on use, so the ground truth holds no text.
      Object.defineProperties(e, {
        title: { enumerable: true, get: () => s.title },
        kicker: { enumerable: true, get: () => render(rt, s).kicker },
        lead: { enumerable: true, get: () => render(rt, s).lead },
        body: { enumerable: true, get: () => render(rt, s).body },
      });
      expected.push(e);
    }
  }

  const province = PROVINCE_OF[city.id];
  const sources: Source[] = runtimes.map((rt) => {
    const o = rt.outlet;
    return {
      id: o.id,
      nameFa: o.nameFa,
      nameEn: rt.plan.nameEn,
      homepage: o.baseUrl + '/',
      type: rt.plan.type,
      scope: 'local',
      province,
      city: city.id,
      cms: rt.plan.template,
      feeds: o.feedUrl ? [{ url: o.feedUrl, confidence: 'listed', label: 'همه اخبار' }] : [],
      listingPages: o.feedUrl ? [] : [o.listingUrl],
      articleUrlPattern: rt.template.articleUrlPattern,
      enabled: true,
      notes: `local test farm outlet (${o.template}${o.fault ? `, fault: ${o.fault}` : ''})`,
    };
  });

  let closed: Promise<void> | undefined;
  return {
    outlets: runtimes.map((r) => r.outlet),
    sources,
    expected,
    requests,
    corpus,
    writeSourcesFile(path: string) {
      writeFileSync(path, JSON.stringify({ version: 1, sources }, null, 2) + '\n');
    },
    close() {
      closed ??= (async () => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        await Promise.all(runtimes.map((r) => closeServer(r.server)));
      })();
      return closed;
    },
  };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Stalled (timeout-fault) and keep-alive connections would hold close() open.
    server.closeAllConnections();
  });
}
