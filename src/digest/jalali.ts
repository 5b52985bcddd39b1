// Jalali days in Tehran time, in the shapes the digest and alerts use (Jalali day records,
// ISO ranges for the store, Persian display forms). The clock itself is the normalizer's
// (src/normalize/tehran-time.ts); jalaali-js does the calendar, never Intl's Persian calendar
// or digits, so output does not depend on the ICU build.
import { jalaaliMonthLength, toGregorian, toJalaali, isValidJalaaliDate } from 'jalaali-js';
import { tehranToUtc, tehranWallTime } from '../normalize/tehran-time.ts';


/** A Jalali calendar day. */
export interface JalaliDay {
  jy: number;
  jm: number;
  jd: number;
}

export const MONTHS_FA = [
  'فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور', 'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند',
];
// Index = JavaScript getUTCDay() of the Gregorian date (0 = Sunday).
const WEEKDAYS_FA = ['یکشنبه', 'دوشنبه', 'سه‌شنبه', 'چهارشنبه', 'پنجشنبه', 'جمعه', 'شنبه'];

/** Wall-clock fields of an instant in Tehran (the normalizer's tz-database clock). */
export function tehranClock(at: Date): { y: number; m: number; d: number; hh: number; mm: number; ss: number } {
  const w = tehranWallTime(at);
  return { y: w.year, m: w.month, d: w.day, hh: w.hour, mm: w.minute, ss: w.second };
}

/** The UTC instant of a Tehran wall-clock time (Gregorian fields). */
export function tehranWallToUtc(gy: number, gm: number, gd: number, hh = 0, mm = 0): Date {
  return tehranToUtc(gy, gm, gd, hh, mm);
}

/** The Jalali day an instant falls on in Tehran. */
export function jalaliOf(at: Date): JalaliDay {
  const c = tehranClock(at);
  return toJalaali(c.y, c.m, c.d);
}

const DAY_RE = /^\s*(\d{4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*$/;

/** Parses «1405/09/01», «1405-9-1» or the same in Persian/Arabic digits; throws a clear error otherwise. */
export function parseJalaliDay(text: string): JalaliDay {
  const m = DAY_RE.exec(toLatinDigits(text));
  if (!m) throw new Error(`"${text}" is not a Jalali day; write it as YYYY/MM/DD, e.g. 1405/09/01`);
  const jy = +m[1], jm = +m[2], jd = +m[3];
  if (!isValidJalaaliDate(jy, jm, jd)) {
    throw new Error(`"${text}" is not a valid Jalali date (month ${jm} of ${jy} has ${jm >= 1 && jm <= 12 ? jalaaliMonthLength(jy, jm) : 'no'} days)`);
  }
  return { jy, jm, jd };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** «1405/09/01» (Latin digits: the machine form used in CLI flags, keys and file names). */
export function formatDay(d: JalaliDay, sep = '/'): string {
  return `${d.jy}${sep}${pad2(d.jm)}${sep}${pad2(d.jd)}`;
}

/** The UTC instants [from, to) of a Tehran Jalali day, as ISO strings (the store's format). */
export function jalaliDayRange(d: JalaliDay): { from: string; to: string } {
  const g = toGregorian(d.jy, d.jm, d.jd);
  const next = addDays(d, 1);
  const gn = toGregorian(next.jy, next.jm, next.jd);
  return {
    from: tehranWallToUtc(g.gy, g.gm, g.gd).toISOString(),
    to: tehranWallToUtc(gn.gy, gn.gm, gn.gd).toISOString(),
  };
}

/** Day arithmetic through the Gregorian calendar (UTC noon keeps it clear of any offset). */
export function addDays(d: JalaliDay, n: number): JalaliDay {
  const g = toGregorian(d.jy, d.jm, d.jd);
  const t = new Date(Date.UTC(g.gy, g.gm - 1, g.gd, 12) + n * 86400000);
  return toJalaali(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: JalaliDay, b: JalaliDay): number {
  const ga = toGregorian(a.jy, a.jm, a.jd);
  const gb = toGregorian(b.jy, b.jm, b.jd);
  return Math.round((Date.UTC(gb.gy, gb.gm - 1, gb.gd) - Date.UTC(ga.gy, ga.gm - 1, ga.gd)) / 86400000);
}

/**
 * One Jalali month later, the same day of month, clamped to the month's length
 * (1405/06/31 → 1405/07/30; 1404/11/30 → 1404/12/29 in a common year). Press Law art. 23
 * counts the rebuttal window in months, and Iranian offices count months in the Jalali calendar.
 */
export function addJalaliMonth(d: JalaliDay): JalaliDay {
  const jy = d.jm === 12 ? d.jy + 1 : d.jy;
  const jm = d.jm === 12 ? 1 : d.jm + 1;
  return { jy, jm, jd: Math.min(d.jd, jalaaliMonthLength(jy, jm)) };
}

export function weekdayFa(d: JalaliDay): string {
  const g = toGregorian(d.jy, d.jm, d.jd);
  return WEEKDAYS_FA[new Date(Date.UTC(g.gy, g.gm - 1, g.gd)).getUTCDay()];
}

export function gregorianIso(d: JalaliDay): string {
  const g = toGregorian(d.jy, d.jm, d.jd);
  return `${g.gy}-${pad2(g.gm)}-${pad2(g.gd)}`;
}

const FA_DIGITS = '۰۱۲۳۴۵۶۷۸۹';

/** Persian digits for display. */
export function faDigits(v: string | number): string {
  return String(v).replace(/[0-9]/g, (c) => FA_DIGITS[c.charCodeAt(0) - 48]);
}

export function toLatinDigits(s: string): string {
  return s.replace(/[۰-۹]/g, (c) => String(c.charCodeAt(0) - 0x6f0)).replace(/[٠-٩]/g, (c) => String(c.charCodeAt(0) - 0x660));
}

/** «۱ آذر ۱۴۰۵» */
export function longDayFa(d: JalaliDay): string {
  return `${faDigits(d.jd)} ${MONTHS_FA[d.jm - 1]} ${faDigits(d.jy)}`;
}

/** «۱۴۰۵/۰۹/۰۱» */
export function shortDayFa(d: JalaliDay): string {
  return faDigits(formatDay(d));
}

/** «۰۹:۴۵» Tehran time. */
export function timeFa(at: Date): string {
  const c = tehranClock(at);
  return faDigits(`${pad2(c.hh)}:${pad2(c.mm)}`);
}

/** Minutes since Tehran midnight. */
export function tehranMinuteOfDay(at: Date): number {
  const c = tehranClock(at);
  return c.hh * 60 + c.mm;
}

/** Today's Jalali day in Tehran, as «1405/09/01». */
export function todayJalali(now: Date = new Date()): string {
  return formatDay(jalaliOf(now));
}
