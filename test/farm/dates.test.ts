import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toGregorian } from 'jalaali-js';
import { formatJalali, isoTehran, rfc822Tehran, tehranTime, DATE_FORMS, dayPrecision, JALALI_MONTHS } from './dates.ts';

const MONTHS = [...JALALI_MONTHS, 'امرداد', 'ابان', 'اذر'].map((m) => m.replace(/ی/g, '[یي]').replace(/ک/g, '[کك]'));
const monthIndex = (name: string) => {
  const folded = name.replace(/ي/g, 'ی').replace(/ك/g, 'ک');
  const alt: Record<string, number> = { امرداد: 5, ابان: 8, اذر: 9 };
  return alt[folded] ?? JALALI_MONTHS.indexOf(folded) + 1;
};
const ascii = (s: string) => s.replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x6f0));

/** Reads back the date part of every form (a check of the farm, not kaghaz's parser). */
function readBack(text: string): { jy: number; jm: number; jd: number; hm?: string } {
  const t = ascii(text);
  const numeric = /(\d{4})[/-](\d{2})[/-](\d{2})/.exec(t);
  const hm = /(\d{2}:\d{2})/.exec(t)?.[1];
  if (numeric) return { jy: +numeric[1], jm: +numeric[2], jd: +numeric[3], hm };
  const named = new RegExp(`(\\d{1,2}) (${MONTHS.join('|')}) (\\d{4})`).exec(t)!;
  return { jy: +named[3], jm: monthIndex(named[2]), jd: +named[1], hm };
}

test('every Jalali form, in Persian and ASCII digits and with Arabic letters, names the Tehran calendar day', () => {
  const instants = ['2026-11-22T06:00:00Z', '2026-03-20T21:00:00Z', '2025-07-22T19:45:00Z', '2026-12-31T23:59:00Z'].map((s) => new Date(s));
  for (const d of instants) {
    const t = tehranTime(d);
    for (let form = 0; form < DATE_FORMS.length; form++) {
      for (const digits of ['persian', 'ascii'] as const) {
        for (const arabicLetters of [false, true]) {
          const text = formatJalali(d, { form, digits, arabicLetters, monthVariants: form % 2 === 0 });
          if (digits === 'persian') assert.doesNotMatch(text, /[0-9]/, text);
          if (arabicLetters) assert.doesNotMatch(text, /[یک]/, text);
          const r = readBack(text);
          const g = toGregorian(r.jy, r.jm, r.jd);
          assert.deepEqual([g.gy, g.gm, g.gd], [t.gy, t.gm, t.gd], `${text} for ${d.toISOString()}`);
          if (dayPrecision(form)) assert.equal(r.hm, undefined, text);
          else assert.equal(r.hm, `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`, text);
        }
      }
    }
  }
});

test('machine-readable forms carry the Tehran offset and the same instant', () => {
  const d = new Date('2026-11-22T06:00:00Z');
  assert.equal(isoTehran(d), '2026-11-22T09:30:00+03:30');
  assert.equal(new Date(isoTehran(d)).getTime(), d.getTime());
  assert.equal(rfc822Tehran(d), 'Sun, 22 Nov 2026 09:30:00 +0330');
  assert.equal(new Date(rfc822Tehran(d)).getTime(), d.getTime());
  // Before 2023 Iran kept summer time: the tz database, not a fixed offset, decides.
  assert.match(isoTehran(new Date('2020-06-01T06:00:00Z')), /\+04:30$/);
});
