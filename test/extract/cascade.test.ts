// The extraction cascade's decisions, one behaviour per test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SourceSchema, type Source } from '../../src/config.ts';
import { extractArticle, draftFromFeedItem, MIN_BODY_CHARS } from '../../src/extract/index.ts';

const FETCHED = '2026-11-22T12:00:00.000Z';
const src = (extra: Partial<Source> = {}): Source =>
  SourceSchema.parse({ id: 'sample', nameFa: 'خبرگزاری نمونه', nameEn: 'Sample', homepage: 'https://sample.ir/', type: 'site', scope: 'local', cms: 'unknown', listingPages: ['https://sample.ir/'], ...extra });

const P1 = 'شورای اسلامی شهر تبریز در جلسه امروز طرح ساماندهی دستفروشان خیابان فردوسی را با اکثریت آرا تصویب کرد.';
const P2 = 'بر اساس این طرح، شهرداری موظف است ظرف سه ماه محل مناسبی برای استقرار دستفروشان در نزدیکی بازار آماده کند.';
const P3 = 'رئیس کمیسیون خدمات شهری شورا گفت که اجرای این طرح با همکاری اتاق اصناف و نیروی انتظامی انجام خواهد شد.';

function page(head: string, body: string): string {
  return `<!DOCTYPE html><html lang="fa" dir="rtl"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
}

test('JSON-LD headline, date and author win over the layout; the layout supplies the body', () => {
  const html = page(
    `<title>عنوان دیگر - خبرگزاری نمونه</title><script type="application/ld+json">{"@type":"NewsArticle","headline":"طرح ساماندهی دستفروشان تصویب شد","datePublished":"2026-11-22T09:00:00+03:30","author":{"@type":"Person","name":"علی رضایی"}}</script>`,
    `<article><h1>طرح ساماندهی دستفروشان در شورا تصویب شد</h1><div class="content"><p>${P1}</p><p>${P2}</p><p>${P3}</p></div></article>`,
  );
  const r = extractArticle({ html, url: 'https://sample.ir/news/1', source: src(), fetchedAt: FETCHED });
  assert.ok(r.ok);
  assert.equal(r.article.title, 'طرح ساماندهی دستفروشان تصویب شد');
  assert.equal(r.article.publishedAt, '2026-11-22T05:30:00.000Z');
  assert.equal(r.article.author, 'علی رضایی');
  assert.equal(r.article.body, [P1, P2, P3].join('\n\n'));
});

test('an outlet selector beats the family default, and remove lists drop furniture inside the body', () => {
  const html = page('', `<div class="news"><h1 class="headline">دستفروشان خیابان فردوسی ساماندهی می‌شوند</h1><div class="x-body"><p>${P1}</p><div class="promo">تبلیغ ویژه این هفته برای خرید اقساطی لوازم خانگی از فروشگاه‌های معتبر شهر</div><p>${P2}</p><p>${P3}</p></div></div>`);
  const r = extractArticle({ html, url: 'https://sample.ir/news/2', source: src({ cms: 'nastooh', selectors: { title: ['.headline'], body: ['.x-body'], remove: ['.promo'] } }), fetchedAt: FETCHED });
  assert.ok(r.ok);
  assert.equal(r.article.extractedBy, 'selectors:sample');
  assert.equal(r.article.body, [P1, P2, P3].join('\n\n'));
});

test('no date anywhere: publishedAt is null, never the crawl time', () => {
  const html = page('<title>خبر بدون تاریخ</title>', `<article><h1>خبر بدون تاریخ درباره شورای شهر</h1><p>${P1}</p><p>${P2}</p></article>`);
  const r = extractArticle({ html, url: 'https://sample.ir/news/3', source: src(), fetchedAt: FETCHED });
  assert.ok(r.ok);
  assert.equal(r.article.publishedAt, null);
  assert.equal(r.article.fetchedAt, FETCHED);
});

test('a date in the future (wrong calendar, typo) is not trusted', () => {
  const html = page('<meta property="article:published_time" content="2027-05-01T10:00:00Z">', `<article><h1>خبری با تاریخ اشتباه در صفحه</h1><p>${P1}</p><p>${P2}</p></article>`);
  const r = extractArticle({ html, url: 'https://sample.ir/news/4', source: src(), fetchedAt: FETCHED });
  assert.ok(r.ok);
  assert.equal(r.article.publishedAt, null);
  assert.equal(r.article.publishedRaw, '2027-05-01T10:00:00Z');
});

test('rejections carry a reason: no-title, body-too-short, listing-page, empty-page', () => {
  const noTitle = extractArticle({ html: '<html><body><p>' + P1 + '</p><p>' + P2 + '</p></body></html>', url: 'https://sample.ir/news/5', source: src(), fetchedAt: FETCHED });
  assert.deepEqual(noTitle, { ok: false, reason: 'no-title' });
  const short = extractArticle({ html: page('<title>گالری عکس</title>', '<article><h1>گالری عکس از جلسه شورا</h1><p>عکس: خبرگزاری</p></article>'), url: 'https://sample.ir/news/6', source: src(), fetchedAt: FETCHED });
  assert.deepEqual(short, { ok: false, reason: 'body-too-short' });
  const tag = extractArticle({ html: page('<title>x</title>', `<h1>برچسب شورا</h1><p>${P1}</p><p>${P2}</p>`), url: 'https://sample.ir/tag/شورا', source: src(), fetchedAt: FETCHED });
  assert.deepEqual(tag, { ok: false, reason: 'listing-page' });
  assert.deepEqual(extractArticle({ html: '', url: 'https://sample.ir/news/7', source: src(), fetchedAt: FETCHED }), { ok: false, reason: 'empty-page' });
});

test('an index page on an article-like URL is still a listing (many teasers, no article of its own)', () => {
  const teasers = Array.from({ length: 8 }, (_, i) => `<div class="item"><h2><a href="/news/${i + 10}">خبر شماره ${i + 1} درباره مدیریت شهری تبریز</a></h2><p>${P1}</p></div>`).join('');
  const r = extractArticle({ html: page('<title>اخبار شهری</title>', `<main>${teasers}</main>`), url: 'https://sample.ir/city-news', source: src(), fetchedAt: FETCHED });
  assert.deepEqual(r, { ok: false, reason: 'listing-page' });
});

test('canonical: rel=canonical is used unless it points at the homepage; tracking parameters dropped', () => {
  const body = `<article><h1>عنوان خبر درباره شورای شهر تبریز</h1><p>${P1}</p><p>${P2}</p></article>`;
  const a = extractArticle({ html: page('<link rel="canonical" href="/news/8/slug?utm_source=tg">', body), url: 'https://sample.ir/news/8?utm_medium=x', source: src(), fetchedAt: FETCHED });
  assert.ok(a.ok);
  assert.equal(a.article.canonicalUrl, 'https://sample.ir/news/8/slug');
  const b = extractArticle({ html: page('<link rel="canonical" href="https://sample.ir/">', body), url: 'https://sample.ir/news/9?fbclid=1', source: src(), fetchedAt: FETCHED });
  assert.ok(b.ok);
  assert.equal(b.article.canonicalUrl, 'https://sample.ir/news/9');
});

test('feed drafts: page missing → feed item with extractedBy "feed"; the feed also fills a missing page date', () => {
  const item = { url: 'https://sample.ir/news/10', title: 'تصویب طرح ساماندهی دستفروشان', description: `<p>${P1}</p>`, content: `<p>${P1}</p><p>${P2}</p>`, publishedRaw: 'Sun, 22 Nov 2026 06:00:00 GMT' };
  const r = extractArticle({ html: '', url: item.url, source: src(), feedItem: item, fetchedAt: FETCHED });
  assert.ok(r.ok);
  assert.equal(r.article.extractedBy, 'feed');
  assert.equal(r.article.body, [P1, P2].join('\n\n'));
  assert.equal(r.article.lead, P1);
  assert.equal(r.article.publishedAt, '2026-11-22T06:00:00.000Z');

  const undated = page('', `<article><h1>تصویب طرح ساماندهی دستفروشان در شورا</h1><p>${P1}</p><p>${P2}</p></article>`);
  const withFeed = extractArticle({ html: undated, url: item.url, source: src(), feedItem: item, fetchedAt: FETCHED });
  assert.ok(withFeed.ok);
  assert.notEqual(withFeed.article.extractedBy, 'feed');
  assert.equal(withFeed.article.publishedAt, '2026-11-22T06:00:00.000Z');

  assert.deepEqual(draftFromFeedItem({ url: item.url }, src(), item.url, FETCHED), { ok: false, reason: 'no-title' });
  assert.ok(MIN_BODY_CHARS > 50);
});

test('Jalali dates in page text, with Persian digits and month names, are read in Tehran time', () => {
  for (const [text, iso] of [
    ['۱۴۰۵/۰۹/۰۱ - ۱۰:۳۰', '2026-11-22T07:00:00.000Z'],
    ['شنبه ۱ آذر ۱۴۰۵ ساعت ۰۹:۱۵', '2026-11-22T05:45:00.000Z'],
    ['تاریخ انتشار: ۰۸:۰۰ - ۳۰ آبان ۱۴۰۵', '2026-11-21T04:30:00.000Z'],
  ]) {
    const html = page('', `<article><h1>خبر آزمایشی درباره شورای شهر</h1><span class="news-date">${text}</span><p>${P1}</p><p>${P2}</p></article>`);
    const r = extractArticle({ html, url: 'https://sample.ir/news/11', source: src(), fetchedAt: FETCHED });
    assert.ok(r.ok);
    assert.equal(r.article.publishedAt, iso, text);
    assert.equal(r.article.publishedRaw, text);
  }
});

test('link-only blocks inside the text («بیشتر بخوانید» lists) are dropped; a paragraph citing a link is kept', () => {
  const html = page(
    '<title>x</title>',
    `<article><h1>طرح ساماندهی دستفروشان در شورا تصویب شد</h1><div class="body"><p>${P1}</p><p>بیشتر بخوانید:</p><ul><li><a href="/news/77">شهرداری تبریز بودجه سال آینده را به شورا فرستاد</a></li><li><a href="/news/78">نشست خبری شهردار با اصحاب رسانه برگزار شد</a></li></ul><p>${P2} متن کامل مصوبه در <a href="/doc">پایگاه شورا</a> منتشر شده است.</p></div></article>`,
  );
  const r = extractArticle({ html, url: 'https://sample.ir/news/12', source: src({ cms: 'iransamaneh' }), fetchedAt: FETCHED });
  assert.ok(r.ok);
  assert.equal(r.article.body, [P1, `${P2} متن کامل مصوبه در پایگاه شورا منتشر شده است.`].join('\n\n'));
});

test('a meta description that is only the cut-off opening of the body is not taken as the lead', () => {
  const excerpt = P1.slice(0, 60) + '…';
  const html = page(`<meta name="description" content="${excerpt}">`, `<article><h1>طرح ساماندهی دستفروشان در شورا تصویب شد</h1><p>${P1}</p><p>${P2}</p></article>`);
  const r = extractArticle({ html, url: 'https://sample.ir/news/13', source: src(), fetchedAt: FETCHED });
  assert.ok(r.ok);
  assert.equal(r.article.lead, undefined);
  assert.equal(r.article.body, [P1, P2].join('\n\n'));
});
