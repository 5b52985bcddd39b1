import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addJalaliMonth, formatDay, jalaliDayRange, jalaliOf, longDayFa, parseJalaliDay, todayJalali, weekdayFa,
} from '../../src/digest/jalali.ts';

test('a Tehran Jalali day is [00:00, 24:00) Tehran time', () => {
  assert.deepEqual(jalaliDayRange(parseJalaliDay('1405/09/01')), {
    from: '2026-11-21T20:30:00.000Z',
    to: '2026-11-22T20:30:00.000Z',
  });
  // Before 2022 Iran kept summer time: 1398/03/01 started at 19:30 UTC.
  assert.equal(jalaliDayRange(parseJalaliDay('1398/03/01')).from, '2019-05-21T19:30:00.000Z');
});

test('todayJalali follows Tehran, not UTC, across midnight', () => {
  assert.equal(todayJalali(new Date('2026-11-21T20:29:59Z')), '1405/08/30');
  assert.equal(todayJalali(new Date('2026-11-21T20:30:00Z')), '1405/09/01');
  assert.equal(formatDay(jalaliOf(new Date('2026-03-20T20:30:00Z'))), '1405/01/01');
});

test('one Jalali month later clamps to the month length and crosses the year', () => {
  const plus = (d: string) => formatDay(addJalaliMonth(parseJalaliDay(d)));
  assert.equal(plus('1405/09/01'), '1405/10/01');
  assert.equal(plus('1405/06/31'), '1405/07/30'); // Shahrivar has 31 days, Mehr 30
  assert.equal(plus('1405/12/15'), '1406/01/15');
  assert.equal(plus('1404/11/30'), '1404/12/29'); // 1404 is a common year: Esfand has 29 days
  assert.equal(plus('1403/11/30'), '1403/12/30'); // 1403 is a leap year
});

test('parseJalaliDay accepts Persian digits and dashes, and names the fix for bad input', () => {
  assert.deepEqual(parseJalaliDay('۱۴۰۵/۰۹/۰۱'), { jy: 1405, jm: 9, jd: 1 });
  assert.deepEqual(parseJalaliDay('1405-9-1'), { jy: 1405, jm: 9, jd: 1 });
  assert.throws(() => parseJalaliDay('1405/07/31'), /not a valid Jalali date.*30 days/);
  assert.throws(() => parseJalaliDay('2026-11-22x'), /YYYY\/MM\/DD/);
});

test('Persian display forms', () => {
  const d = parseJalaliDay('1405/09/01');
  assert.equal(longDayFa(d), '۱ آذر ۱۴۰۵');
  assert.equal(weekdayFa(d), 'یکشنبه');
});
