// Server-rendered pages: search, republication cluster, digest archive, errors.
import { PROVINCE_LABELS, TYPE_LABELS } from '../index/labels.ts';
import type { FacetName, FacetValue, SearchHit, SearchResult, Segment } from '../index/types.ts';
import { faDigits, jalaliDateTime, jalaliDayLabel } from './format.ts';
import { html, type Html } from './html.ts';
import { pageUrl, type UiParams } from './params.ts';
import type { ReviewItem, Verdict } from '../detect/verdicts.ts';

export function layout(title: string, body: Html): string {
  return html`<!doctype html>
<html lang="fa" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} — کاغذ</title>
<link rel="stylesheet" href="/assets/app.css">
</head>
<body>
<header class="top"><h1><a href="/">کاغذ</a></h1><nav><a href="/">جستجوی اخبار</a> · <a href="/digests/">آرشیو کاغذ اخبار</a></nav></header>
${body}
</body>
</html>
`.value;
}

function segments(segs: Segment[]): Html {
  return html`${segs.map((s) => (s.hit ? html`<mark>${s.text}</mark>` : s.text))}`;
}

const TYPE_NAMES = TYPE_LABELS as Record<string, string>;
const PROVINCE_NAMES = PROVINCE_LABELS as Record<string, string>;
const FACET_TITLES: Record<FacetName, string> = { outlet: 'رسانه', type: 'نوع رسانه', province: 'استان', critical: 'انتقادی', day: 'روز' };

function facetLabel(name: FacetName, f: FacetValue): string {
  switch (name) {
    case 'outlet':
      return f.label ?? f.value;
    case 'type':
      return TYPE_NAMES[f.value] ?? f.value;
    case 'province':
      return PROVINCE_NAMES[f.value] ?? f.value;
    case 'critical':
      return f.value === 'yes' ? 'انتقادی' : 'غیرانتقادی';
    case 'day':
      return jalaliDayLabel(f.value);
  }
}

function facetLink(p: UiParams, name: FacetName, value: string): { href: string; on: boolean } {
  switch (name) {
    case 'outlet': {
      const on = p.outlet.includes(value);
      return { on, href: pageUrl(p, { outlet: on ? p.outlet.filter((o) => o !== value) : [...p.outlet, value] }) };
    }
    case 'type':
    case 'province':
    case 'day': {
      const on = p[name] === value;
      return { on, href: pageUrl(p, { [name]: on ? '' : value }) };
    }
    case 'critical': {
      const on = p.critical === value;
      return { on, href: pageUrl(p, { critical: on ? '' : (value as 'yes' | 'no') }) };
    }
  }
}

function facets(p: UiParams, r: SearchResult): Html {
  const names: FacetName[] = ['outlet', 'critical', 'type', 'province', 'day'];
  return html`<aside class="facets">${names.map((name) => {
    const vals = r.facets[name] ?? [];
    if (vals.length === 0) return '';
    return html`<section data-facet="${name}"><h2>${FACET_TITLES[name]}</h2><ul>${vals.map((f) => {
      const l = facetLink(p, name, f.value);
      return html`<li class="${l.on ? 'on' : ''}"><a href="${l.href}" data-value="${f.value}">${l.on ? '✓ ' : ''}${facetLabel(name, f)}</a><span class="count">${faDigits(f.count)}</span></li>`;
    })}</ul></section>`;
  })}</aside>`;
}

function chips(p: UiParams, r: SearchResult): Html {
  const list: { label: string; href: string }[] = [];
  const names = new Map((r.facets.outlet ?? []).map((f) => [f.value, f.label ?? f.value]));
  for (const o of p.outlet) list.push({ label: `رسانه: ${names.get(o) ?? o}`, href: pageUrl(p, { outlet: p.outlet.filter((x) => x !== o) }) });
  if (p.type) list.push({ label: `نوع: ${TYPE_NAMES[p.type] ?? p.type}`, href: pageUrl(p, { type: '' }) });
  if (p.province) list.push({ label: `استان: ${PROVINCE_NAMES[p.province] ?? p.province}`, href: pageUrl(p, { province: '' }) });
  if (p.critical) list.push({ label: p.critical === 'yes' ? 'فقط انتقادی' : 'فقط غیرانتقادی', href: pageUrl(p, { critical: '' }) });
  if (p.day) list.push({ label: `روز: ${jalaliDayLabel(p.day)}`, href: pageUrl(p, { day: '' }) });
  if (p.from) list.push({ label: `از ${faDigits(p.from)}`, href: pageUrl(p, { from: '' }) });
  if (p.to) list.push({ label: `تا ${faDigits(p.to)}`, href: pageUrl(p, { to: '' }) });
  if (!list.length) return html``;
  return html`<div class="chips">${list.map((c) => html`<a class="chip" href="${c.href}" title="حذف این فیلتر">${c.label} ✕</a>`)}</div>`;
}

