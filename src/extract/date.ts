// Date adapter: the normalizer's parseDate (Jalali, Persian digits, month names) when it is
// exported; until then a small fallback for ISO/RFC dates and the common Jalali forms.
import * as normalizeModule from '../normalize/index.ts';
import { isValidJalaaliDate, toGregorian } from 'jalaali-js';

type ParseDate = (text: string, opts?: { now?: Date }) => { ok: true; date: Date } | { ok: false; error: string };
const external = (normalizeModule as unknown as { parseDate?: ParseDate }).parseDate;

const MONTHS = ['فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور', 'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند'];
const TEHRAN_OFFSET_MIN = 210; // Iran has kept UTC+03:30 all year since 2022

function asciiDigits(s: string): string {
  return s.replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x6f0)).replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660));
}

function fromJalali(jy: number, jm: number, jd: number, hh = 0, mm = 0): Date | null {
  if (!isValidJalaaliDate(jy, jm, jd) || hh > 23 || mm > 59) return null;
  const g = toGregorian(jy, jm, jd);
  return new Date(Date.UTC(g.gy, g.gm - 1, g.gd, hh, mm) - TEHRAN_OFFSET_MIN * 60_000);
}

function fallback(text: string): Date | null {
  const t = asciiDigits(text.replace(/[يك]/g, (c) => (c === 'ي' ? 'ی' : 'ک'))).trim();
  const time = /(\d{1,2}):(\d{2})/.exec(t.replace(/\d{4}-\d{2}-\d{2}T/, ''));
  const hh = time ? Number(time[1]) : 0;
  const mi = time ? Number(time[2]) : 0;
  const jNum = /(1[34]\d{2})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})/.exec(t);
  if (jNum) return fromJalali(Number(jNum[1]), Number(jNum[2]), Number(jNum[3]), hh, mi);
  const jNumRev = /(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(1[34]\d{2})/.exec(t);
  if (jNumRev) return fromJalali(Number(jNumRev[3]), Number(jNumRev[2]), Number(jNumRev[1]), hh, mi);
  const jName = new RegExp(`(\\d{1,2})\\s*(${MONTHS.join('|')})\\s*(?:ماه\\s*)?(1[34]\\d{2})`).exec(t);
  if (jName) return fromJalali(Number(jName[3]), MONTHS.indexOf(jName[2]) + 1, Number(jName[1]), hh, mi);
  if (/^\d{4}-\d{2}-\d{2}/.test(t) || /^[A-Za-z]{3},? \d{1,2} [A-Za-z]{3} \d{4}/.test(t) || /^\d{1,2} [A-Za-z]{3} \d{4}/.test(t)) {
    const ms = Date.parse(t);
    if (!Number.isNaN(ms)) return new Date(ms);
  }
  return null;
}

/** A publication instant, or null when the text holds no date we can trust. */
export function parseDate(text: string | undefined | null, now = new Date()): Date | null {
  if (!text || !text.trim()) return null;
  let d: Date | null = null;
  if (external) {
    const r = external(text, { now });
    d = r.ok ? r.date : null;
  } else d = fallback(text);
  if (!d || Number.isNaN(d.getTime())) return null;
  // A date far in the future is a parse error (or a wrong calendar), not a publication time.
  if (d.getTime() > now.getTime() + 2 * 86400_000) return null;
  if (d.getUTCFullYear() < 1995) return null;
  return d;
}

export const usingNormalizerParseDate = external !== undefined;
