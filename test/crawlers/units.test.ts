// Small pure pieces of the crawler: charset sniffing, feed parsing, listing links, bot-wall
// detection, schedule, the per-host gate and error classification.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { decodeBytes } from '../../src/crawlers/charset.ts';
import { parseFeed } from '../../src/crawlers/feeds.ts';
import { articleLinks } from '../../src/crawlers/listing.ts';
import { detectBotChallenge } from '../../src/crawlers/challenge.ts';
import { intervalFor, dueSources, nonOverlapping } from '../../src/crawlers/schedule.ts';
import { HostGate } from '../../src/crawlers/host-gate.ts';
import { FetchError, toFetchError } from '../../src/crawlers/errors.ts';
import { SourceSchema, type Source } from '../../src/config.ts';

const FA = 'شهرداري تبريز'; // Arabic yeh, as windows-1256 pages spell it

const src = (extra: Partial<Source> = {}): Source =>
  SourceSchema.parse({ id: 's', nameFa: 'س', nameEn: 's', homepage: 'https://www.sample.ir/', type: 'site', scope: 'local', listingPages: ['https://www.sample.ir/'], ...extra });

test('decodeBytes: config beats everything; BOM beats header; header beats meta; meta; sniffing', () => {
  const cp = iconv.encode(`<html><head><meta charset="windows-1256"></head><body>${FA}</body></html>`, 'windows-1256');
  assert.equal(decodeBytes(cp, 'text/html').from, 'meta');
  assert.ok(decodeBytes(cp, 'text/html').text.includes(FA));
  assert.ok(decodeBytes(iconv.encode(FA, 'windows-1256'), 'text/html; charset=windows-1256').text === FA);
  // A header claiming UTF-8 over windows-1256 bytes: the bytes win.
  assert.equal(decodeBytes(iconv.encode(FA, 'windows-1256'), 'text/html; charset=utf-8').text, FA);
  // No declaration at all: valid UTF-8 stays UTF-8, anything else is read as windows-1256.
  assert.equal(decodeBytes(Buffer.from('شهرداری', 'utf8')).text, 'شهرداری');
  assert.equal(decodeBytes(iconv.encode(FA, 'windows-1256')).text, FA);
  const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('سلام', 'utf8')]);
  assert.deepEqual(decodeBytes(bom, 'text/html; charset=windows-1256'), { text: 'سلام', charset: 'utf-8', from: 'bom' });
  assert.equal(decodeBytes(iconv.encode(FA, 'windows-1256'), 'text/html; charset=utf-8', 'windows-1256').from, 'config');
  assert.throws(() => decodeBytes(Buffer.from('x'), null, 'klingon-7'), (e: FetchError) => e.kind === 'encoding' && /unknown encoding/.test(e.message));
});

test('parseFeed: RSS 2.0 with content:encoded, Atom, RSS 1.0/RDF, and malformed input', async () => {
  const rss2 = `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>t</title>
    <item><title>خبر یک</title><link>/news/1</link><description>لید خبر</description><content:encoded><![CDATA[<p>متن کامل</p>]]></content:encoded><pubDate>Sun, 22 Nov 2026 06:00:00 GMT</pubDate><dc:creator>خبرنگار</dc:creator><category>شهری</category><enclosure url="https://x.ir/a.jpg" type="image/jpeg"/></item>
    <item><title>بدون لینک</title></item><item><title>guid</title><guid isPermaLink="true">https://x.ir/news/2</guid></item></channel></rss>`;
  const items = await parseFeed(rss2, 'https://x.ir/rss');
  assert.equal(items.length, 2);
  assert.deepEqual(items[0], { url: 'https://x.ir/news/1', title: 'خبر یک', description: 'لید خبر', content: '<p>متن کامل</p>', publishedRaw: 'Sun, 22 Nov 2026 06:00:00 GMT', author: 'خبرنگار', categories: ['شهری'], image: 'https://x.ir/a.jpg' });
  assert.equal(items[1].url, 'https://x.ir/news/2');

  const atom = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><title>عنوان</title><link href="https://x.ir/a/1"/><id>1</id><updated>2026-11-22T06:00:00Z</updated><summary>خلاصه</summary><content type="html">&lt;p&gt;متن&lt;/p&gt;</content></entry></feed>`;
  const a = await parseFeed(atom, 'https://x.ir/atom');
  assert.equal(a[0].url, 'https://x.ir/a/1');
  assert.equal(a[0].description, 'خلاصه');
  assert.equal(a[0].content, '<p>متن</p>');
  assert.equal(a[0].publishedRaw, '2026-11-22T06:00:00.000Z');

  const rdf = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="https://rss.dw.com/"><title>DW</title></channel><item rdf:about="https://www.dw.com/fa-ir/a-1"><title>دویچه وله</title><link>https://www.dw.com/fa-ir/a-1</link><description>خلاصه</description><dc:date>2026-11-22T06:00:00Z</dc:date></item></rdf:RDF>`;
  const r = await parseFeed(rdf, 'https://rss.dw.com/rdf/rss-fa-all');
  assert.equal(r[0].url, 'https://www.dw.com/fa-ir/a-1');
  assert.equal(r[0].title, 'دویچه وله');

  await assert.rejects(parseFeed('<html><body>not a feed</body></html>', 'https://x.ir/rss'), (e: FetchError) => e.kind === 'malformed-feed' && !e.retryable);
  await assert.rejects(parseFeed('<?xml version="1.0"?><rss><channel><item><title>a</title></channel>', 'https://x.ir/rss'), (e: FetchError) => e.kind === 'malformed-feed');
});

