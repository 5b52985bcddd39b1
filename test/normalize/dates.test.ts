import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDate, toJalali, formatJalali, jalaliDayRange, parseJalaliDay } from '../../src/normalize/index.ts';

const NOW = new Date('2023-06-01T10:00:00Z'); // 1402/03/11 13:30 Tehran

// 1402/03/09 12:27 Tehran (+03:30, no summer time from 2023) = 08:57Z.
const forms: [string, string][] = [
  ['۰۹ خرداد ۱۴۰۲ - ۱۲:۲۷', '2023-05-30T08:57:00.000Z'],
  ['3 تير 1402 ساعت 12:31', '2023-06-24T09:01:00.000Z'],
  ['یکشنبه, ۱۹ دی ۱۴۰۰ ۱۲:۵۷', '2022-01-09T09:27:00.000Z'],
  ['1402/03/09 - 12:27', '2023-05-30T08:57:00.000Z'],
  ['۱۴۰۲-۰۳-۰۹ ۱۲:۲۷', '2023-05-30T08:57:00.000Z'],
  ['۱۲:۲۷ - ۱۴۰۲/۰۳/۰۹', '2023-05-30T08:57:00.000Z'],
  ['تاریخ انتشار: ۰۹ خرداد ۱۴۰۲ - ۱۲:۲۷', '2023-05-30T08:57:00.000Z'],
  ['انتشار: ۱۴۰۲/۰۳/۰۹ | ۱۲:۲۷', '2023-05-30T08:57:00.000Z'],
  ['سه‌شنبه ۹ خرداد ۱۴۰۲، ساعت ۱۲:۲۷', '2023-05-30T08:57:00.000Z'],
  ['سه شنبه ۰۹ خرداد ۱۴۰۲ | ۱۲:۲۷', '2023-05-30T08:57:00.000Z'],
  ['١٤٠٢/٠٣/٠٩ ١٢:٢٧', '2023-05-30T08:57:00.000Z'],
  ['۹ خرداد ماه ۱۴۰۲ ساعت ۱۲:۲۷:۳۰', '2023-05-30T08:57:30.000Z'],
  ['۱۹ دي ۱۴۰۰ - ۱۲:۵۷', '2022-01-09T09:27:00.000Z'],
  ['۱۰ امرداد ۱۴۰۲ ۱۰:۰۰', '2023-08-01T06:30:00.000Z'],
  ['۱۰ مرداد ۱۴۰۲ ۱۰:۰۰', '2023-08-01T06:30:00.000Z'],
  ['۵ ابان ۱۴۰۲ ۱۰:۰۰', '2023-10-27T06:30:00.000Z'],
  ['۵ اذر ۱۴۰۲ ۱۰:۰۰', '2023-11-26T06:30:00.000Z'],
  ['۲ بهمن ۱۴۰۲ ساعت ۸:۰۵ ب.ظ', '2024-01-22T16:35:00.000Z'],
  // Summer time: before 2023 Tehran was +04:30 from 2 Farvardin to 30 Shahrivar.
  ['1401/04/15 12:00', '2022-07-06T07:30:00.000Z'],
  ['1402/04/15 12:00', '2023-07-06T08:30:00.000Z'],
  ['1401/07/15 12:00', '2022-10-07T08:30:00.000Z'],
  ['1390/05/01 09:00', '2011-07-23T04:30:00.000Z'],
  // Date without time: start of that Tehran day.
  ['۹ خرداد ۱۴۰۲', '2023-05-29T20:30:00.000Z'],
  ['1401/04/15', '2022-07-05T19:30:00.000Z'],
  // Leap year: 1403 is leap, so 30 Esfand exists.
  ['1403/12/30', '2025-03-19T20:30:00.000Z'],
  // Feeds: RFC 822 and ISO 8601.
  ['Tue, 30 May 2023 08:57:00 GMT', '2023-05-30T08:57:00.000Z'],
  ['Tue, 30 May 2023 12:27:00 +0330', '2023-05-30T08:57:00.000Z'],
  ['Wed, 06 Jul 2022 12:00:00 +0430', '2022-07-06T07:30:00.000Z'],
  ['30 May 23 08:57 GMT', '2023-05-30T08:57:00.000Z'],
  ['2023-05-30T08:57:00Z', '2023-05-30T08:57:00.000Z'],
  ['2023-05-30T12:27:00+03:30', '2023-05-30T08:57:00.000Z'],
  ['2023-05-30T12:27:00.250+0330', '2023-05-30T08:57:00.250Z'],
  ['2023-05-30 12:27', '2023-05-30T08:57:00.000Z'], // zone-less: Tehran wall time
  ['2022-07-06T12:00:00', '2022-07-06T07:30:00.000Z'],
  ['۳۰ مه ۲۰۲۳ ۱۲:۲۷', '2023-05-30T08:57:00.000Z'],
  // Relative forms against NOW.
  ['۳ ساعت پیش', '2023-06-01T07:00:00.000Z'],
  ['3 ساعت قبل', '2023-06-01T07:00:00.000Z'],
  ['۱۵ دقیقه پیش', '2023-06-01T09:45:00.000Z'],
  ['یک ساعت پیش', '2023-06-01T09:00:00.000Z'],
  ['دو روز پیش', '2023-05-30T10:00:00.000Z'],
  ['دقایقی پیش', '2023-06-01T10:00:00.000Z'],
  ['دیروز', '2023-05-30T20:30:00.000Z'],
  ['دیروز ۱۸:۳۰', '2023-05-31T15:00:00.000Z'],
  ['امروز ساعت ۰۹:۰۰', '2023-06-01T05:30:00.000Z'],
  ['۳ ساعت و ۲۰ دقیقه پیش', '2023-06-01T06:40:00.000Z'],
  ['حدود ۲ ساعت پیش', '2023-06-01T08:00:00.000Z'],
  ['یک و نیم ساعت پیش', '2023-06-01T08:30:00.000Z'],
  ['نیم ساعت قبل', '2023-06-01T09:30:00.000Z'],
];

