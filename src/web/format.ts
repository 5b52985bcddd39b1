// Persian display of numbers and dates for the web pages.
const FA_DIGITS = '۰۱۲۳۴۵۶۷۸۹';

export function faDigits(s: string | number): string {
  return String(s).replace(/[0-9]/g, (d) => FA_DIGITS[Number(d)]);
}

const dateTime = new Intl.DateTimeFormat('fa-IR-u-ca-persian', {
  timeZone: 'Asia/Tehran',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** «۲۹ آبان ۱۴۰۵، ۱۱:۳۰» in Tehran time. */
export function jalaliDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

const MONTHS = ['فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور', 'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند'];

/** "1405/08/29" → «۲۹ آبان ۱۴۰۵». */
export function jalaliDayLabel(day: string): string {
  const m = /^(\d{4})\/(\d{2})\/(\d{2})$/.exec(day);
  if (!m) return faDigits(day);
  return `${faDigits(Number(m[3]))} ${MONTHS[Number(m[2]) - 1]} ${faDigits(m[1])}`;
}
