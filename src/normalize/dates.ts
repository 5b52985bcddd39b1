// Publication dates as Iranian news pages and feeds write them → UTC instants.
// Calendar arithmetic: jalaali-js. Time zone: Asia/Tehran from the tz database (tehran-time.ts).
// A date that cannot be read is an error, never a guess (see docs/decisions/normalize.md).

import { isValidJalaaliDate, toGregorian, toJalaali } from 'jalaali-js';
import { digitsArToEn, digitsEnToFa, digitsFaToEn, wordsToNumber } from '@persian-tools/persian-tools';
import { tehranToUtc, tehranWallTime } from './tehran-time.ts';

export type ParseDateResult = { ok: true; date: Date } | { ok: false; error: string };
export interface ParseDateOptions {
  /** Reference instant for relative forms («۳ ساعت پیش», «دیروز»). Default: the current time. */
  now?: Date;
}
export interface JalaliDay {
  jy: number;
  jm: number;
  jd: number;
}

export const JALALI_MONTHS = [
  'فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور',
  'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند',
];

/** Month spellings seen on pages (after yeh/kaf unification), mapped to month numbers. */
const JALALI_MONTH_NAMES = new Map<string, number>([
  ['فروردین', 1], ['فرودین', 1], ['اردیبهشت', 2], ['ادیبهشت', 2], ['خرداد', 3], ['تیر', 4],
  ['مرداد', 5], ['امرداد', 5], ['شهریور', 6], ['مهر', 7], ['آبان', 8], ['ابان', 8],
  ['آذر', 9], ['اذر', 9], ['دی', 10], ['بهمن', 11], ['اسفند', 12],
]);
/** Gregorian months written in Persian («۳۰ مه ۲۰۲۳») and in English (RFC 822, "30 May 2023"). */
const GREGORIAN_MONTH_NAMES = new Map<string, number>([
  ['ژانویه', 1], ['ژانویهٔ', 1], ['فوریه', 2], ['مارس', 3], ['آوریل', 4], ['اوریل', 4], ['مه', 5], ['می', 5],
  ['ژوئن', 6], ['ژوین', 6], ['ژوئیه', 7], ['ژوییه', 7], ['جولای', 7], ['اوت', 8], ['آگوست', 8], ['اگوست', 8],
  ['سپتامبر', 9], ['اکتبر', 10], ['نوامبر', 11], ['دسامبر', 12],
  ['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['may', 5], ['jun', 6],
  ['jul', 7], ['aug', 8], ['sep', 9], ['oct', 10], ['nov', 11], ['dec', 12],
]);

const MS_MINUTE = 60_000;
const MS_HOUR = 3_600_000;
const MS_DAY = 86_400_000;

function fail(error: string): ParseDateResult {
  return { ok: false, error };
}

/** Digits to ASCII, Arabic letters to Persian, marks and invisible characters out, spaces collapsed. */
function clean(text: string): string {
  return digitsArToEn(digitsFaToEn(text))
    .replace(/[يى]/g, 'ی')
    .replace(/ك/g, 'ک')
    .replace(/[\u064b-\u065f\u0670\u0640\u200b\u200d-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/[\u200c\u00a0\s]+/g, ' ')
    .trim()
    .toLowerCase();
}

// ---------- relative forms ----------

const UNIT_MS: Record<string, number> = {
  ثانیه: 1000,
  دقیقه: MS_MINUTE,
  ساعت: MS_HOUR,
  روز: MS_DAY,
  هفته: 7 * MS_DAY,
};
const RELATIVE_RE = /^(?:حدود |تقریبا )?(?:(.+?) )?(ثانیه|دقیقه|ساعت|روز|هفته|ماه|سال)(?: ها| های)? ?(?:پیش|قبل)$/;
const VAGUE_NOW_RE = /^(?:همین (?:الان|حالا)|هم اکنون|اکنون|لحظاتی (?:پیش|قبل)|دقایقی (?:پیش|قبل)|چند لحظه (?:پیش|قبل)|ثانیه(?: ?ها|یی)?(?: پیش| قبل))$/;
const VAGUE_RE = /^(?:ساعاتی|چند ساعت|روزهایی|چند روز|چند هفته|هفته های|ماه ها|سال ها|چند ماه|چند سال)(?: پیش| قبل)?$/;
const DAY_WORD_RE = /^(امروز|دیروز|پریروز)(?: ساعت)?(?: (\d{1,2}):(\d{2}))?$/;

function countWord(word: string | undefined): number | null {
  if (word === undefined || word === '') return 1;
  if (/^\d+$/.test(word)) return Number(word);
  if (word === 'نیم') return 0.5;
  if (word === 'یک و نیم') return 1.5;
  const n = wordsToNumber(word);
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : null;
}

const REL_PART_RE = /^(?:(\S+) )?(ثانیه|دقیقه|ساعت|روز|هفته)$/;

/** «۳ ساعت و ۲۰ دقیقه پیش», «۱ روز و ۲ ساعت قبل». */
function parseRelativeSum(s: string, now: Date): ParseDateResult | null {
  const m = /^(?:حدود |تقریبا )?(.+ و .+) (?:پیش|قبل)$/.exec(s);
  if (!m) return null;
  let ms = 0;
  for (const part of m[1].split(' و ')) {
    const p = REL_PART_RE.exec(part);
    if (!p) return null;
    const n = countWord(p[1]);
    if (n === null) return null;
    ms += n * UNIT_MS[p[2]];
  }
  return { ok: true, date: new Date(now.getTime() - ms) };
}

function parseRelative(s: string, now: Date): ParseDateResult | null {
  if (VAGUE_NOW_RE.test(s)) return { ok: true, date: new Date(now.getTime()) };
  if (VAGUE_RE.test(s)) return fail(`"${s}" is too vague to date; it needs a number («۳ ساعت پیش»)`);
  const multi = parseRelativeSum(s, now);
  if (multi !== null) return multi;
  const rel = RELATIVE_RE.exec(s);
  if (rel) {
    const unit = rel[2];
    if (unit === 'ماه' || unit === 'سال') {
      return fail(`relative "${s}" is in months or years, too imprecise to date`);
    }
    const n = countWord(rel[1]);
    if (n === null) return fail(`cannot read the count "${rel[1]}" in "${s}"`);
    return { ok: true, date: new Date(now.getTime() - n * UNIT_MS[unit]) };
  }
  const day = DAY_WORD_RE.exec(s);
  if (day) {
    const back = day[1] === 'امروز' ? 0 : day[1] === 'دیروز' ? 1 : 2;
    const w = tehranWallTime(now);
    const d = new Date(Date.UTC(w.year, w.month - 1, w.day - back));
    const h = day[2] === undefined ? 0 : Number(day[2]);
    const m = day[3] === undefined ? 0 : Number(day[3]);
    if (h > 23 || m > 59) return fail(`invalid time ${day[2]}:${day[3]} in "${s}"`);
    return {
      ok: true,
      date: tehranToUtc(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), h, m),
    };
  }
  return null;
}

// ---------- feed forms: ISO 8601 and RFC 822 ----------

const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[t ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)? ?(z|[+-]\d{2}(?::?\d{2})?)?$/;
const RFC_RE =
  /^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,? ?)?(\d{1,2}) ([a-z]{3})[a-z]*\.? (\d{2}|\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)? ?(gmt|ut|utc|z|[ecmp][sd]t|irst|irdt|[+-]\d{4}|[+-]\d{2}:\d{2})?$/;
