// Tehran-local days for search filters and the day facet, built on the normalizer's Jalali and
// Tehran-time helpers (one source of truth for the calendar and Iran's changing UTC offset).
import { jalaliDayRange, tehranToUtc, toJalali } from '../normalize/index.ts';

/** "1405/09/01" (ASCII digits) — the Jalali day in Tehran of an instant. */
export function jalaliDayOf(instant: string | Date): string {
  const j = toJalali(typeof instant === 'string' ? new Date(instant) : instant);
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
  const s = asciiDigits(text.trim());
  const m = /^(\d{4})[/\-.](\d{1,2})[/\-.](\d{1,2})$/.exec(s);
  if (!m) return { error: `«${text}» is not a date; write 1405/09/01 (Jalali) or 2026-11-22 (Gregorian)` };
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  let start: Date;
  let end: Date;
  if (y < 1700) {
    try {
      ({ start, end } = jalaliDayRange({ jy: y, jm: mo, jd: d }));
    } catch {
      return { error: `«${text}» is not a valid Jalali date` };
    }
  } else {
    const probe = new Date(Date.UTC(y, mo - 1, d));
    if (probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) return { error: `«${text}» is not a valid date` };
    const next = new Date(Date.UTC(y, mo - 1, d + 1));
    start = tehranToUtc(y, mo, d);
    end = tehranToUtc(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate());
  }
  return { start: start.toISOString(), end: end.toISOString(), jalali: jalaliDayOf(start) };
}
