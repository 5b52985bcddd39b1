// The generic main-text path cleans its container like the selector path does: the headline,
// the date element and a lead found elsewhere on the page never come back as body paragraphs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractArticle } from '../../src/extract/index.ts';
import type { Source } from '../../src/config.ts';

const source: Source = {
  id: 'sample-abroad', nameFa: 'نمونه', nameEn: 'Sample', homepage: 'https://news.example.org', type: 'site', scope: 'national',
  cms: 'unknown', feeds: [], listingPages: ['https://news.example.org'], enabled: true,
};

const LEAD = 'شورای شهر با طرح تازه ساماندهی پارکینگ‌های حاشیه‌ای در مرکز شهر موافقت کرد.';
const PARAS = [
  'بر اساس این طرح، پارک خودرو در خیابان‌های اطراف بازار تنها با پرداخت هزینه ساعتی از طریق سامانه شهرداری ممکن خواهد بود.',
  'مخالفان می‌گویند شهرداری پیش از اجرای طرح باید پارکینگ‌های طبقاتی وعده داده شده را تکمیل می‌کرد، نه آنکه هزینه را به شهروندان منتقل کند.',
  'معاون حمل و نقل شهرداری گفت درآمد حاصل از طرح صرف توسعه ناوگان اتوبوسرانی خواهد شد.',
];

test('generic path: one block per paragraph (React/Simorgh style) → no date line, no repeated lead, no headline', () => {
  const html = `<!DOCTYPE html><html lang="fa" dir="rtl"><head><meta charset="utf-8"><title>تصویب طرح پارک حاشیه‌ای</title>
<meta name="description" content="${LEAD}"></head><body>
<div role="banner"><a href="/">نمونه</a><div role="navigation"><a href="/a">ایران</a> <a href="/b">جهان</a> <a href="/c">اقتصاد</a></div></div>
<main><div><h1>تصویب طرح پارک حاشیه‌ای در مرکز شهر</h1></div>
<div><time datetime="2026-11-22T08:00:00Z">۱ آذر ۱۴۰۵</time></div>
<div dir="rtl"><p><b>${LEAD}</b></p></div>
${PARAS.map((p) => `<div dir="rtl"><p>${p}</p></div>`).join('\n')}
</main>
<div role="complementary"><h2>پربیننده‌ترین</h2><ol><li><a href="/x/1">گرانی بلیت هواپیما در آستانه سفرهای زمستانی و صف خریداران</a></li></ol></div>
</body></html>`;
  const r = extractArticle({ html, url: 'https://news.example.org/articles/abc123', source, fetchedAt: '2026-11-22T12:00:00.000Z' });
  assert.ok(r.ok, !r.ok ? r.reason : '');
  assert.equal(r.article.extractedBy, 'generic');
  assert.equal(r.article.title, 'تصویب طرح پارک حاشیه‌ای در مرکز شهر');
  assert.equal(r.article.lead, LEAD);
  assert.equal(r.article.body, PARAS.join('\n\n'));
  assert.equal(r.article.publishedAt, '2026-11-22T08:00:00.000Z');
});