/** What the search page needs to offer verdict buttons: where to come back, verdicts given. */
export interface TriageView {
  back: string;
  verdicts: Map<string, Verdict>;
}

function triageForm(id: string, t: TriageView): Html {
  const given = t.verdicts.get(id);
  const label = given === 'critical' ? 'داوری شما: انتقادی' : given === 'not-critical' ? 'داوری شما: غیرانتقادی' : 'داوری:';
  return html`<form class="triage" method="post" action="/verdict"><input type="hidden" name="id" value="${id}"><input type="hidden" name="back" value="${t.back}"><span class="given">${label}</span><button name="verdict" value="critical"${given === 'critical' ? html` disabled` : ''}>انتقادی است</button><button name="verdict" value="not-critical"${given === 'not-critical' ? html` disabled` : ''}>انتقادی نیست</button></form>`;
}

function hit(h: SearchHit, t?: TriageView): Html {
  const when = h.publishedAt ? jalaliDateTime(h.publishedAt) : html`تاریخ نامعلوم (دریافت ${jalaliDayLabel(h.day)})`;
  return html`<li class="hit" id="hit-${h.id}" data-id="${h.id}">
<h3><a href="${h.url}" rel="noopener noreferrer" target="_blank">${segments(h.title)}</a></h3>
<div class="meta"><span class="outlet">${h.outletName}</span><span class="date">${when}</span>${h.critical ? html`<span class="badge">انتقادی</span>` : ''}${h.clusterId ? html`<a class="cluster" href="/cluster/${encodeURIComponent(h.clusterId)}">بازنشرها</a>` : ''}</div>
<p class="snippet">${segments(h.snippet)}</p>
${t ? triageForm(h.id, t) : ''}
</li>`;
}

function options(selected: string, all: Record<string, string>, none: string): Html {
  return html`<option value="">${none}</option>${Object.entries(all).map(([v, label]) => html`<option value="${v}"${selected === v ? html` selected` : ''}>${label}</option>`)}`;
}

export function searchPage(
  p: UiParams,
  result: SearchResult | null,
  error: { message: string; detail: string } | null,
  driver: string,
  triage?: TriageView,
): string {
  const form = html`<form class="search" method="get" action="/" role="search">
<input type="search" name="q" value="${p.q}" placeholder="مثلاً: قطار شهری site:ایرنا from:۱۴۰۵/۰۹/۰۱" aria-label="عبارت جستجو" autofocus>
${p.outlet.map((o) => html`<input type="hidden" name="outlet" value="${o}">`)}
${p.day ? html`<input type="hidden" name="day" value="${p.day}">` : ''}
<select name="sort" aria-label="ترتیب"><option value="relevance">مرتبط‌ترین</option><option value="date"${p.sort === 'date' ? html` selected` : ''}>جدیدترین</option></select>
<select name="type" aria-label="نوع رسانه">${options(p.type, TYPE_NAMES, 'همهٔ انواع')}</select>
<select name="province" aria-label="استان">${options(p.province, PROVINCE_NAMES, 'همهٔ استان‌ها')}</select>
<select name="critical" aria-label="انتقادی">${options(p.critical, { yes: 'فقط انتقادی', no: 'فقط غیرانتقادی' }, 'انتقادی و غیرانتقادی')}</select>
<input type="text" name="from" value="${p.from}" placeholder="از ۱۴۰۵/۰۹/۰۱" aria-label="از تاریخ">
<input type="text" name="to" value="${p.to}" placeholder="تا ۱۴۰۵/۰۹/۳۰" aria-label="تا تاریخ">
<button type="submit">جستجو</button>
</form>`;
  let main: Html;
  // The reason is English (kaghaz's messages are); bdi keeps it readable inside the RTL line.
  if (error) main = html`<div class="error wide" role="alert">${error.message} <bdi dir="ltr">${error.detail}</bdi></div>`;
  else if (!result) main = html`<div></div>`;
  else {
    const pages = Math.ceil(result.total / result.perPage);
    main = html`${facets(p, result)}<div class="results">
${chips(p, result)}
<p class="summary">${faDigits(result.total)}${result.totalExact ? '' : '+'} نتیجه · ${result.sort === 'date' ? 'جدیدترین اول' : 'مرتبط‌ترین اول'} · صفحهٔ ${faDigits(result.page)} از ${faDigits(Math.max(1, pages))}${triage ? html` · <a href="/review">خبرهایی که داوری‌شان بیشترین کمک را می‌کند</a>` : ''}</p>
${result.hits.length ? html`<ol class="hits">${result.hits.map((h) => hit(h, triage))}</ol>` : html`<p>نتیجه‌ای پیدا نشد.</p>`}
<nav class="pages">${result.page > 1 ? html`<a rel="prev" href="${pageUrl(p, { page: result.page - 1 })}">→ قبلی</a>` : ''}${result.page < pages ? html`<a rel="next" href="${pageUrl(p, { page: result.page + 1 })}">بعدی ←</a>` : ''}</nav>
</div>`;
  }
  return layout(p.q ? `جستجو: ${p.q}` : 'جستجوی اخبار', html`<main class="wrap" data-driver="${driver}">${form}${main}</main>`);
}

