// The «کاغذ اخبار» as one self-contained RTL HTML page, printable on A4. Every value that came
// from a crawled page passes through escapeHtml/safeHref; the page carries no script and
// forbids scripts by CSP as a second wall.
import type { ArticleRef, ClusterEntry, CoverageRow, CriticalItem, Digest, PickupRow } from './model.ts';
import { escapeHtml as e, safeHref } from './escape.ts';
import { faDigits, longDayFa, parseJalaliDay } from './jalali.ts';
import { trendSvg } from './chart.ts';

export interface HtmlOptions {
  /**
   * Where the Vazirmatn files are, relative to the page (writeDigest copies them to `fonts/`).
   * null leaves out @font-face (e-mail: a relative URL means nothing there; Tahoma stands in).
   */
  fontBase?: string | null;
}

export const FONT_FILES = { regular: 'Vazirmatn-Regular.woff2', bold: 'Vazirmatn-Bold.woff2' } as const;

const n = (v: number) => faDigits(v);

function css(fontBase: string | null): string {
  const fonts = fontBase === null ? '' : `
@font-face{font-family:Vazirmatn;src:url('${fontBase}${FONT_FILES.regular}') format('woff2');font-weight:400;font-style:normal}
@font-face{font-family:Vazirmatn;src:url('${fontBase}${FONT_FILES.bold}') format('woff2');font-weight:700;font-style:normal}`;
  return `${fonts}
@page{size:A4;margin:14mm 13mm 16mm}
*{box-sizing:border-box}
html{direction:rtl}
body{font-family:Vazirmatn,Tahoma,'Noto Sans Arabic',sans-serif;font-size:10.5pt;line-height:1.75;color:#1b1b1b;margin:0 auto;max-width:190mm;padding:8mm 4mm;background:#fff}
a{color:#0b4f8a;text-decoration:none}
h1,h2,h3{margin:0;line-height:1.4;break-after:avoid;page-break-after:avoid}
.masthead{display:flex;justify-content:space-between;align-items:flex-end;border-bottom:3px double #222;padding-bottom:4mm;margin-bottom:5mm}
.masthead h1{font-size:26pt;font-weight:700;letter-spacing:0}
.masthead .org{font-size:11pt;color:#444}
.masthead .issue{text-align:left;font-size:10pt;color:#333}
h2{font-size:14pt;border-right:5px solid #0b4f8a;padding-right:3mm;margin:7mm 0 3mm}
h2.crit{border-color:#b3261e;color:#8c1d18}
h3{font-size:11.5pt;margin:4mm 0 2mm;color:#0b4f8a}
.summary{display:grid;grid-template-columns:repeat(4,1fr);gap:3mm;margin-bottom:3mm}
.stat{border:1px solid #ccd6e0;border-radius:2mm;padding:2.5mm;text-align:center;background:#f5f8fb;break-inside:avoid}
.stat b{display:block;font-size:18pt;line-height:1.2}
.stat.crit{background:#fdf1f0;border-color:#e6b3ae;color:#8c1d18}
.top{border:1px solid #ccd6e0;border-radius:2mm;padding:2mm 4mm;break-inside:avoid}
.top ol{margin:1mm 0;padding-right:6mm;list-style-type:persian}
.item{border:1px solid #e0e0e0;border-right:4px solid #b3261e;border-radius:1.5mm;padding:3mm 4mm;margin:0 0 3mm;break-inside:avoid;page-break-inside:avoid;background:#fffdfc}
.item.sev-medium{border-right-color:#d9822b}
.item.sev-low{border-right-color:#c9a227}
.item .meta{font-size:9pt;color:#555}
.item .headline{font-weight:700;font-size:11.5pt;margin:1mm 0}
.item .lead{margin:1mm 0}
.item blockquote{margin:1.5mm 0;padding:1mm 3mm;border-right:2px solid #e6b3ae;background:#fbeeed;font-size:9.5pt}
.item .facts{display:flex;flex-wrap:wrap;gap:2mm 6mm;font-size:9.5pt;margin-top:1.5mm}
.deadline{font-weight:700;color:#8c1d18}
.badge{display:inline-block;padding:0 2mm;border-radius:1mm;font-size:8.5pt;background:#b3261e;color:#fff}
.badge.sev-medium{background:#d9822b}
.badge.sev-low{background:#a88511}
table{width:100%;border-collapse:collapse;font-size:9.5pt;margin-bottom:2mm}
th,td{border:1px solid #d5d9de;padding:1.2mm 2mm;text-align:right;vertical-align:top}
th{background:#eef2f6;font-weight:700}
tr{break-inside:avoid;page-break-inside:avoid}
td.num,th.num{text-align:center;white-space:nowrap}
.story{break-inside:avoid;page-break-inside:avoid;padding:1.5mm 0;border-bottom:1px dotted #ccc}
.story .t{font-weight:700}
.story .m{font-size:9pt;color:#555}
.crit-mark{color:#b3261e;font-weight:700}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:4mm}
.cols>div{break-inside:avoid}
figure{margin:0;break-inside:avoid;text-align:center}
.trend-box,.cols>div,.summary-box{break-inside:avoid;page-break-inside:avoid}
svg.trend{max-width:100%;height:auto;font-family:Vazirmatn,Tahoma,sans-serif}
svg .grid{stroke:#ddd;stroke-width:1}
svg .axis{font-size:10px;fill:#555}
svg .val{font-size:9px;fill:#333}
svg .bar-m{fill:#6f93b8}
svg .bar-c{fill:#b3261e}
.empty{color:#666}
footer{margin-top:8mm;border-top:1px solid #ccc;padding-top:2mm;font-size:8.5pt;color:#555}
@media print{body{padding:0;max-width:none}a{color:inherit}}
`;
}

