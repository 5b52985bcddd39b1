// Alert, follow-up and morning-summary e-mails: RTL HTML and a text part. All article text is
// escaped; subjects are flattened to one line (nodemailer then encodes them per RFC 2047).
import { escapeHtml as e, oneLine, safeHref } from '../digest/escape.ts';
import { faDigits } from '../digest/jalali.ts';
import type { Severity } from '../article.ts';

export interface AlertPayload {
  clusterId: string;
  articleId: string;
  outletFa: string;
  title: string;
  lead: string;
  url: string;
  /** «۱۴۰۵/۰۹/۰۱ ۰۷:۳۰» or «تاریخ نامعلوم». */
  whenFa: string;
  severity: Severity;
  severityFa: string;
  evidence: string[];
  deadlineFa: string;
  deadlineApprox: boolean;
  reach: number;
}

export interface ReprintPayload {
  articleId: string;
  outletFa: string;
  title: string;
  url: string;
  whenFa: string;
  critical: boolean;
}

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

const n = (v: number) => faDigits(v);

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="fa" dir="rtl"><head><meta charset="utf-8"><title>${e(title)}</title></head>
<body dir="rtl" style="font-family:Vazirmatn,Tahoma,sans-serif;direction:rtl;text-align:right;line-height:1.8;color:#1b1b1b;max-width:680px;margin:0 auto;padding:12px">
${body}
<p style="font-size:12px;color:#666;border-top:1px solid #ddd;padding-top:6px">کاغذ اخبار (kaghaz) — پیام خودکار پایش رسانه‌ها</p>
</body></html>
`;
}

function itemHtml(p: AlertPayload): string {
  return `<div style="border:1px solid #e6b3ae;border-right:4px solid #b3261e;padding:8px 12px;margin:8px 0;background:#fffdfc">
<div style="font-size:13px;color:#555">${e(p.outletFa)} · ${e(p.whenFa)} · شدت: <b>${e(p.severityFa)}</b></div>
<div style="font-weight:bold;font-size:16px;margin:4px 0"><a href="${safeHref(p.url)}">${e(p.title)}</a></div>
${p.lead ? `<p style="margin:4px 0">${e(p.lead)}</p>` : ''}${p.evidence.map((s) => `<blockquote style="margin:4px 0;padding:2px 8px;border-right:2px solid #e6b3ae;background:#fbeeed">${e(s)}</blockquote>`).join('')}
<div style="font-size:13px">بازتاب: <b>${n(p.reach)}</b> رسانه · <b style="color:#8c1d18">مهلت جوابیه (مادهٔ ۲۳ قانون مطبوعات): ${e(p.deadlineFa)}${p.deadlineApprox ? ' (تقریبی)' : ''}</b></div>
</div>`;
}

function itemText(p: AlertPayload): string[] {
  return [
    `[شدت: ${p.severityFa}] ${oneLine(p.title)}`,
    `${p.outletFa} · ${p.whenFa} · بازتاب ${n(p.reach)} رسانه`,
    ...(p.lead ? [oneLine(p.lead)] : []),
    ...p.evidence.map((s) => `«${oneLine(s)}»`),
    `مهلت جوابیه (مادهٔ ۲۳ قانون مطبوعات): ${p.deadlineFa}${p.deadlineApprox ? ' (تقریبی)' : ''}`,
    oneLine(p.url),
  ];
}

const clip = (s: string, max = 90) => {
  const t = oneLine(s);
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
};

export function renderAlert(cityFa: string, p: AlertPayload): RenderedMail {
  const subject = `هشدار کاغذ اخبار [${p.severityFa}]: ${clip(p.title)} — ${oneLine(p.outletFa)}`;
  const html = page(subject, `<h2 style="color:#8c1d18;margin:0 0 6px">خبر انتقادی دربارهٔ شهرداری ${e(cityFa)}</h2>${itemHtml(p)}`);
  const text = [`خبر انتقادی دربارهٔ شهرداری ${cityFa}`, '', ...itemText(p), ''].join('\n');
  return { subject, html, text };
}

export function renderFollowup(cityFa: string, p: AlertPayload, reprints: ReprintPayload[]): RenderedMail {
  const subject = `پیگیری کاغذ اخبار: ${n(reprints.length)} بازنشر تازه از «${clip(p.title, 70)}»`;
  const rows = reprints
    .map((r) => `<li>${e(r.outletFa)} · ${e(r.whenFa)}${r.critical ? ' · <b style="color:#b3261e">انتقادی</b>' : ''} — <a href="${safeHref(r.url)}">${e(r.title)}</a></li>`)
    .join('');
  const html = page(
    subject,
    `<h2 style="margin:0 0 6px">بازنشر تازهٔ یک خبر انتقادی دربارهٔ شهرداری ${e(cityFa)}</h2>
<p>این خبر اکنون در <b>${n(p.reach)}</b> رسانه منتشر شده است. بازنشرهای تازه:</p><ul>${rows}</ul>
<p style="font-size:13px;color:#555">خبر نخست:</p>${itemHtml(p)}`,
  );
  const text = [
    `بازنشر تازهٔ یک خبر انتقادی دربارهٔ شهرداری ${cityFa}`,
    `اکنون در ${n(p.reach)} رسانه. بازنشرهای تازه:`,
    ...reprints.map((r) => `- ${r.outletFa} · ${r.whenFa}${r.critical ? ' · انتقادی' : ''} — ${oneLine(r.title)} ${oneLine(r.url)}`),
    '',
    'خبر نخست:',
    ...itemText(p),
    '',
  ].join('\n');
  return { subject, html, text };
}

export function renderMorningSummary(cityFa: string, items: AlertPayload[]): RenderedMail {
  const subject = `خلاصهٔ صبحگاهی کاغذ اخبار: ${n(items.length)} خبر انتقادی دربارهٔ شهرداری ${oneLine(cityFa)} در ساعات آرام`;
  const html = page(
    subject,
    `<h2 style="margin:0 0 6px">خبرهای انتقادی ساعات آرام</h2><p>این خبرها در ساعات آرام، که هشدار فرستاده نمی‌شود، یافته شدند:</p>${items.map(itemHtml).join('\n')}`,
  );
  const text = ['خبرهای انتقادی ساعات آرام', '', ...items.flatMap((p, i) => [`${n(i + 1)}.`, ...itemText(p), '']), ''].join('\n');
  return { subject, html, text };
}
