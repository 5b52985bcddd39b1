// The fetch layer on loopback servers: charsets, conditional GET, robots.txt, retries, redirect
// loops, size caps, bot walls, per-host politeness and isolation between outlets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { existsSync } from 'node:fs';
import { openMemoryDb } from '../../src/store/db.ts';
import { crawlCycle, DEFAULT_USER_AGENT, type CrawlOptions, type FetchedPage } from '../../src/crawlers/index.ts';
import type { Fate } from '../../src/article.ts';
import type { Source } from '../../src/config.ts';
import { serve, html, source, articlePage, listing, rss, type Loopback, type Route } from './loopback.ts';

const TITLE = 'شهرداری تبریز طرح تازه حمل و نقل عمومی را اعلام کرد';
const PARAS = [
  'معاون حمل و نقل شهرداری تبریز امروز از افزایش تعداد اتوبوس‌های خطوط شرقی شهر خبر داد.',
  'به گفته وی این طرح از ابتدای ماه آینده اجرا می‌شود و زمان انتظار مسافران را کاهش می‌دهد.',
];

function opts(extra: Partial<CrawlOptions> = {}): CrawlOptions {
  return { db: openMemoryDb(), minIntervalMs: 5, timeoutMs: 2000, maxRetries: 2, retryDelayMs: 5, maxPageBytes: 200_000, isKnown: () => false, ...extra };
}

function collector() {
  const pages: FetchedPage[] = [];
  const handle = async (p: FetchedPage): Promise<Fate> => {
    pages.push(p);
    return { status: 'ok' };
  };
  return { pages, handle };
}

async function withServers<T>(servers: Loopback[], fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } finally {
    await Promise.all(servers.map((s) => s.close()));
  }
}

test('charset: windows-1256 declared only in the header, only in <meta>, and a UTF-8 BOM page without declaration', async () => {
  // windows-1256 has no Persian yeh (U+06CC): pages in it spell ی with the Arabic ي, as real ones do.
  const arabicYeh = (s: string) => s.replace(/ی/g, 'ي');
  const cp = (s: string) => iconv.encode(arabicYeh(s), 'windows-1256');
  const headerOnly = await serve({
    '/': (_q, r) => html(r, listing(['/news/1'])),
    '/news/1': (_q, r) => html(r, cp(articlePage(TITLE, PARAS, '')), { 'content-type': 'text/html; charset=windows-1256' }),
  });
  const metaOnly = await serve({
    '/': (_q, r) => html(r, listing(['/news/2'])),
    '/news/2': (_q, r) => html(r, cp(articlePage(TITLE, PARAS, '<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">')), { 'content-type': 'text/html' }),
  });
  const bom = await serve({
    '/': (_q, r) => html(r, listing(['/news/3'])),
    '/news/3': (_q, r) => html(r, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(articlePage(TITLE, PARAS, ''), 'utf8')]), { 'content-type': 'text/html' }),
  });
  const feed1256 = await serve({
    '/rss': (_q, r) => {
      r.writeHead(200, { 'content-type': 'application/rss+xml' });
      r.end(cp(rss([{ link: '/news/4', title: TITLE }]).replace('encoding="utf-8"', 'encoding="windows-1256"')));
    },
    '/news/4': (_q, r) => html(r, articlePage(TITLE, PARAS)),
  });
  await withServers([headerOnly, metaOnly, bom, feed1256], async () => {
    const { pages, handle } = collector();
    const sources = [
      source('header-only', headerOnly.base, { listingPages: [headerOnly.base + '/'] }),
      source('meta-only', metaOnly.base, { listingPages: [metaOnly.base + '/'] }),
      source('bom', bom.base, { listingPages: [bom.base + '/'] }),
      source('feed-1256', feed1256.base, { feeds: [{ url: feed1256.base + '/rss', confidence: 'listed' }] }),
    ];
    const report = await crawlCycle(sources, opts(), handle);
    assert.deepEqual(report.sources.map((r) => [r.sourceId, r.new]), [['header-only', 1], ['meta-only', 1], ['bom', 1], ['feed-1256', 1]]);
    for (const p of pages) {
      const title = ['header-only', 'meta-only'].includes(p.source.id) ? arabicYeh(TITLE) : TITLE;
      assert.ok(p.html!.includes(`<h1>${title}</h1>`), `${p.source.id}: mis-decoded: ${p.html!.slice(0, 200)}`);
      assert.ok(!p.html!.includes('\ufeff'), `${p.source.id}: BOM left in text`);
    }
    assert.equal(pages.find((p) => p.source.id === 'feed-1256')!.feedItem!.title, arabicYeh(TITLE));
  });
});