test('articleLinks: own host only, article-shaped paths, tags/categories/search out, duplicates once', () => {
  const html = `<a href="/news/123/slug">a</a><a href="https://sample.ir/news/123/slug#c">dup</a><a href="/tag/x">tag</a><a href="/news/456">b</a>
    <a href="https://other.ir/news/789">other</a><a href="mailto:x@y">m</a><a href="/category/city/">c</a><a href="/about">about</a><a href="/fa/news/999/x">fa</a>`;
  assert.deepEqual(articleLinks(html, 'https://www.sample.ir/', src({ articleUrlPattern: '^/news/\\d+' })), ['https://www.sample.ir/news/123/slug', 'https://www.sample.ir/news/456']);
  // No pattern: numeric ids or dated paths on the outlet's host.
  assert.deepEqual(articleLinks(html, 'https://www.sample.ir/', src()), ['https://www.sample.ir/news/123/slug', 'https://www.sample.ir/news/456', 'https://www.sample.ir/fa/news/999/x']);
  // The family's pattern applies when the outlet has none.
  assert.deepEqual(articleLinks(html, 'https://www.sample.ir/', src({ cms: 'iransamaneh' })), ['https://www.sample.ir/fa/news/999/x']);
});

test('detectBotChallenge: ArvanCloud and Cloudflare walls yes; an article that mentions Cloudflare no', () => {
  assert.equal(detectBotChallenge(503, { server: 'ArvanCloud' }, '<script src="/cdn-cgi/arvancloud/ar-challenge.js"></script>'), 'arvancloud');
  assert.equal(detectBotChallenge(403, { 'cf-mitigated': 'challenge' }, ''), 'cloudflare');
  assert.equal(detectBotChallenge(200, {}, '<title>Just a moment...</title><script>window._cf_chl_opt={}</script>'), 'cloudflare');
  const article = `<html><body><h1>قطعی اینترنت</h1>${'<p>کارشناسان می‌گویند شرکت‌هایی مانند cloudflare و دیگران ...</p>'.repeat(300)}</body></html>`;
  assert.equal(detectBotChallenge(200, {}, article), null);
  assert.equal(detectBotChallenge(404, { server: 'nginx' }, '<h1>not found</h1>'), null);
});

test('schedule: agencies 10 min, newspapers 60, others 30, own interval wins; due by last attempt', () => {
  const agency = src({ id: 'a', type: 'agency' });
  const paper = src({ id: 'p', type: 'newspaper' });
  const site = src({ id: 's' });
  const custom = src({ id: 'c', intervalMinutes: 5 });
  const off = src({ id: 'o', enabled: false });
  assert.deepEqual([agency, paper, site, custom].map(intervalFor), [10, 60, 30, 5]);
  const now = new Date('2026-11-22T10:00:00Z');
  const ago = (m: number) => new Date(now.getTime() - m * 60_000);
  const last = new Map([['a', ago(10)], ['p', ago(30)], ['s', ago(31)], ['c', ago(2)]]);
  assert.deepEqual(dueSources([agency, paper, site, custom, off], last, now).map((s) => s.id), ['a', 's']);
  assert.deepEqual(dueSources([agency, off], {}, now).map((s) => s.id), ['a']);
});

test('nonOverlapping: a second call while the first runs does nothing', async () => {
  let runs = 0;
  let release!: () => void;
  const guarded = nonOverlapping(async () => {
    runs++;
    await new Promise<void>((r) => (release = r));
    return runs;
  });
  const first = guarded();
  assert.equal(await guarded(), undefined);
  release();
  assert.equal(await first, 1);
  const third = guarded();
  release();
  assert.equal(await third, 2);
});

test('HostGate: one holder per host, interval from the end of one turn to the start of the next, hosts independent', async () => {
  const gate = new HostGate();
  const events: string[] = [];
  const t0 = Date.now();
  const turn = async (host: string, name: string, holdMs: number) => {
    const release = await gate.acquire(host, 40);
    events.push(`${name}+${Date.now() - t0}`);
    await new Promise((r) => setTimeout(r, holdMs));
    events.push(`${name}-${Date.now() - t0}`);
    release();
  };
  await Promise.all([turn('a', 'a1', 20), turn('a', 'a2', 0), turn('b', 'b1', 0)]);
  const at = (e: string) => Number(events.find((x) => x.startsWith(e))!.slice(e.length));
  assert.ok(at('a2+') >= at('a1-') + 38, events.join(' '));
  assert.ok(at('b1+') < at('a1-'), 'another host does not wait');
  const ctl = new AbortController();
  const held = await gate.acquire('c', 0);
  const waiting = gate.acquire('c', 0, ctl.signal);
  ctl.abort(new Error('stop'));
  held();
  await assert.rejects(waiting, /stop/);
});

test('toFetchError: retry decisions by kind', () => {
  assert.equal(toFetchError(Object.assign(new Error('x'), { code: 'ECONNRESET' })).retryable, true);
  assert.equal(toFetchError(Object.assign(new Error('Redirected 5 times. Aborting.'), { name: 'MaxRedirectsError' })).kind, 'redirect-loop');
  assert.equal(toFetchError(new Error('request timed out after 1 seconds.')).kind, 'timeout');
  assert.equal(new FetchError('http', 'x', { status: 503 }).retryable, true);
  assert.equal(new FetchError('http', 'x', { status: 404 }).retryable, false);
  assert.equal(new FetchError('http', 'x', { status: 404 }).reason, 'http-404');
  for (const k of ['bot-challenge', 'robots', 'too-large', 'malformed-feed', 'redirect-loop'] as const) assert.equal(new FetchError(k, 'x').retryable, false, k);
});
