// Jalali date strings the way Iranian news pages print them (persian.md, "Jalali dates"),
// plus the machine-readable forms (ISO with the Tehran offset, RFC-822) feeds and meta tags use.
import { toJalaali } from 'jalaali-js';

const TEHRAN = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Tehran',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

export interface TehranTime {
  gy: number;
  gm: number;
  gd: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday */
  weekday: number;
  /** Minutes east of UTC (210 since 2023; 270 in old summers). */
  offsetMinutes: number;
}

export function tehranTime(d: Date): TehranTime {
  const parts: Record<string, number> = {};
  for (const p of TEHRAN.formatToParts(d)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const localAsUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return {
    gy: parts.year,
    gm: parts.month,
    gd: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
    weekday: new Date(Date.UTC(parts.year, parts.month - 1, parts.day)).getUTCDay(),
    offsetMinutes: Math.round((localAsUtc - Math.floor(d.getTime() / 1000) * 1000) / 60000),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 2026-11-21T12:30:00+03:30 */
export function isoTehran(d: Date): string {
  const t = tehranTime(d);
  const sign = t.offsetMinutes >= 0 ? '+' : '-';
  const off = Math.abs(t.offsetMinutes);
  return `${t.gy}-${pad(t.gm)}-${pad(t.gd)}T${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}${sign}${pad(Math.floor(off / 60))}:${pad(off % 60)}`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC-822 date in Tehran local time with a numeric zone: "Sat, 21 Nov 2026 12:30:00 +0330". */
export function rfc822Tehran(d: Date): string {
  const t = tehranTime(d);
  const off = Math.abs(t.offsetMinutes);
  const zone = `${t.offsetMinutes >= 0 ? '+' : '-'}${pad(Math.floor(off / 60))}${pad(off % 60)}`;
  return `${DAYS[t.weekday]}, ${pad(t.gd)} ${MONS[t.gm - 1]} ${t.gy} ${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)} ${zone}`;
}

export const JALALI_MONTHS = ['فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور', 'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند'];
/** Spellings also seen on pages: «امرداد», hamza-less «ابان»/«اذر». */
const MONTH_VARIANTS: Record<number, string> = { 4: 'امرداد', 7: 'ابان', 8: 'اذر' };
export const WEEKDAYS = ['یکشنبه', 'دوشنبه', 'سه‌شنبه', 'چهارشنبه', 'پنجشنبه', 'جمعه', 'شنبه'];

export type DigitKind = 'persian' | 'ascii';

const PERSIAN = '۰۱۲۳۴۵۶۷۸۹';
const digits = (s: string, kind: DigitKind) => (kind === 'ascii' ? s : s.replace(/\d/g, (c) => PERSIAN[Number(c)]));

/** The page date forms a farm outlet may use; each outlet sticks to one. */
export const DATE_FORMS = [
  'dd month yyyy - hh:mm', // ۰۹ خرداد ۱۴۰۲ - ۱۲:۲۷
  'd month yyyy ساعت hh:mm', // 3 تیر 1402 ساعت 12:31
  'weekday, dd month yyyy hh:mm', // یکشنبه, ۱۹ دی ۱۴۰۰ ۱۲:۵۷
  'yyyy/mm/dd - hh:mm', // 1402/03/09 - 12:27
  'yyyy-mm-dd hh:mm', // ۱۴۰۲-۰۳-۰۹ ۱۲:۲۷
  'hh:mm - yyyy/mm/dd', // ۱۲:۲۷ - ۱۴۰۲/۰۳/۰۹
  'label: weekday d month yyyy، ساعت hh:mm', // تاریخ انتشار: شنبه ۱ آذر ۱۴۰۵، ساعت ۱۲:۳۰
  'yyyy/mm/dd | hh:mm', // ۱۴۰۵/۰۹/۰۱ | ۱۲:۳۰
  'label: yyyy/mm/dd', // انتشار: ۱۴۰۵/۰۹/۰۱ (day precision)
  'dd month yyyy', // ۰۱ آذر ۱۴۰۵ (day precision)
] as const;

export interface JalaliFormat {
  form: number;
  digits: DigitKind;
  /** Write month and weekday names with Arabic yeh/kaf (تير, دي). */
  arabicLetters: boolean;
  /** Use «امرداد», «ابان», «اذر» where they apply. */
  monthVariants: boolean;
}

/** True when the form shows only the day, not the time. */
export const dayPrecision = (form: number) => form === 8 || form === 9;

export function formatJalali(d: Date, f: JalaliFormat): string {
  const t = tehranTime(d);
  const j = toJalaali(t.gy, t.gm, t.gd);
  let month = (f.monthVariants && MONTH_VARIANTS[j.jm - 1]) || JALALI_MONTHS[j.jm - 1];
  let weekday = WEEKDAYS[t.weekday];
  if (f.arabicLetters) {
    month = month.replace(/ی/g, 'ي').replace(/ک/g, 'ك');
    weekday = weekday.replace(/ی/g, 'ي').replace(/ک/g, 'ك');
  }
  const Y = String(j.jy);
  const M = pad(j.jm);
  const D = pad(j.jd);
  const hm = `${pad(t.hour)}:${pad(t.minute)}`;
  let s: string;
  switch (f.form) {
    case 0: s = `${D} ${month} ${Y} - ${hm}`; break;
    case 1: s = `${j.jd} ${month} ${Y} ساعت ${hm}`; break;
    case 2: s = `${weekday}, ${D} ${month} ${Y} ${hm}`; break;
    case 3: s = `${Y}/${M}/${D} - ${hm}`; break;
    case 4: s = `${Y}-${M}-${D} ${hm}`; break;
    case 5: s = `${hm} - ${Y}/${M}/${D}`; break;
    case 6: s = `تاریخ انتشار: ${weekday} ${j.jd} ${month} ${Y}، ساعت ${hm}`; break;
    case 7: s = `${Y}/${M}/${D} | ${hm}`; break;
    case 8: s = `انتشار: ${Y}/${M}/${D}`; break;
    default: s = `${D} ${month} ${Y}`; break;
  }
  if (f.arabicLetters) s = s.replace(/ی/g, 'ي').replace(/ک/g, 'ك');
  return digits(s, f.digits);
}