test('conditional GET: validators are sent back, 304 means no work, and they are stored only after every item was handled', async () => {
  const etag = '"v1"';
  const srv = await serve({
    '/rss': (q, r) => {
      if (q.headers['if-none-match'] === etag) return void r.writeHead(304, { etag }).end();
      r.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag, 'last-modified': 'Sat, 21 Nov 2026 10:00:00 GMT' });
      r.end(rss([1, 2, 3].map((i) => ({ link: `/news/${i}`, title: `${TITLE} ${i}` }))));
    },
    '/news/1': (_q, r) => html(r, articlePage(TITLE, PARAS)),
    '/news/2': (_q, r) => html(r, articlePage(TITLE, PARAS)),
    '/news/3': (_q, r) => html(r, articlePage(TITLE, PARAS)),
  });
  await withServers([srv], async () => {
    const s = source('cond', srv.base, { feeds: [{ url: srv.base + '/rss', confidence: 'listed' }] });
    const o = opts();
    const cache = () => o.db.prepare('SELECT etag, last_modified FROM http_cache WHERE url = ?').get(srv.base + '/rss');

    // A cycle killed after the first item must not store the validator.
    const abort = new AbortController();
    const killed = await crawlCycle([s], { ...o, signal: abort.signal }, async () => {
      abort.abort();
      return { status: 'ok' };
    });
    assert.equal(killed.sources[0].error?.kind, 'aborted');
    assert.equal(cache(), undefined, 'validator stored although items were left unhandled');

    const first = await crawlCycle([s], o, collector().handle);
    assert.equal(first.sources[0].new, 3);
    assert.deepEqual(cache(), { etag, last_modified: 'Sat, 21 Nov 2026 10:00:00 GMT' });

    const before = srv.log.length;
    const second = await crawlCycle([s], o, collector().handle);
    assert.equal(second.sources[0].skipped['feed-not-modified'], 1);
    assert.equal(second.sources[0].fetched, 0);
    const feedReq = srv.log.slice(before).find((l) => l.path === '/rss')!;
    assert.equal(feedReq.headers['if-none-match'], etag);
    assert.equal(feedReq.headers['if-modified-since'], 'Sat, 21 Nov 2026 10:00:00 GMT');
    assert.ok(!srv.log.slice(before).some((l) => l.path.startsWith('/news/')));
  });
});

test('robots.txt: a disallowed article is never requested; with a feed item the feed text is used instead', async () => {
  const srv = await serve({
    '/robots.txt': (_q, r) => {
      r.writeHead(200, { 'content-type': 'text/plain' });
      r.end('User-agent: *\nDisallow: /news/\n');
    },
    '/': (_q, r) => html(r, listing(['/news/1'])),
    '/rss': (_q, r) => {
      r.writeHead(200, { 'content-type': 'application/rss+xml' });
      r.end(rss([{ link: '/news/2', title: TITLE, description: PARAS[0] }]));
    },
  });
  await withServers([srv], async () => {
    const { pages, handle } = collector();
    const report = await crawlCycle(
      [source('listing', srv.base, { listingPages: [srv.base + '/'] }), source('feedy', srv.base, { feeds: [{ url: srv.base + '/rss', confidence: 'listed' }] })],
      opts(),
      handle,
    );
    assert.equal(srv.hits('/news/1') + srv.hits('/news/2'), 0);
    assert.equal(report.sources[0].failed.robots, 1);
    assert.equal(report.sources[1].skipped['page-robots-used-feed'], 1);
    assert.equal(pages.length, 1);
    assert.equal(pages[0].html, null);
    assert.equal(pages[0].feedItem!.title, TITLE);
    assert.equal(srv.log[0].path, '/robots.txt');
    assert.equal(srv.log[0].headers['user-agent'], DEFAULT_USER_AGENT);
    assert.equal(srv.hits('/robots.txt'), 1, 'robots.txt is fetched once per host and cycle');
  });
});