const NAMED_ZONES: Record<string, number> = {
  gmt: 0, ut: 0, utc: 0, z: 0, est: -300, edt: -240, cst: -360, cdt: -300,
  mst: -420, mdt: -360, pst: -480, pdt: -420, irst: 210, irdt: 270,
};

function zoneMinutes(z: string): number {
  if (z in NAMED_ZONES) return NAMED_ZONES[z];
  const sign = z[0] === '-' ? -1 : 1;
  const digits = z.slice(1).replace(':', '');
  const h = Number(digits.slice(0, 2));
  const m = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  return sign * (h * 60 + m);
}

function validGregorian(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

function validTime(h: number, m: number, s: number): boolean {
  return h >= 0 && h <= 23 && m >= 0 && m <= 59 && s >= 0 && s <= 59;
}

/** Builds the instant; `zone` in minutes east of UTC, or undefined for Tehran wall time. */
function instant(
  cal: 'jalali' | 'gregorian',
  y: number, m: number, d: number,
  h: number, mi: number, s: number,
  zone: number | undefined, input: string, ms = 0,
): ParseDateResult {
  if (!validTime(h, mi, s)) return fail(`invalid time ${h}:${String(mi).padStart(2, '0')} in "${input}"`);
  let gy = y;
  let gm = m;
  let gd = d;
  if (cal === 'jalali') {
    if (y < 1200 || y > 1600) return fail(`Jalali year ${y} out of range in "${input}"`);
    if (m < 1 || m > 12) return fail(`month ${m} does not exist in "${input}"`);
    if (!isValidJalaaliDate(y, m, d)) {
      return fail(`${y}/${m}/${d} is not a Jalali date (month ${m} of ${y} has fewer days) in "${input}"`);
    }
    ({ gy, gm, gd } = toGregorian(y, m, d));
  } else {
    if (y < 1900 || y > 2200) return fail(`Gregorian year ${y} out of range in "${input}"`);
    if (!validGregorian(y, m, d)) return fail(`${y}-${m}-${d} is not a Gregorian date in "${input}"`);
  }
  if (zone === undefined) {
    const t = tehranToUtc(gy, gm, gd, h, mi, s);
    return { ok: true, date: new Date(t.getTime() + ms) };
  }
  return { ok: true, date: new Date(Date.UTC(gy, gm - 1, gd, h, mi, s, ms) - zone * MS_MINUTE) };
}

function calendarOf(year: number): 'jalali' | 'gregorian' | null {
  if (year >= 1200 && year <= 1600) return 'jalali';
  if (year >= 1900 && year <= 2200) return 'gregorian';
  return null;
}

function parseFeedForm(s: string, input: string): ParseDateResult | null {
  const iso = ISO_RE.exec(s);
  if (iso) {
    const y = Number(iso[1]);
    const cal = calendarOf(y);
    if (cal === null) return fail(`year ${y} out of range in "${input}"`);
    const ms = iso[7] === undefined ? 0 : Math.round(Number('0.' + iso[7]) * 1000);
    return instant(
      cal, y, Number(iso[2]), Number(iso[3]),
      Number(iso[4] ?? 0), Number(iso[5] ?? 0), Number(iso[6] ?? 0),
      iso[8] === undefined ? undefined : zoneMinutes(iso[8]), input, ms,
    );
  }
  const rfc = RFC_RE.exec(s);
  if (rfc) {
    const month = GREGORIAN_MONTH_NAMES.get(rfc[2]);
    if (month === undefined) return fail(`unknown month "${rfc[2]}" in "${input}"`);
    let y = Number(rfc[3]);
    // RFC 2822 §4.3: two-digit years 00–49 are 2000–2049, 50–99 are 1950–1999.
    if (rfc[3].length === 2) y += y < 50 ? 2000 : 1900;
    return instant(
      'gregorian', y, month, Number(rfc[1]),
      Number(rfc[4] ?? 0), Number(rfc[5] ?? 0), Number(rfc[6] ?? 0),
      rfc[7] === undefined ? undefined : zoneMinutes(rfc[7]), input,
    );
  }
  return null;
}

// ---------- page forms ----------

const LABEL_RE =
  /(?:تاریخ(?: و ساعت)?(?: (?:انتشار|درج|خبر|ارسال|به ?روز ?رسانی))?|زمان(?: انتشار)?|انتشار|منتشر شده(?: در)?|(?:آخرین )?به ?روز ?رسانی|ویرایش|published|updated|date) ?:?/g;
const WEEKDAY_RE = /(?:(?:یک|دو|سه|چهار|پنج) ?)?شنبه|جمعه|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b/g;
const TIME_RE = /(?:^|[^\d:])(\d{1,2}):(\d{2})(?::(\d{2}))?(?![\d:])/;
const NUMERIC_DATE_RE = /(?:^|[^\d/.-])(\d{1,4}) ?([/.-]) ?(\d{1,2}) ?\2 ?(\d{1,4})(?![\d/])/;
const TEXT_DATE_RE = /(?:^|[^\d])(\d{1,2}) ?([\u0600-\u06ffa-z]+)(?: ماه)? ?(\d{2,4})?(?!\d)/g;
const PM_RE = /(?:ب\.? ?ظ|بعد ?از ?ظهر|عصر|شب|\bpm\b)/;
const AM_RE = /(?:ق\.? ?ظ|قبل ?از ?ظهر|صبح|بامداد|\bam\b)/;

function yearOrError(raw: string, input: string): number | string {
  if (raw.length <= 2) {
    return `two-digit year "${raw}" in "${input}" is ambiguous (year/month/day or day/month/year); write four digits`;
  }
  return Number(raw);
}

function parsePageForm(s: string, input: string): ParseDateResult | null {
  let rest = s.replace(LABEL_RE, ' ').replace(WEEKDAY_RE, ' ');
  let h = 0;
  let mi = 0;
  let sec = 0;
  const time = TIME_RE.exec(rest);
  if (time) {
    h = Number(time[1]);
    mi = Number(time[2]);
    sec = Number(time[3] ?? 0);
    rest = rest.slice(0, time.index) + ' ' + rest.slice(time.index + time[0].length);
    if (PM_RE.test(rest) && h < 12) h += 12;
    else if (AM_RE.test(rest) && h === 12) h = 0;
  }

  const num = NUMERIC_DATE_RE.exec(rest);
  if (num) {
    const [, a, , b, c] = num;
    let yRaw: string;
    let m: number;
    let d: number;
    if (a.length >= 3) {
      yRaw = a;
      m = Number(b);
      d = Number(c);
    } else if (c.length >= 3) {
      yRaw = c;
      m = Number(b);
      d = Number(a);
    } else {
      return fail(
        `two-digit year in "${input}" is ambiguous (year/month/day or day/month/year); write four digits`,
      );
    }
    const y = yearOrError(yRaw, input);
    if (typeof y === 'string') return fail(y);
    const cal = calendarOf(y);
    if (cal === null) return fail(`year ${y} out of range in "${input}"`);
    return instant(cal, y, m, d, h, mi, sec, undefined, input);
  }

  TEXT_DATE_RE.lastIndex = 0;
  for (let t = TEXT_DATE_RE.exec(rest); t !== null; t = TEXT_DATE_RE.exec(rest)) {
    const [, dayRaw, word, yearRaw] = t;
    const jm = JALALI_MONTH_NAMES.get(word);
    const gm = jm === undefined ? GREGORIAN_MONTH_NAMES.get(word.slice(0, /^[a-z]/.test(word) ? 3 : undefined)) : undefined;
    if (jm === undefined && gm === undefined) continue;
    if (yearRaw === undefined) return fail(`no year in "${input}"; a date is never completed by guessing`);
    const y = yearOrError(yearRaw, input);
    if (typeof y === 'string') return fail(y);
    const d = Number(dayRaw);
    if (jm !== undefined) return instant('jalali', y, jm, d, h, mi, sec, undefined, input);
    return instant('gregorian', y, gm as number, d, h, mi, sec, undefined, input);
  }
  return null;
}

/**
 * Reads a publication date. Jalali forms and zone-less times are Tehran wall time; a date without
 * a time is the start of that Tehran day; relative forms are resolved against `now` (default: the
 * current time).
 */
export function parseDate(text: string, options: ParseDateOptions = {}): ParseDateResult {
  if (typeof text !== 'string') return fail('date text is not a string');
  const s = clean(text);
  if (s === '') return fail('empty date text');
  if (s.length > 200) return fail(`date text too long (${s.length} characters): "${s.slice(0, 40)}…"`);
  const now = options.now ?? new Date();
  if (Number.isNaN(now.getTime())) return fail('option "now" is an invalid Date');
  try {
    return (
      parseFeedForm(s, text) ??
      parseRelative(s.replace(/^(?:انتشار|منتشر شده) ?:? ?/, ''), now) ??
      parsePageForm(s, text) ??
      fail(`no date found in "${text}"`)
    );
  } catch (e) {
    // jalaali-js throws RangeError outside its years; report instead of throwing.
    return fail(`cannot read "${text}": ${(e as Error).message}`);
  }
}

// ---------- helpers for the digest ----------

/** The Jalali calendar day of an instant, in Tehran time. */
export function toJalali(date: Date): JalaliDay {
  const w = tehranWallTime(date);
  return toJalaali(w.year, w.month, w.day);
}

export interface FormatJalaliOptions {
  /** Append « ساعت HH:MM» (Tehran time). Default false. */
  time?: boolean;
  /** Persian (default) or Latin digits. */
  digits?: 'fa' | 'latin';
}

/** «۱ آذر ۱۴۰۵» (Tehran calendar day of the instant), optionally « ساعت ۱۲:۳۰». */
export function formatJalali(date: Date, options: FormatJalaliOptions = {}): string {
  const { jy, jm, jd } = toJalali(date);
  let s = `${jd} ${JALALI_MONTHS[jm - 1]} ${jy}`;
  if (options.time) {
    const w = tehranWallTime(date);
    s += ` ساعت ${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
  }
  return options.digits === 'latin' ? s : digitsEnToFa(s);
}

/** Parses «1405/09/01» or «۱۴۰۵-۰۹-۰۱»; throws an Error naming the input and the expected form. */
export function parseJalaliDay(text: string): JalaliDay {
  const s = digitsArToEn(digitsFaToEn(String(text).trim()));
  const m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(s);
  if (!m) throw new Error(`invalid Jalali day "${text}": expected YYYY/MM/DD, e.g. 1405/09/01`);
  const jy = Number(m[1]);
  const jm = Number(m[2]);
  const jd = Number(m[3]);
  if (jy < 1200 || jy > 1600 || !isValidJalaaliDate(jy, jm, jd)) {
    throw new Error(`invalid Jalali day "${text}": ${jy}/${jm}/${jd} is not a date in the Jalali calendar`);
  }
  return { jy, jm, jd };
}

/** UTC instants of a Tehran day: `start` inclusive, `end` exclusive (the next day's start). */
export function jalaliDayRange(day: string | JalaliDay): { start: Date; end: Date } {
  const { jy, jm, jd } = typeof day === 'string' ? parseJalaliDay(day) : day;
  if (!isValidJalaaliDate(jy, jm, jd)) throw new Error(`invalid Jalali day ${jy}/${jm}/${jd}`);
  const g = toGregorian(jy, jm, jd);
  const next = new Date(Date.UTC(g.gy, g.gm - 1, g.gd + 1));
  return {
    start: tehranToUtc(g.gy, g.gm, g.gd),
    end: tehranToUtc(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()),
  };
}
