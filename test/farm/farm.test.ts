import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { request } from 'node:http';
import * as cheerio from 'cheerio';
import Parser from 'rss-parser';
import iconv from 'iconv-lite';
import robotsParserModule from 'robots-parser';
import { SourcesFileSchema, SourceSchema, loadSources } from '../../src/config.ts';
import { canonicalUrl } from '../../src/crawlers/canonical-url.ts';
import { startFarm, farmOutletId, type Farm, type FarmOutlet, type ExpectedArticle, type FaultKind } from './farm.ts';
import type { TemplateName } from './templates.ts';

// robots-parser is CommonJS with an ambient d.ts NodeNext cannot call through; the value is the function.
const robotsParser = robotsParserModule as unknown as (url: string, body: string) => { isAllowed(url: string, ua?: string): boolean | undefined };

/** Where each template puts the parts of an article (the report lists the same). */
const SELECTORS: Record<TemplateName, { title: string; lead: string | null; body: string; date: string }> = {
  nastooh: { title: 'article h1.title', lead: '.item-summary .introtext', body: '.item-body .item-text', date: '.item-date > span' },
  iransamaneh: { title: 'article h1.title', lead: '.subtitle', body: '.body', date: '.news_pdate_c' },
  aasaam: { title: 'article h1.title', lead: 'article p.lead', body: '#echo_detail', date: 'time[datetime], .news_time' },
  wordpress: { title: 'h1.entry-title', lead: null, body: '.entry-content', date: 'time.entry-date, .entry-meta .date' },
  studiokhabar: { title: '#docDiv3TitrMain', lead: '#docDivLead1', body: '#doctextarea article', date: '.doc_date' },
};

/** Paragraph texts of a body container: <p> elements and <br><br>-separated text, minus captions and «بیشتر بخوانید». */
function bodyParagraphs($: cheerio.CheerioAPI, container: string): string[] {
  const root = $(container).first().clone();
  root.find('figure, [class*="related"], [class*="Related"], .tinyurl_form').remove();
  root.find('br').replaceWith('\n');
  const out: string[] = [];
  root.find('p, div.text').each((_, el) => {
    for (const part of $(el).text().split(/\n\s*\n/)) {
      const t = part.trim();
      if (t && !t.replace(/ي/g, 'ی').startsWith('بیشتر بخوانید')) out.push(t);
    }
  });
  return out;
}

// Outlets 1–10 are healthy (two of each template); 11–21 carry the faults.
const FAULTS: Record<number, FaultKind> = {
  11: 'windows-1256', 12: 'windows-1256', 13: 'timeout', 14: 'timeout', 15: 'http500', 16: 'http404',
  17: 'redirect-loop', 18: 'malformed-xml', 19: 'oversized', 20: 'bot-challenge', 21: 'bot-challenge',
};

let farm: Farm;
const outlet = (index: number): FarmOutlet => farm.outlets[index - 1];
const expectedOf = (o: FarmOutlet): ExpectedArticle[] => farm.expected.filter((e) => e.outletId === o.id);

before(async () => {
  farm = await startFarm({
    outlets: 21,
    articlesPerOutlet: 14,
    seed: 7,
    faults: Object.fromEntries(Object.entries(FAULTS).map(([i, f]) => [farmOutletId(Number(i)), f])),
    oversizedBytes: 2 * 1024 * 1024,
    captionsInBody: true,
    now: new Date('2026-11-22T06:00:00Z'),
  });
});
after(() => farm.close());