test('retries: a 500 then 200 is retried and succeeds; a 404 is asked once; a timeout is retried then reported', async () => {
  const srv = await serve({
    '/': (_q, r) => html(r, listing(['/news/1', '/news/2', '/news/3'])),
    '/news/1': (_q, r, hit) => (hit === 1 ? html(r, 'oops', {}, 500) : html(r, articlePage(TITLE, PARAS))),
    '/news/2': (_q, r) => html(r, 'gone', {}, 404),
    '/news/3': () => {
      /* never answers */
    },
  });
  await withServers([srv], async () => {
    const { pages, handle } = collector();
    const report = await crawlCycle([source('flaky', srv.base, { listingPages: [srv.base + '/'] })], opts({ timeoutMs: 1000, maxRetries: 1 }), handle);
    assert.equal(srv.hits('/news/1'), 2);
    assert.equal(srv.hits('/news/2'), 1);
    assert.equal(srv.hits('/news/3'), 2);
    assert.deepEqual(pages.map((p) => p.url), [srv.base + '/news/1']);
    assert.equal(report.sources[0].failed['http-404'], 1);
    assert.equal(report.sources[0].failed.timeout, 1);
    assert.equal(report.sources[0].new, 1);
    assert.ok(srv.log.filter((l) => l.path.startsWith('/news/')).every((l) => l.headers['user-agent'] === DEFAULT_USER_AGENT));
  });
});

test('a 404 article is not asked again next cycle', async () => {
  const srv = await serve({ '/': (_q, r) => html(r, listing(['/news/9'])), '/news/9': (_q, r) => html(r, 'gone', {}, 404) });
  await withServers([srv], async () => {
    const o = opts();
    const s = source('gone', srv.base, { listingPages: [srv.base + '/'] });
    await crawlCycle([s], o, collector().handle);
    const second = await crawlCycle([s], o, collector().handle);
    assert.equal(srv.hits('/news/9'), 1);
    assert.equal(second.sources[0].skipped['failed-before'], 1);
  });
});

test('redirect loops on pages and feeds, oversized pages (declared and streamed) and bot walls are reported, not retried', async () => {
  const big = 'x'.repeat(300_000);
  const srv = await serve({
    '/': (_q, r) => html(r, listing(['/news/1', '/news/2', '/news/3', '/news/4', '/news/5'])),
    '/news/1': (_q, r) => void r.writeHead(302, { location: '/news/1?again=1' }).end(),
    '/news/1?again=1': (_q, r) => void r.writeHead(302, { location: '/news/1' }).end(),
    '/news/2': (_q, r) => html(r, `<html><body>${big}</body></html>`),
    '/news/3': (_q, r) => {
      r.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      let n = 0;
      const pump = () => {
        while (n++ < 100) if (!r.write('<p>' + 'ی'.repeat(5000) + '</p>')) return void r.once('drain', pump);
        r.end();
      };
      pump();
    },
    '/news/4': (_q, r) =>
      html(r, '<html><head><title>دیوار امنیتی</title><script src="/cdn-cgi/arvancloud/ar-challenge.js"></script></head><body>ArvanCloud</body></html>', { server: 'ArvanCloud' }, 503),
    '/news/5': (_q, r) =>
      html(r, '<html><head><title>Just a moment...</title></head><body><script>window._cf_chl_opt={}</script></body></html>', { server: 'cloudflare', 'cf-mitigated': 'challenge' }, 403),
  });
  const loopFeed = await serve({
    '/rss': (_q, r) => void r.writeHead(301, { location: '/feed' }).end(),
    '/feed': (_q, r) => void r.writeHead(301, { location: '/rss' }).end(),
  });
  await withServers([srv, loopFeed], async () => {
    const report = await crawlCycle(
      [source('faults', srv.base, { listingPages: [srv.base + '/'] }), source('loopfeed', loopFeed.base, { feeds: [{ url: loopFeed.base + '/rss', confidence: 'listed' }] })],
      opts({ maxPageBytes: 100_000 }),
      collector().handle,
    );
    const f = report.sources[0].failed;
    assert.equal(f['redirect-loop'], 1);
    assert.equal(f['too-large'], 2);
    assert.equal(f['bot-challenge'], 2);
    assert.equal(srv.hits('/news/2'), 1);
    assert.equal(srv.hits('/news/3'), 1);
    assert.equal(srv.hits('/news/4'), 1);
    assert.equal(srv.hits('/news/5'), 1);
    assert.match(report.sources[0].error?.message ?? '', /every article page failed/, 'every page failed, so the outlet is unhealthy');
    assert.equal(report.sources[1].error?.kind, 'redirect-loop');
    assert.ok(loopFeed.log.filter((l) => l.path !== '/robots.txt').length <= 6);
  });
});