function articleLine(a: ArticleRef): string {
  return `<span class="outlet">${e(a.outletFa)}</span> · <span class="time">${e(a.timeFa)}</span>`;
}

function titleLink(a: ArticleRef): string {
  return `<a href="${safeHref(a.url)}">${e(a.title)}</a>`;
}

function criticalItem(c: CriticalItem, i: number): string {
  const carriers = c.carriers.length
    ? `<div class="meta">بازنشر در: ${c.carriers.map((r) => `${e(r.outletFa)} (${e(r.day === c.article.day ? r.timeFa : faDigits(r.day))})`).join('، ')}</div>`
    : '';
  const evidence = c.evidence.map((s) => `<blockquote>${e(s)}</blockquote>`).join('');
  return `<article class="item sev-${e(c.severity)}" id="critical-${i + 1}">
<div class="meta">${n(i + 1)}. ${articleLine(c.article)} <span class="badge sev-${e(c.severity)}">شدت: ${e(c.severityFa)}</span></div>
<div class="headline">${titleLink(c.article)}</div>
${c.lead ? `<p class="lead">${e(c.lead)}</p>` : ''}${evidence}
<div class="facts"><span>بازتاب: <b>${n(c.reach)}</b> رسانه</span><span class="deadline">مهلت جوابیه (مادهٔ ۲۳ قانون مطبوعات): ${e(c.deadlineFa)}${c.deadlineApprox ? ' (تقریبی؛ تاریخ انتشار نامعلوم)' : ''}</span></div>
${carriers}
</article>`;
}

function story(s: ClusterEntry, day: string): string {
  const when = s.original.day === day || !s.original.dateKnown ? s.original.timeFa : `${faDigits(s.original.day)} ${s.original.timeFa}`;
  return `<div class="story">${s.critical ? '<span class="crit-mark">● </span>' : ''}<span class="t">${titleLink(s.original)}</span>
<div class="m">${e(s.original.outletFa)} · ${e(when)} · بازتاب ${n(s.reach)} رسانه · بازنشر ${n(s.reprints)} · امروز ${n(s.today)} خبر${s.outletsFa.length > 1 ? ` · ${s.outletsFa.map(e).join('، ')}` : ''}</div></div>`;
}

function pickupTable(rows: PickupRow[]): string {
  if (rows.length === 0) return '<p class="empty">امروز خبری از رسانه‌های شهرداری در این فهرست نیست.</p>';
  return `<table><thead><tr><th>خبر منتشرشدهٔ شهرداری</th><th>منبع و زمان</th><th class="num">بازنشر</th><th class="num">امروز</th><th>رسانه‌های بازنشرکننده</th></tr></thead><tbody>
${rows
  .map(
    (p) =>
      `<tr><td>${titleLink(p.original)}</td><td>${e(p.original.outletFa)}<br>${e(faDigits(p.original.day))} ${e(p.original.timeFa)}</td><td class="num">${n(p.reprints)}</td><td class="num">${n(p.newToday)}</td><td>${p.reprintedByFa.length ? p.reprintedByFa.map(e).join('، ') : '<span class="empty">بازنشر نشد</span>'}</td></tr>`,
  )
  .join('\n')}
</tbody></table>`;
}