/**
 * The review queue: articles without a verdict, the most uncertain first (`reviewQueue`), each
 * with its verdict buttons. A judged article leaves the list; the next one moves up.
 */
export function reviewPage(items: ReviewItem[]): string {
  const t: TriageView = { back: '/review', verdicts: new Map() };
  return layout(
    'بررسی برای آموزش',
    html`<div class="single">
<h2>خبرهایی که داوری شما بیشترین کمک را می‌کند</h2>
<p class="summary">خبرهای مربوط به شهرداری که هنوز داوری نشده‌اند، از نامطمئن‌ترین تشخیص به بعد. پس از چند داوری، <code>kaghaz detect train</code> مدل را با داوری‌های شما دوباره می‌سازد.</p>
${items.length === 0 ? html`<p>خبری برای بررسی نمانده است.</p>` : ''}
<ol class="hits">${items.map(
      (r) => html`<li class="hit" id="hit-${r.id}" data-id="${r.id}">
<h3><a href="${r.url}" rel="noopener noreferrer" target="_blank">${r.title || r.url}</a></h3>
<div class="meta"><span class="score">احتمال انتقادی بودن ${faDigits(Math.round(r.score * 100))}٪</span>${r.publishedAt ? html`<span class="date">${jalaliDateTime(r.publishedAt)}</span>` : ''}${r.critical ? html`<span class="badge">انتقادی</span>` : ''}</div>
${triageForm(r.id, t)}
</li>`,
    )}</ol></div>`,
  );
}

export interface ClusterArticle {
  id: string;
  sourceId: string;
  outletName: string;
  title: string;
  url: string;
  when: string | null;
  fetchedAt: string;
}

export function clusterPage(id: string, articles: ClusterArticle[]): string {
  const outlets = new Map<string, { name: string; n: number }>();
  for (const a of articles) {
    const o = outlets.get(a.sourceId) ?? { name: a.outletName, n: 0 };
    o.n++;
    outlets.set(a.sourceId, o);
  }
  return layout(
    'خوشهٔ بازنشر',
    html`<div class="single">
<h2>خوشهٔ بازنشر</h2>
<p class="summary">${faDigits(articles.length)} انتشار در ${faDigits(outlets.size)} رسانه · شناسه <code>${id}</code></p>
<h3>رسانه‌ها</h3>
<ul class="outlets">${[...outlets].sort((a, b) => b[1].n - a[1].n).map(([sid, o]) => html`<li><a href="${pageUrl(emptyParams(), { outlet: [sid] })}">${o.name}</a> <span class="count">${faDigits(o.n)}</span></li>`)}</ul>
<h3>انتشارها</h3>
<table class="list"><thead><tr><th>زمان</th><th>رسانه</th><th>عنوان</th></tr></thead><tbody>
${articles.map((a) => html`<tr data-id="${a.id}"><td>${a.when ? jalaliDateTime(a.when) : html`نامعلوم (دریافت ${jalaliDateTime(a.fetchedAt)})`}</td><td>${a.outletName}</td><td><a href="${a.url}" rel="noopener noreferrer" target="_blank">${a.title}</a></td></tr>`)}
</tbody></table>
</div>`,
  );
}

export function emptyParams(): UiParams {
  return { q: '', sort: 'relevance', page: 1, outlet: [], type: '', province: '', critical: '', from: '', to: '', day: '' };
}

export function digestListPage(files: { name: string; others: string[] }[]): string {
  return layout(
    'آرشیو کاغذ اخبار',
    html`<div class="single"><h2>آرشیو کاغذ اخبار</h2>
${files.length === 0 ? html`<p>هنوز کاغذ اخباری نوشته نشده است (<code>kaghaz digest</code>).</p>` : ''}
<ul class="digests">${files.map((f) => html`<li><a href="/digests/${encodeURIComponent(f.name)}">${faDigits(f.name.replace(/\.html$/, ''))}</a>${f.others.map((o) => html` · <a href="/digests/${encodeURIComponent(o)}">${o.split('.').pop()}</a>`)}</li>`)}</ul></div>`,
  );
}

export function errorPage(status: number, message: string): string {
  return layout(`خطای ${status}`, html`<div class="single"><h2>${faDigits(status)}</h2><p class="error">${message}</p><p><a href="/">بازگشت به جستجو</a></p></div>`);
}