test('parseDate: every seen form gives the right instant', () => {
  for (const [input, iso] of forms) {
    const r = parseDate(input, { now: NOW });
    assert.ok(r.ok, `${input}: ${r.ok ? '' : r.error}`);
    assert.equal(r.date.toISOString(), iso, input);
  }
});

const invalid: [string, RegExp][] = [
  ['1402/12/30', /not a Jalali date/], // 1402 is a common year
  ['30 اسفند 1402', /not a Jalali date/],
  ['1402/03/32', /not a Jalali date/],
  ['1402/13/01', /month 13/],
  ['1402/00/10', /month 0/],
  ['1402/03/09 24:10', /invalid time/],
  ['1402/03/09 12:60', /invalid time/],
  ['۰۲/۰۳/۰۹', /two-digit year/],
  ['۱۹ دی', /no year/],
  ['2023-02-29T10:00:00Z', /not a Gregorian date/],
  ['۲ ماه پیش', /imprecise/],
  ['ساعاتی پیش', /vague/],
  ['سلام دنیا', /no date found/],
  ['', /empty/],
  ['   ', /empty/],
  ['0999/01/01', /out of range/],
];

test('parseDate: invalid dates are rejected with a reason, never guessed', () => {
  for (const [input, why] of invalid) {
    const r = parseDate(input, { now: NOW });
    assert.equal(r.ok, false, `${input} should be rejected`);
    if (!r.ok) assert.match(r.error, why, input);
  }
});

test('parseDate: relative forms default to the current time', () => {
  const before = Date.now();
  const r = parseDate('۲ ساعت پیش');
  assert.ok(r.ok);
  const expected = before - 2 * 3600_000;
  assert.ok(Math.abs(r.date.getTime() - expected) < 5000);
});

test('toJalali and formatJalali use Tehran time', () => {
  // 2026-11-21T21:00Z is already 1 Azar 1405 in Tehran (00:30 local).
  assert.deepEqual(toJalali(new Date('2026-11-21T21:00:00Z')), { jy: 1405, jm: 9, jd: 1 });
  assert.deepEqual(toJalali(new Date('2026-11-21T20:00:00Z')), { jy: 1405, jm: 8, jd: 30 });
  assert.equal(formatJalali(new Date('2026-11-21T21:00:00Z')), '۱ آذر ۱۴۰۵');
  assert.equal(formatJalali(new Date('2026-11-21T21:00:00Z'), { digits: 'latin' }), '1 آذر 1405');
  assert.equal(formatJalali(new Date('2022-07-06T07:30:00Z'), { time: true }), '۱۵ تیر ۱۴۰۱ ساعت ۱۲:۰۰');
});

