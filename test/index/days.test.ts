import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jalaliDayOf, parseDay } from '../../src/index/days.ts';

test('days are Tehran days, Jalali or ISO, any digits', () => {
  const want = { start: '2026-11-19T20:30:00.000Z', end: '2026-11-20T20:30:00.000Z', jalali: '1405/08/29' };
  for (const t of ['1405/08/29', '۱۴۰۵/۰۸/۲۹', '١٤٠٥/٠٨/٢٩', '1405-8-29', '2026-11-20']) assert.deepEqual(parseDay(t), want, t);
  // Before 2023 Iran kept summer time (+04:30) from 1 Farvardin to 30 Shahrivar.
  assert.equal((parseDay('1400/03/01') as { start: string }).start, '2021-05-21T19:30:00.000Z');
  assert.equal((parseDay('1401/06/31') as { start: string }).start, '2022-09-21T20:30:00.000Z');
  assert.equal(jalaliDayOf('2026-11-18T20:45:00Z'), '1405/08/28');
  assert.equal(jalaliDayOf('2026-11-18T20:15:00Z'), '1405/08/27');
  for (const bad of ['1405/12/30', '1405/13/01', '2026-02-30', 'دیروز', '1405/08']) assert.ok('error' in parseDay(bad), bad);
});