test('sources validate against SourcesFileSchema and round-trip through writeSourcesFile', () => {
  const parsed = SourcesFileSchema.safeParse({ version: 1, sources: farm.sources });
  assert.ok(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues));
  for (const s of farm.sources) assert.ok(SourceSchema.safeParse(s).success, s.id);
  assert.match(farm.sources[6].id, /^farm-iransamaneh-007$/);
  const dir = mkdtempSync(join(tmpdir(), 'farm-'));
  try {
    farm.writeSourcesFile(join(dir, 'sources.json'));
    const loaded = loadSources(join(dir, 'sources.json'));
    assert.equal(loaded.sources.length, 21);
    assert.deepEqual(loaded.sources.map((s) => s.homepage), farm.outlets.map((o) => o.baseUrl + '/'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('each outlet is its own host, and sources point at its feed or listing page', () => {
  assert.equal(new Set(farm.outlets.map((o) => o.port)).size, farm.outlets.length);
  for (const [i, o] of farm.outlets.entries()) {
    const s = farm.sources[i];
    assert.equal(s.id, o.id);
    if (o.feedUrl) assert.deepEqual(s.feeds.map((f) => f.url), [o.feedUrl]);
    else assert.deepEqual(s.listingPages, [o.listingUrl]);
    for (const e of expectedOf(o)) assert.ok(new RegExp(s.articleUrlPattern!).test(new URL(e.url).pathname), e.url);
  }
  assert.ok(farm.outlets.some((o) => o.feedKind === 'none'));
  assert.ok(farm.outlets.some((o) => o.feedKind === 'atom'));
});

for (const template of ['nastooh', 'iransamaneh', 'aasaam', 'wordpress', 'studiokhabar'] as const) {
  test(`${template}: article pages carry ground-truth title, lead and body in the family's slots, apart from the page furniture`, async () => {
    const o = farm.outlets.find((x) => x.template === template && !x.fault)!;
    const items = expectedOf(o);
    assert.equal(items.length, 14);
    for (const e of items.slice(0, 4)) {
      const res = await fetch(e.url);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type')!, /^text\/html; charset=utf-8$/);
      const html = await res.text();
      const $ = cheerio.load(html);
      const sel = SELECTORS[template];
      assert.equal($(sel.title).first().text().trim(), e.title);
      if (sel.lead) assert.equal($(sel.lead).first().text().trim(), e.lead);
      const paras = bodyParagraphs($, sel.body);
      const expectedParas = e.leadInBody ? [e.lead, ...e.body.split('\n\n')] : e.body.split('\n\n');
      assert.deepEqual(paras, expectedParas, `body of ${e.url}`);
      assert.ok(html.includes(e.body.split('\n\n')[0]), 'a body sentence appears verbatim in the HTML');
      // Furniture is present on the page but outside the body.
      assert.match(html, /پربازدید/);
      assert.match(html, /آخرین اخبار|نوشته‌های تازه/);
      assert.ok($('footer, #footer, .footer').length > 0);
      const bodyText = paras.join(' ');
      for (const furniture of ['پربازدید', 'نظر خود را', 'اشتراک‌گذاری', 'کلیه حقوق']) assert.ok(!bodyText.includes(furniture));
      if (e.pageHasDate) assert.ok($(sel.date).length > 0, `date slot on ${e.url}`);
      else assert.equal($(sel.date).length, 0);
    }
  });
}

test('every healthy outlet, whatever its body markup habits, serves the ground-truth body', async () => {
  const seen = { readMoreAsParagraph: 0, emptyParagraphs: 0, styledParagraphs: 0, captionInBody: 0, brParagraphs: 0 };
  for (const o of farm.outlets.filter((x) => !x.fault || x.fault === 'windows-1256')) {
    const e = expectedOf(o)[1];
    const buf = Buffer.from(await (await fetch(e.url)).arrayBuffer());
    const $ = cheerio.load(o.encoding === 'windows-1256' ? iconv.decode(buf, 'windows-1256') : buf.toString('utf8'));
    const expectedParas = e.leadInBody ? [e.lead, ...e.body.split('\n\n')] : e.body.split('\n\n');
    assert.deepEqual(bodyParagraphs($, SELECTORS[o.template].body), expectedParas, `${o.id} ${JSON.stringify(o.plan.markup)}`);
    for (const k of Object.keys(seen) as (keyof typeof seen)[]) if (o.plan.markup[k]) seen[k]++;
    if (o.plan.markup.captionInBody) assert.match($(SELECTORS[o.template].body).text(), /عکس: آرشیو|عكس: آرشيو/);
    if (o.plan.markup.brParagraphs) assert.equal($(SELECTORS[o.template].body).find('p').length > e.body.split('\n\n').length, false);
  }
  for (const [habit, n] of Object.entries(seen)) assert.ok(n > 0, `no outlet of the test farm has ${habit}`);
});

test('a date-less page has no date anywhere machine-readable either; publishedAt then comes only from the feed', async () => {
  const noDate = farm.expected.filter((e) => !e.pageHasDate && e.discoverable);
  assert.ok(noDate.length > 0);
  for (const e of noDate.slice(0, 5)) {
    const html = await (await fetch(e.url)).text();
    assert.doesNotMatch(html, /datePublished|article:published_time|<time/);
    assert.equal(e.publishedAt, e.inFeed ? e.publishedAt : null);
  }
  for (const e of farm.expected) assert.equal(e.publishedAt === null, !e.pageHasDate && !e.inFeed);
});

test('aasaam and WordPress pages carry machine-readable dates equal to the ground truth', async () => {
  for (const template of ['aasaam', 'wordpress'] as const) {
    const o = farm.outlets.find((x) => x.template === template && !x.fault)!;
    const e = expectedOf(o).find((x) => x.pageHasDate)!;
    const $ = cheerio.load(await (await fetch(e.url)).text());
    const iso = $('time[datetime]').attr('datetime')!;
    assert.match(iso, /\+03:30$/);
    assert.equal(new Date(iso).toISOString(), e.publishedAt);
  }
});

test('feeds parse with rss-parser (RSS and Atom), list the outlet articles with their dates, and link to live pages', async () => {
  const parser = new Parser();
  let atoms = 0;
  for (const o of farm.outlets.filter((x) => x.feedUrl && !x.fault)) {
    const res = await fetch(o.feedUrl!);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type')!, o.feedKind === 'atom' ? /^application\/atom\+xml; charset=utf-8/ : /^application\/rss\+xml; charset=utf-8/);
    const feed = await parser.parseString(await res.text());
    const items = expectedOf(o).filter((e) => e.inFeed);
    assert.equal(feed.items.length, items.length);
    for (const it of feed.items) {
      const e = items.find((x) => x.url === canonicalUrl(it.link!));
      assert.ok(e, `feed link ${it.link} is an expected article`);
      assert.equal(it.title, e.title);
      assert.equal(new Date(it.isoDate!).toISOString(), e.publishedAt);
    }
    if (o.feedKind === 'atom') atoms++;
    const page = await fetch(feed.items[0].link!);
    assert.equal(page.status, 200);
  }
  assert.ok(atoms > 0, 'at least one Atom feed was checked');
});

test('listing pages are paginated and together link to every article of the outlet', async () => {
  const o = farm.outlets.find((x) => x.feedKind === 'none' && !x.fault)!;
  const found = new Set<string>();
  let url: string | null = o.listingUrl;
  let pages = 0;
  while (url) {
    const $ = cheerio.load(await (await fetch(url)).text());
    pages++;
    const pattern = new RegExp(farm.sources.find((s) => s.id === o.id)!.articleUrlPattern!);
    $('a[href]').each((_, a) => {
      const u = new URL($(a).attr('href')!, url!);
      if (pattern.test(u.pathname)) found.add(canonicalUrl(u.href));
    });
    const next = $('a[rel=next]').attr('href');
    url = next ? new URL(next, url).href : null;
  }
  assert.equal(pages, 2);
  assert.deepEqual([...found].sort(), expectedOf(o).map((e) => e.url).sort());
  assert.equal((await fetch(o.listingUrl + '?page=9')).status, 404);
});

test('pages announce the feed with <link rel="alternate"> when the outlet has one', async () => {
  for (const o of farm.outlets.filter((x) => !x.fault)) {
    const $ = cheerio.load(await (await fetch(o.baseUrl + '/')).text());
    const href = $('link[rel=alternate][type$="xml"]').attr('href') ?? null;
    assert.equal(href, o.feedUrl, o.id);
  }
});

test('feeds answer conditional GETs with 304 (ETag and Last-Modified)', async () => {
  const o = farm.outlets.find((x) => x.feedUrl && !x.fault)!;
  const first = await fetch(o.feedUrl!);
  await first.arrayBuffer();
  const etag = first.headers.get('etag')!;
  const lastModified = first.headers.get('last-modified')!;
  assert.ok(etag && lastModified);
  assert.equal((await fetch(o.feedUrl!, { headers: { 'If-None-Match': etag } })).status, 304);
  assert.equal((await fetch(o.feedUrl!, { headers: { 'If-Modified-Since': lastModified } })).status, 304);
  const older = new Date(Date.parse(lastModified) - 3_600_000).toUTCString();
  assert.equal((await fetch(o.feedUrl!, { headers: { 'If-Modified-Since': older } })).status, 200);
  assert.equal((await fetch(o.feedUrl!, { headers: { 'If-None-Match': '"stale"' } })).status, 200);
});

test('robots.txt allows articles and disallows /fa/ajax', async () => {
  const o = outlet(2);
  const txt = await (await fetch(o.baseUrl + '/robots.txt')).text();
  const robots = robotsParser(o.baseUrl + '/robots.txt', txt);
  assert.equal(robots.isAllowed(expectedOf(o)[0].url, 'kaghaz'), true);
  assert.equal(robots.isAllowed(o.baseUrl + '/fa/ajax/comments?id=1', 'kaghaz'), false);
});

test('windows-1256 outlets: bytes are windows-1256 (declared in header and/or meta) and decode to the ground-truth text', async () => {
  for (const o of [outlet(11), outlet(12)]) {
    const e = expectedOf(o)[0];
    const res = await fetch(e.url);
    const bytes = Buffer.from(await res.arrayBuffer());
    const header = res.headers.get('content-type')!;
    const asUtf8 = bytes.toString('utf8');
    assert.ok(!asUtf8.includes(e.title), 'the raw bytes are not UTF-8');
    const text = iconv.decode(bytes, 'windows-1256');
    assert.match(text, /<meta charset="windows-1256">/);
    if (o.plan.headerCharset) assert.equal(header, 'text/html; charset=windows-1256');
    else assert.equal(header, 'text/html');
    assert.ok(text.includes(e.title), 'title survives');
    assert.ok(text.includes(e.body.split('\n\n')[0]), 'body survives');
    assert.match(e.title + e.body, /ي/, 'text is written with Arabic yeh, as such sites did');
    assert.doesNotMatch(text, /\?{2,}/, 'no character was lost to "?"');
  }
  const o = outlet(11);
  if (o.feedUrl) {
    const res = await fetch(o.feedUrl);
    assert.match(res.headers.get('content-type')!, /charset=windows-1256/);
    const xml = iconv.decode(Buffer.from(await res.arrayBuffer()), 'windows-1256');
    assert.match(xml, /^<\?xml version="1.0" encoding="windows-1256"\?>/);
    const feed = await new Parser().parseString(xml);
    assert.equal(feed.items[0].title, expectedOf(o).find((e) => e.inFeed)!.title);
  }
});

test('timeout outlets never finish a response, and close() still returns', async () => {
  for (const o of [outlet(13), outlet(14)]) {
    await assert.rejects(fetch(o.baseUrl + '/robots.txt', { signal: AbortSignal.timeout(300) }).then((r) => r.text()), /abort|timeout/i);
  }
});

test('http500, http404, redirect-loop and malformed-xml outlets fail the way they say', async () => {
  const o500 = outlet(15);
  assert.equal((await fetch(expectedOf(o500)[0].url)).status, 500);
  assert.equal((await fetch(o500.baseUrl + '/robots.txt')).status, 200);

  const o404 = outlet(16);
  assert.ok(o404.feedUrl);
  assert.equal((await fetch(o404.feedUrl!)).status, 404);
  assert.equal((await fetch(expectedOf(o404)[0].url)).status, 200, 'pages still answer');

  const loop = outlet(17);
  const start = expectedOf(loop)[0].url;
  const r1 = await fetch(start, { redirect: 'manual' });
  assert.equal(r1.status, 302);
  const hop = new URL(r1.headers.get('location')!, start).href;
  const r2 = await fetch(hop, { redirect: 'manual' });
  assert.equal(r2.status, 302);
  assert.equal(canonicalUrl(new URL(r2.headers.get('location')!, hop).href), canonicalUrl(start));
  await assert.rejects(fetch(start), /fetch failed/);

  const bad = outlet(18);
  const xml = await (await fetch(bad.feedUrl!)).text();
  await assert.rejects(new Parser().parseString(xml));
  assert.equal((await fetch(expectedOf(bad)[0].url)).status, 200);
});

test('oversized outlets stream a page far larger than a page should be, without Content-Length', async () => {
  const o = outlet(19);
  const res = await fetch(expectedOf(o)[0].url);
  assert.equal(res.headers.get('content-length'), null);
  let size = 0;
  for await (const chunk of res.body!) size += (chunk as Uint8Array).length;
  assert.ok(size >= 2 * 1024 * 1024, `got ${size} bytes`);
});

test('bot-challenge outlets answer every path with a Cloudflare- or ArvanCloud-style wall', async () => {
  const cf = await fetch(outlet(20).feedUrl ?? outlet(20).listingUrl);
  assert.equal(cf.status, 403);
  assert.equal(cf.headers.get('cf-mitigated'), 'challenge');
  assert.match(await cf.text(), /Just a moment\.\.\.[\s\S]*challenge-platform/);
  const arvan = await fetch(outlet(21).baseUrl + '/robots.txt');
  assert.equal(arvan.status, 503);
  assert.equal(arvan.headers.get('server'), 'ArvanCloud');
  assert.match(await arvan.text(), /دیوار امنیتی/);
});

test('ground truth: discoverable only on healthy outlets; republications of a release sit on different outlets', () => {
  for (const e of farm.expected) {
    const o = farm.outlets.find((x) => x.id === e.outletId)!;
    assert.equal(e.discoverable, !o.fault || o.fault === 'windows-1256');
  }
  assert.equal(new Set(farm.expected.map((e) => e.url)).size, farm.expected.length);
  const byRelease = new Map<string, string[]>();
  for (const e of farm.expected) if (e.releaseId) byRelease.set(e.releaseId, [...(byRelease.get(e.releaseId) ?? []), e.outletId]);
  const groups = [...byRelease.values()].filter((g) => g.length > 1);
  assert.ok(groups.length > 5);
  for (const g of groups) assert.equal(new Set(g).size, g.length);
  // JSON ground truth carries the text too (getters are enumerable).
  const json = JSON.parse(JSON.stringify(farm.expected[0]));
  assert.equal(typeof json.body, 'string');
  assert.ok(json.body.length > 100);
});

test('the request log counts per outlet and sees concurrency on one host', async () => {
  const o = outlet(3);
  const before = farm.requests.forOutlet(o.id).count;
  await Promise.all(expectedOf(o).slice(0, 3).map((e) => fetch(e.url).then((r) => r.text())));
  const log = farm.requests.forOutlet(o.id);
  assert.equal(log.count, before + 3);
  assert.ok(log.maxConcurrent >= 1);
  assert.ok(log.paths.some((p) => p.startsWith('/fa/news/')));
  assert.ok(farm.requests.minIntervalMs(o.id) >= 0);
});

test('minDelayMs holds responses so concurrent requests overlap; close() releases every port', async () => {
  const small = await startFarm({ outlets: 3, articlesPerOutlet: 2, minDelayMs: 80, city: 'shiraz', seed: 2 });
  const o = small.outlets[0];
  const urls = small.expected.filter((e) => e.outletId === o.id).map((e) => e.url);
  await Promise.all([...urls, o.baseUrl + '/robots.txt'].map((u) => fetch(u).then((r) => r.text())));
  assert.equal(small.requests.maxConcurrent(o.id), 3);
  assert.equal(small.sources[0].city, 'shiraz');
  assert.equal(small.sources[0].province, 'fars');
  const ports = small.outlets.map((x) => x.port);
  // A keep-alive connection and a stalled one must not hold close() open.
  const stalled = request({ host: '127.0.0.1', port: ports[1], path: '/robots.txt' });
  stalled.on('error', () => {});
  stalled.end();
  await small.close();
  for (const port of ports) {
    await assert.rejects(fetch(`http://127.0.0.1:${port}/robots.txt`), /fetch failed/);
  }
});

test('a 1,000-outlet farm starts, answers on its first and last host, and closes', async () => {
  const big = await startFarm({ outlets: 1000, articlesPerOutlet: 1, seed: 4 });
  try {
    assert.equal(big.outlets.length, 1000);
    assert.equal(big.outlets[999].id, 'farm-studiokhabar-1000');
    assert.ok(SourcesFileSchema.safeParse({ version: 1, sources: big.sources }).success);
    for (const o of [big.outlets[0], big.outlets[999]]) {
      assert.equal((await fetch(o.baseUrl + '/robots.txt')).status, 200);
    }
  } finally {
    await big.close();
  }
});

test('unknown outlet ids and fault kinds in faults are rejected with a clear message', async () => {
  await assert.rejects(startFarm({ outlets: 2, faults: { 'farm-nastooh-009': 'timeout' } }), /does not have.*farm-nastooh-001/);
  await assert.rejects(startFarm({ outlets: 2, faults: { 'farm-nastooh-001': 'slow' as FaultKind } }), /fault "slow".*unknown/);
  await assert.rejects(startFarm({ outlets: 0 }), /"outlets" must be/);
});
