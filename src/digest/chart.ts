// The 14-day trend as a small inline SVG: mentions and critical items per day, side by side.
// Pure string building with fixed geometry, so the same data gives the same bytes.
import type { TrendPoint } from './model.ts';
import { faDigits, parseJalaliDay } from './jalali.ts';
import { escapeHtml } from './escape.ts';

const W = 640;
const H = 210;
const PAD_TOP = 22;
const PAD_BOTTOM = 34;
const PAD_SIDE = 30;

function niceMax(v: number): number {
  if (v <= 4) return 4;
  const mag = 10 ** Math.floor(Math.log10(v));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * mag >= v) return step * mag;
  return 10 * mag;
}

const fmt = (n: number) => (Math.round(n * 10) / 10).toString();

/**
 * The time axis runs left to right (oldest left) like the charts Persian readers meet in
 * newspapers and statistics reports; labels and legend are Persian.
 */
export function trendSvg(points: TrendPoint[]): string {
  const max = niceMax(Math.max(0, ...points.map((p) => p.mentioned)));
  const plotH = H - PAD_TOP - PAD_BOTTOM;
  const slot = (W - 2 * PAD_SIDE) / Math.max(1, points.length);
  const barW = Math.max(3, slot * 0.34);
  const y = (v: number) => PAD_TOP + plotH - (v / max) * plotH;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="trend" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeHtml('روند ۱۴ روزهٔ اخبار و موارد انتقادی')}" direction="ltr">`,
  );
  for (const frac of [0, 0.5, 1]) {
    const gy = fmt(y(max * frac));
    parts.push(`<line x1="${PAD_SIDE}" x2="${W - PAD_SIDE}" y1="${gy}" y2="${gy}" class="grid"/>`);
    parts.push(`<text x="${PAD_SIDE - 4}" y="${gy}" class="axis" text-anchor="end" dominant-baseline="middle">${faDigits(fmt(max * frac))}</text>`);
  }
  points.forEach((p, i) => {
    const x0 = PAD_SIDE + i * slot + (slot - 2 * barW) / 2;
    const hm = (p.mentioned / max) * plotH;
    const hc = (p.critical / max) * plotH;
    parts.push(`<rect x="${fmt(x0)}" y="${fmt(y(p.mentioned))}" width="${fmt(barW)}" height="${fmt(hm)}" class="bar-m"><title>${escapeHtml(`${faDigits(p.day)}: ${faDigits(p.mentioned)} خبر`)}</title></rect>`);
    parts.push(`<rect x="${fmt(x0 + barW)}" y="${fmt(y(p.critical))}" width="${fmt(barW)}" height="${fmt(hc)}" class="bar-c"><title>${escapeHtml(`${faDigits(p.day)}: ${faDigits(p.critical)} انتقادی`)}</title></rect>`);
    if (p.mentioned > 0) {
      parts.push(`<text x="${fmt(x0 + barW / 2)}" y="${fmt(y(p.mentioned) - 3)}" class="val" text-anchor="middle">${faDigits(p.mentioned)}</text>`);
    }
    const d = parseJalaliDay(p.day);
    parts.push(`<text x="${fmt(x0 + barW)}" y="${H - PAD_BOTTOM + 14}" class="axis" text-anchor="middle">${faDigits(`${d.jm}/${d.jd}`)}</text>`);
  });
  const ly = H - 8;
  parts.push(`<rect x="${W / 2 + 10}" y="${ly - 9}" width="10" height="10" class="bar-m"/><text x="${W / 2 + 24}" y="${ly}" class="axis">اخبار شهرداری</text>`);
  parts.push(`<rect x="${W / 2 - 110}" y="${ly - 9}" width="10" height="10" class="bar-c"/><text x="${W / 2 - 96}" y="${ly}" class="axis">موارد انتقادی</text>`);
  parts.push('</svg>');
  return parts.join('');
}