function coverageTable(title: string, rows: CoverageRow[]): string {
  return `<div><h3>${e(title)}</h3><table><thead><tr><th>${e(title)}</th><th class="num">خبر</th><th class="num">رسانه</th></tr></thead><tbody>
${rows.length ? rows.map((r) => `<tr><td>${e(r.labelFa)}</td><td class="num">${n(r.articles)}</td><td class="num">${n(r.outlets)}</td></tr>`).join('\n') : '<tr><td colspan="3" class="empty">—</td></tr>'}
</tbody></table></div>`;
}

export function renderDigestHtml(d: Digest, opts: HtmlOptions = {}): string {
  const fontBase = opts.fontBase === undefined ? 'fonts/' : opts.fontBase;
  const t = d.totals;
  const issue = d.issue === null ? 'شمارهٔ بایگانی' : `شمارهٔ ${n(d.issue)}`;
  const title = `کاغذ اخبار شهرداری ${d.cityFa} — ${d.dayFa}`;
  const from = parseJalaliDay(d.trend[0]?.day ?? d.day);
  return `<!DOCTYPE html>
<html lang="fa" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'">
<title>${e(title)}</title>
<style>${css(fontBase)}</style>
</head>
<body>
<header class="masthead">
<div><h1>کاغذ اخبار</h1><div class="org">مرور رسانه‌ای روزانهٔ شهرداری ${e(d.cityFa)}</div></div>
<div class="issue">${issue}<br>${e(d.weekdayFa)} ${e(d.dayFa)}<br><span dir="ltr">${e(d.gregorian)}</span></div>
</header>

<section class="summary-box" aria-label="خلاصه">
<div class="summary">
<div class="stat"><b>${n(t.articles)}</b>خبر دربارهٔ شهرداری</div>
<div class="stat crit"><b>${n(t.criticalClusters)}</b>مورد انتقادی (${n(t.critical)} خبر)</div>
<div class="stat"><b>${n(t.outlets)}</b>رسانه</div>
<div class="stat"><b>${n(t.ownReprints)}</b>بازنشر از ${n(t.ownReleases)} خبر شهرداری</div>
</div>
<div class="top"><h3>مهم‌ترین خبرهای روز</h3>${
    d.topStories.length
      ? `<ol>${d.topStories.map((s) => `<li>${s.critical ? '<span class="crit-mark">● </span>' : ''}${titleLink(s.original)} — ${e(s.original.outletFa)}، بازتاب ${n(s.reach)} رسانه</li>`).join('')}</ol>`
      : '<p class="empty">امروز خبری دربارهٔ شهرداری ثبت نشد.</p>'
  }${t.unknownDate ? `<p class="meta">${n(t.unknownDate)} خبر تاریخ انتشار نداشت؛ زمان دریافت به‌جای آن آمده و «تاریخ نامعلوم» نوشته شده است.</p>` : ''}</div>
</section>

<section class="critical" aria-label="موارد انتقادی">
<h2 class="crit">موارد انتقادی</h2>
${d.critical.length ? d.critical.map(criticalItem).join('\n') : '<p class="empty">امروز مورد انتقادی یافت نشد.</p>'}
</section>

<section class="news" aria-label="اخبار شهرداری">
<h2>اخبار شهرداری به تفکیک موضوع</h2>
${d.groups.length ? d.groups.map((g) => `<h3>${e(g.topic)} <span class="meta">(${n(g.articles)} خبر)</span></h3>\n${g.clusters.map((c) => story(c, d.day)).join('\n')}`).join('\n') : '<p class="empty">—</p>'}
</section>

<section class="pickups" aria-label="بازنشر اخبار شهرداری">
<h2>بازنشر خبرهای شهرداری</h2>
${pickupTable(d.pickups)}
</section>

<section class="coverage" aria-label="پوشش رسانه‌ای">
<h2>پوشش به تفکیک نوع رسانه و استان</h2>
<div class="cols">${coverageTable('نوع رسانه', d.coverage.byType)}${coverageTable('گسترهٔ رسانه', d.coverage.byScope)}</div>
${coverageTable('استان رسانه', d.coverage.byProvince)}
</section>

<section class="trend-box" aria-label="روند">
<h2>روند ۱۴ روز گذشته</h2>
<figure>${trendSvg(d.trend)}<figcaption class="meta">از ${e(longDayFa(from))} تا ${e(d.dayFa)}</figcaption></figure>
</section>

<footer>کاغذ اخبار، ساختهٔ kaghaz از خبرهای ${e(d.dayFa)} (به وقت تهران). مهلت جوابیه یک ماه از انتشار هر خبر است (مادهٔ ۲۳ قانون مطبوعات)؛ برای هر رسانهٔ بازنشرکننده از تاریخ انتشار همان رسانه شمرده می‌شود.</footer>
</body>
</html>
`;
}