test('politeness: one request at a time per host, starts at least minIntervalMs apart', async () => {
  const links = Array.from({ length: 6 }, (_, i) => `/news/${i + 1}`);
  const routes: Record<string, Route> = { '/': (_q, r) => html(r, listing(links)) };
  for (const l of links) routes[l] = (_q, r) => void setTimeout(() => html(r, articlePage(TITLE, PARAS)), 30);
  const srv = await serve(routes);
  await withServers([srv], async () => {
    const minIntervalMs = 60;
    // Two outlets on the same host must share its politeness budget.
    const a = source('a', srv.base, { listingPages: [srv.base + '/'] });
    const b: Source = { ...source('b', srv.base, { listingPages: [srv.base + '/'] }) };
    const report = await crawlCycle([a, b], opts({ minIntervalMs }), collector().handle);
    assert.equal(report.sources[0].new + report.sources[1].new, 12);
    assert.equal(srv.maxInFlight, 1);
    assert.ok(!existsSync('storage'), 'crawlee must not write a ./storage directory');
    const starts = srv.log.map((l) => l.at);
    for (let i = 1; i < starts.length; i++) assert.ok(starts[i] - starts[i - 1] >= minIntervalMs - 2, `gap ${starts[i] - starts[i - 1]} ms`);
  });
});

test('one broken outlet does not stop the others; health records both', async () => {
  const good = await serve({ '/': (_q, r) => html(r, listing(['/news/1'])), '/news/1': (_q, r) => html(r, articlePage(TITLE, PARAS)) });
  const dead = await serve({});
  const deadBase = dead.base;
  await dead.close();
  const garbage = await serve({ '/rss': (_q, r) => html(r, '<html>not a feed</html>') });
  await withServers([good, garbage], async () => {
    const o = opts();
    const report = await crawlCycle(
      [source('dead', deadBase, { listingPages: [deadBase + '/'] }), source('garbage', garbage.base, { feeds: [{ url: garbage.base + '/rss', confidence: 'guess' }] }), source('good', good.base, { listingPages: [good.base + '/'] })],
      o,
      collector().handle,
    );
    const by = Object.fromEntries(report.sources.map((r) => [r.sourceId, r]));
    assert.equal(by.good.new, 1);
    assert.equal(by.dead.error?.kind, 'network');
    assert.equal(by.garbage.error?.kind, 'malformed-feed');
    const health = o.db.prepare('SELECT source_id, consecutive_failures, last_error_kind, last_success_at FROM source_health ORDER BY source_id').all();
    assert.deepEqual((health as { source_id: string; consecutive_failures: number; last_error_kind: string | null; last_success_at: string | null }[]).map((h) => [h.source_id, h.consecutive_failures, h.last_error_kind, h.last_success_at !== null]), [
      ['dead', 1, 'network', false],
      ['garbage', 1, 'malformed-feed', false],
      ['good', 0, null, true],
    ]);
  });
});

