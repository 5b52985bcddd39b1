// Tehran-local days for search filters and the day facet. Iran's offset changed over the years
// (daylight time until 2022), so offsets come from the tz database through Intl, never a constant.
import { isValidJalaaliDate, toGregorian, toJalaali } from 'jalaali-js';

const TZ = 'Asia/Tehran';
const wallClock = new Intl.DateTimeFormat('en-US', {
  timeZone: TZ,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function tehranParts(instant: Date): { y: number; m: number; d: number; h: number; min: number; s: number } {
  const p: Record<string, number> = {};
  for (const part of wallClock.formatToParts(instant)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return { y: p.year, m: p.month, d: p.day, h: p.hour, min: p.minute, s: p.second };
}

/** The UTC instant of 00:00 Tehran time on the given Gregorian day. */
export function tehranMidnight(gy: number, gm: number, gd: number): Date {
  const target = Date.UTC(gy, gm - 1, gd);
  let guess = target - 3.5 * 3600_000;
  for (let i = 0; i < 3; i++) {
    const w = tehranParts(new Date(guess));
    const wallMs = Date.UTC(w.y, w.m - 1, w.d, w.h, w.min, w.s);
    const diff = wallMs - target;
    if (diff === 0) break;
    guess -= diff;
  }
  return new Date(guess);
}

/** "1405/09/01" (ASCII digits) — the Jalali day in Tehran of an instant. */
export function jalaliDayOf(instant: string | Date): string {
  const w = tehranParts(typeof instant === 'string' ? new Date(instant) : instant);
  const j = toJalaali(w.y, w.m, w.d);
  return `${j.jy}/${String(j.jm).padStart(2, '0')}/${String(j.jd).padStart(2, '0')}`;
}

function asciiDigits(s: string): string {
  return s.replace(/[۰-۹]/g, (c) => String(c.charCodeAt(0) - 0x6f0)).replace(/[٠-٩]/g, (c) => String(c.charCodeAt(0) - 0x660));
}

export interface DayRange {
  /** Inclusive UTC instant (Tehran midnight). */
  start: string;
  /** Exclusive UTC instant (next Tehran midnight). */
  end: string;
  /** The day as "1405/09/01". */
  jalali: string;
}

/**
 * Parses one day written as Jalali (1405/09/01, ۱۴۰۵/۹/۱, 1405-09-01) or Gregorian ISO (2026-11-22).
 * A four-digit year below 1700 is Jalali; otherwise Gregorian. Returns an error text on bad input.
 */
export function parseDay(text: string): DayRange | { error: string } {
  const m = /^(\d{4})[/\-.](\d{1,2})[/\-.](\d{1,2})$/.exec(asciiDigits(text.trim()));
  if (!m) return { error: `«${text}» is not a date; write 1405/09/01 (Jalali) or 2026-11-22 (Gregorian)` };
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  let g: { gy: number; gm: number; gd: number };
  if (y < 1700) {
    if (!isValidJalaaliDate(y, mo, d)) return { error: `«${text}» is not a valid Jalali date` };
    g = toGregorian(y, mo, d);
  } else {
    const probe = new Date(Date.UTC(y, mo - 1, d));
    if (probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) return { error: `«${text}» is not a valid date` };
    g = { gy: y, gm: mo, gd: d };
  }
  const start = tehranMidnight(g.gy, g.gm, g.gd);
  const next = new Date(Date.UTC(g.gy, g.gm - 1, g.gd + 1));
  const end = tehranMidnight(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate());
  return { start: start.toISOString(), end: end.toISOString(), jalali: jalaliDayOf(start) };
}