test('jalaliDayRange and parseJalaliDay', () => {
  const r = jalaliDayRange('1405/09/01');
  assert.equal(r.start.toISOString(), '2026-11-21T20:30:00.000Z');
  assert.equal(r.end.toISOString(), '2026-11-22T20:30:00.000Z');
  const summer = jalaliDayRange('۱۴۰۱-۰۴-۱۵');
  assert.equal(summer.start.toISOString(), '2022-07-05T19:30:00.000Z');
  assert.equal(summer.end.getTime() - summer.start.getTime(), 86_400_000);
  assert.deepEqual(parseJalaliDay('۱۴۰۵-۰۹-۰۱'), { jy: 1405, jm: 9, jd: 1 });
  assert.deepEqual(parseJalaliDay('1405/9/1'), { jy: 1405, jm: 9, jd: 1 });
  assert.throws(() => parseJalaliDay('1402/12/30'), /not a date/);
  assert.throws(() => parseJalaliDay('yesterday'), /expected YYYY\/MM\/DD/);
  // Round trip: every parsed day formats back to itself.
  for (const day of ['1401/01/01', '1401/06/31', '1401/07/01', '1403/12/30', '1405/09/01']) {
    const { start } = jalaliDayRange(day);
    const j = toJalali(start);
    assert.equal(`${j.jy}/${String(j.jm).padStart(2, '0')}/${String(j.jd).padStart(2, '0')}`, day);
  }
});

test('parseDate reads every date form the outlet farm prints (property)', async () => {
  const fc = (await import('fast-check')).default;
  const farm = await import('../farm/dates.ts');
  const { tehranWallTime, tehranToUtc } = await import('../../src/normalize/index.ts');
  const sameWall = (a: Date, b: Date): boolean => {
    const x = tehranWallTime(a);
    const y = tehranWallTime(b);
    return x.year === y.year && x.month === y.month && x.day === y.day && x.hour === y.hour && x.minute === y.minute;
  };
  fc.assert(
    fc.property(
      fc.date({ min: new Date('2011-03-21T00:00:00Z'), max: new Date('2031-03-20T00:00:00Z'), noInvalidDate: true }),
      fc.integer({ min: 0, max: farm.DATE_FORMS.length - 1 }),
      fc.constantFrom('persian' as const, 'ascii' as const),
      fc.boolean(),
      fc.boolean(),
      fc.oneof(fc.constant(''), fc.constant(' | '), fc.constant('  ')),
      (raw, form, digits, arabicLetters, monthVariants, noise) => {
        const instant = new Date(Math.floor(raw.getTime() / 60_000) * 60_000);
        // The hour repeated when summer time ended (before 2023) is ambiguous on a page: skip it.
        const hour = 3_600_000;
        if (sameWall(instant, new Date(instant.getTime() + hour)) || sameWall(instant, new Date(instant.getTime() - hour))) return;
        const text = noise + farm.formatJalali(instant, { form, digits, arabicLetters, monthVariants }) + noise;
        const r = parseDate(text);
        assert.ok(r.ok, `${text}: ${r.ok ? '' : r.error}`);
        let expected = instant;
        if (farm.dayPrecision(form)) {
          const w = tehranWallTime(instant);
          expected = tehranToUtc(w.year, w.month, w.day);
        }
        assert.equal(r.date.toISOString(), expected.toISOString(), text);
        // Feed forms of the same instant.
        for (const feed of [farm.isoTehran(instant), farm.rfc822Tehran(instant), instant.toISOString(), instant.toUTCString()]) {
          const f = parseDate(feed);
          assert.ok(f.ok, `${feed}: ${f.ok ? '' : f.error}`);
          assert.equal(f.date.toISOString(), instant.toISOString(), feed);
        }
      },
    ),
    { numRuns: 1500 },
  );
});