test('known URLs are skipped without a request; maxArticlesPerSource caps the rest', async () => {
  const srv = await serve({ '/': (_q, r) => html(r, listing(['/news/1', '/news/2', '/news/3', '/news/4'])), '/news/2': (_q, r) => html(r, articlePage(TITLE, PARAS)), '/news/3': (_q, r) => html(r, articlePage(TITLE, PARAS)) });
  await withServers([srv], async () => {
    const known = new Set([srv.base + '/news/1']);
    const report = await crawlCycle([source('k', srv.base, { listingPages: [srv.base + '/'] })], opts({ isKnown: (u) => known.has(u), maxArticlesPerSource: 2 }), collector().handle);
    assert.equal(srv.hits('/news/1'), 0);
    assert.equal(report.sources[0].skipped.known, 1);
    assert.equal(report.sources[0].skipped['over-limit'], 1);
    assert.equal(report.sources[0].new, 2);
  });
});

test('backfill with since: old feed items are skipped, listing pages are walked too; progress is reported', async () => {
  const srv = await serve({
    '/rss': (_q, r) => {
      r.writeHead(200, { 'content-type': 'application/rss+xml' });
      r.end(rss([
        { link: '/news/1', title: 'تازه', pubDate: 'Sun, 22 Nov 2026 06:00:00 GMT' },
        { link: '/news/2', title: 'قدیمی', pubDate: 'Mon, 02 Nov 2026 06:00:00 GMT' },
      ]));
    },
    '/archive': (_q, r) => html(r, listing(['/news/1', '/news/3'])),
    '/news/1': (_q, r) => html(r, articlePage(TITLE, PARAS)),
    '/news/3': (_q, r) => html(r, articlePage(TITLE, PARAS)),
  });
  await withServers([srv], async () => {
    const s = source('backfill', srv.base, { feeds: [{ url: srv.base + '/rss', confidence: 'listed' }], listingPages: [srv.base + '/archive'] });
    const progress: { done: number; total: number }[] = [];
    const { pages, handle } = collector();
    const report = await crawlCycle([s], opts({ since: new Date('2026-11-15T00:00:00Z'), onProgress: (e) => progress.push({ done: e.done, total: e.total }) }), handle);
    assert.deepEqual(pages.map((p) => p.url).sort(), [srv.base + '/news/1', srv.base + '/news/3']);
    assert.equal(report.sources[0].skipped['before-since'], 1);
    assert.equal(srv.hits('/news/2'), 0);
    assert.deepEqual(progress.at(-1), { done: 2, total: 2 });
    // Without since, a working feed means the listing page is not needed, and old items are fetched.
    const plain = await crawlCycle([s], opts(), collector().handle);
    assert.equal(srv.hits('/archive'), 1);
    assert.equal(plain.sources[0].new, 1);
    assert.equal(plain.sources[0].failed['http-404'], 1, 'the old item /news/2 was asked for (and is gone)');
  });
});

test('robots.txt Crawl-delay stretches the spacing between requests to that host', async () => {
  const srv = await serve({
    '/robots.txt': (_q, r) => {
      r.writeHead(200, { 'content-type': 'text/plain' });
      r.end('User-agent: *\nCrawl-delay: 0.15\nAllow: /\n');
    },
    '/': (_q, r) => html(r, listing(['/news/1', '/news/2'])),
    '/news/1': (_q, r) => html(r, articlePage(TITLE, PARAS)),
    '/news/2': (_q, r) => html(r, articlePage(TITLE, PARAS)),
  });
  await withServers([srv], async () => {
    await crawlCycle([source('slow', srv.base, { listingPages: [srv.base + '/'] })], opts({ minIntervalMs: 5 }), collector().handle);
    const starts = srv.log.map((l) => l.at);
    assert.equal(starts.length, 4);
    for (let i = 2; i < starts.length; i++) assert.ok(starts[i] - starts[i - 1] >= 148, `gap ${starts[i] - starts[i - 1]} ms`);
  });
});
