// Persian services abroad and diaspora sites: enabled on a stated basis (platform selectors,
// a CMS family inferred from URL/feed conventions, or JSON-LD/generic + feed). Their selectors were
// written from public platform knowledge, not from saved pages, so these tests check the safety
// nets too: drifted markup still yields the text, and a page that yields nothing falls back to the
// feed item.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadSources, type Source } from '../../src/config.ts';
import { extractArticle } from '../../src/extract/index.ts';

const sources = loadSources('config/sources.json').sources;
const byId = new Map(sources.map((s) => [s.id, s]));

const PLATFORM = ['bbcpersian', 'radiofarda', 'voapersian', 'dwpersian', 'rfipersian'];
const FAMILY = ['independentpersian', 'radiozamaneh', 'zeitoons', 'hrana'];
const FEED = ['iranintl', 'iranwire', 'alarabiyafarsi'];
const ABROAD = [...PLATFORM, ...FAMILY, ...FEED];

function fixture(id: string): { html: string; url: string; fetchedAt: string; expected: { title: string; body: string } } {
  const spec = JSON.parse(readFileSync(`test/fixtures/${id}/expected.json`, 'utf8'));
  return { html: readFileSync(`test/fixtures/${id}/page.html`, 'utf8'), url: spec.url, fetchedAt: spec.fetchedAt, expected: spec.expected };
}

function source(id: string): Source {
  const s = byId.get(id);
  assert.ok(s, `${id} missing from config/sources.json`);
  return s;
}

test('services abroad are enabled with their basis in notes, listed feeds, and the matching config', () => {
  for (const id of ABROAD) {
    const s = source(id);
    assert.equal(s.enabled, true, id);
    const basis = /enabled \((platform|family|feed)\)/.exec(s.notes ?? '')?.[1];
    assert.ok(basis, `${id}: notes do not state the basis: ${s.notes}`);
    assert.ok(s.feeds.length > 0 && s.feeds.every((f) => f.confidence === 'listed'), `${id}: needs its listed feeds`);
    if (PLATFORM.includes(id)) assert.ok(basis === 'platform' && s.selectors?.body?.length, `${id}: platform selectors`);
    if (FAMILY.includes(id)) assert.ok(basis === 'family' && !s.selectors && ['wordpress', 'drupal'].includes(s.cms), `${id}: family`);
    if (FEED.includes(id)) assert.ok(basis === 'feed' && !s.selectors && s.cms === 'unknown', `${id}: feed/generic`);
    // Nobody has fetched them from here: nothing may claim otherwise.
    assert.match(s.notes ?? '', /not (yet )?checked against a saved page|markup unknown/, id);
  }
});

test('drifted markup: without their selectors, JSON-LD + generic text still give the title and every paragraph', () => {
  for (const id of [...PLATFORM, ...FAMILY]) {
    const f = fixture(id);
    const bare: Source = { ...source(id), cms: 'unknown', selectors: undefined };
    const r = extractArticle({ html: f.html, url: f.url, source: bare, fetchedAt: f.fetchedAt });
    assert.ok(r.ok, `${id}: ${!r.ok ? r.reason : ''}`);
    assert.equal(r.article.title, f.expected.title, id);
    const got = r.article.body.split('\n\n');
    for (const p of f.expected.body.split('\n\n')) assert.ok(got.includes(p), `${id}: paragraph lost without selectors: ${p}`);
    for (const junk of ['آخرین اخبار', 'اخبار مرتبط', 'کلیه حقوق', 'صفحه اصلی', 'تلگرام']) assert.ok(!r.article.body.includes(junk), `${id}: «${junk}»`);
  }
});

test('a page that renders in the browser (empty shell) falls back to the feed item, marked "feed"', () => {
  const shell = (title: string) =>
    `<!DOCTYPE html><html lang="fa" dir="rtl"><head><meta charset="utf-8"><title>${title}</title></head>` +
    `<body><div id="root"></div><noscript>برای دیدن این صفحه جاوااسکریپت را فعال کنید.</noscript><script src="/static/app.js"></script></body></html>`;
  const description =
    'شورای شهر در جلسه امروز گزارش شهرداری درباره تأخیر در پروژه‌های حمل و نقل عمومی را بررسی کرد. ' +
    'چند عضو شورا از نبود برنامه زمان‌بندی روشن برای تکمیل ایستگاه‌ها انتقاد کردند.';
  for (const id of ABROAD) {
    const s = source(id);
    const url = `${s.homepage.replace(/\/$/, '')}/some-article-1234`;
    const item = { url, title: 'بررسی گزارش تأخیر پروژه‌های حمل و نقل در شورای شهر', description: `<p>${description}</p>`, publishedRaw: 'Sun, 22 Nov 2026 07:00:00 GMT' };
    const r = extractArticle({ html: shell('بررسی گزارش تأخیر پروژه‌ها'), url, source: s, feedItem: item, fetchedAt: '2026-11-22T12:00:00.000Z' });
    assert.ok(r.ok, `${id}: ${!r.ok ? r.reason : ''}`);
    assert.equal(r.article.extractedBy, 'feed', id);
    assert.equal(r.article.title, item.title, id);
    assert.equal(r.article.body, description.trim(), id);
    assert.equal(r.article.publishedAt, '2026-11-22T07:00:00.000Z', id);
  }
});

test('a one-sentence feed description is kept when the page yields nothing, as when the page is unreachable', () => {
  const s = source('iranintl');
  const url = `${s.homepage.replace(/\/$/, '')}/some-article-5678`;
  const item = { url, title: 'گلایه ساکنان از قطعی آب', description: 'ساکنان شرق تهران از قطعی شبانه آب گلایه دارند.', publishedRaw: 'Sun, 22 Nov 2026 07:00:00 GMT' };
  const emptyShell = '<!DOCTYPE html><html><head><title>x</title></head><body><div id="root"></div></body></html>';
  const fromShell = extractArticle({ html: emptyShell, url, source: s, feedItem: item, fetchedAt: '2026-11-22T12:00:00.000Z' });
  const unreachable = extractArticle({ html: '', url, source: s, feedItem: item, fetchedAt: '2026-11-22T12:00:00.000Z' });
  assert.ok(fromShell.ok && unreachable.ok);
  assert.equal(fromShell.article.extractedBy, 'feed');
  assert.equal(fromShell.article.body, unreachable.article.body);
});

test('disabled outlets say exactly what to save to enable them', () => {
  const disabled = sources.filter((s) => !s.enabled);
  assert.ok(disabled.length > 0);
  for (const s of disabled) {
    assert.match(s.notes ?? '', new RegExp(`test/fixtures/${s.id}/page\\.html`), `${s.id}: no recipe`);
    // Beyond the recipe, each names its own clue (URL shape, feed path, known selectors …).
    const specific = (s.notes ?? '').split('; disabled: ')[1]?.split('; to enable:')[0] ?? '';
    assert.ok(specific.replace('no CMS family known and no golden page yet', '').replace(/^;\s*/, '').length > 20, `${s.id}: no outlet-specific to-do`);
  }
});
