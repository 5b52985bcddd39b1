import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { matchKey, matchKeyWithMap, originalSpan } from '../../src/normalize/index.ts';

const ZWNJ = '\u200c';

function meet(variants: string[]): void {
  const keys = variants.map(matchKey);
  for (let i = 1; i < keys.length; i++) {
    assert.equal(keys[i], keys[0], `${JSON.stringify(variants[i])} vs ${JSON.stringify(variants[0])}`);
  }
}

test('matchKey: variant spellings meet', () => {
  meet(['شهرداري تبريز', 'شهرداری تبریز', 'شهرداریِ تبریز', 'شهرداری  تبریز', 'شهـرداری تبریز']);
  meet([`بین${ZWNJ}الملل`, 'بینالملل', 'بین الملل']);
  meet([`بین${ZWNJ}المللی`, 'بینالمللی', 'بین المللی']);
  meet([`شهرداری${ZWNJ}ها`, 'شهرداریها', 'شهرداری ها']);
  meet([`شهرداری${ZWNJ}های`, 'شهرداریهای', 'شهرداری های']);
  meet([`بندر${ZWNJ}ها`, 'بندرها', 'بندر ها']);
  meet([`بزرگ${ZWNJ}تر`, 'بزرگتر', 'بزرگ تر']);
  meet([`می${ZWNJ}روند`, 'میروند', 'می روند']);
  meet([`نمی${ZWNJ}دانند`, 'نمیدانند', 'نمی دانند']);
  meet([`کلان${ZWNJ}شهرها`, 'کلانشهرها', 'کلان شهرها', 'کلان شهر ها']);
  meet([`آتش${ZWNJ}نشانی`, 'آتشنشانی', 'آتش نشانی']);
  meet([`خانه${ZWNJ}ی شهر`, 'خانۀ شهر', 'خانهٔ شهر', 'خانه ی شهر']);
  meet(['پائین', 'پایین']);
  meet(['مدرسة', 'مدرسه', 'مدرسۀ']);
  meet(['۱۴۰۲', '1402', '١٤٠٢']);
  meet(['۱۲٬۵۰۰', '12,500', '12500', '۱۲،۵۰۰']);
  meet(['۱۲٫۵', '12.5']);
  meet(['ﻛﺘﺎﺏ', 'کتاب']);
  meet(['ﷲ', 'الله']);
  meet(['TEHRAN Municipality', 'tehran municipality']);
  meet(['café', 'cafe']);
});

test('matchKey: different words stay different', () => {
  assert.notEqual(matchKey('تبریزی'), matchKey('تبریز'));
  assert.ok(!` ${matchKey('شهروندان تبریزی گفتند')} `.includes(` ${matchKey('تبریز')} `), 'تبریزی must not contain the token تبریز');
  assert.ok(` ${matchKey('شهرداری‌های تبریز')} `.includes(` ${matchKey('شهرداری')} `));
  assert.notEqual(matchKey('تنها'), matchKey('تن ها'), '«تنها» (alone) is not a plural');
  assert.equal(matchKey('تنهایی'), 'تنهایی');
  assert.ok(matchKey('۱۵ می ۲۰۲۳').includes('می 2023'), 'the month «می» is not glued to a number');
  assert.equal(matchKey('دفتر شهردار'), 'دفتر شهردار', 'a word ending in تر is not split');
  assert.equal(matchKey('ماه می گذشته'), 'ماه می گذشته');
});

test('matchKey: contract (lowercase Latin, single spaces, no edge spaces)', () => {
  for (const s of ['  Hello, WORLD!  ', '«شهرداری» — تبریز…', '\n\nیک\t\tدو\u200c\u200cسه\n', '', '...', 'A\u00a0B']) {
    const k = matchKey(s);
    assert.equal(k, k.trim());
    assert.ok(!k.includes('  '));
    assert.equal(k, k.toLowerCase());
    assert.ok(!/[\u200c\u064b-\u0652\u0640]/.test(k));
  }
  assert.equal(matchKey('  Hello, WORLD!  '), 'hello world');
  assert.equal(matchKey(''), '');
});

test('matchKeyWithMap: map points into the original text', () => {
  const text = 'خبر: شهرداري‌ها در  تبريز، ۱۲,۵۰۰ تومان';
  const { key, map } = matchKeyWithMap(text);
  assert.equal(key, matchKey(text));
  assert.equal(map.length, key.length);
  for (let i = 1; i < map.length; i++) assert.ok(map[i] >= map[i - 1], 'map is monotone');
  const at = key.indexOf('تبریز');
  const span = originalSpan(text, map, at, at + 'تبریز'.length);
  assert.equal(text.slice(span.start, span.end), 'تبريز');
  const n = key.indexOf('12500');
  const nspan = originalSpan(text, map, n, n + 5);
  assert.equal(text.slice(nspan.start, nspan.end), '۱۲,۵۰۰');
});

test('matchKeyWithMap: spans include trailing diacritics and expansions map to their source', () => {
  const text = 'سلامٌ ﷲ';
  const { key, map } = matchKeyWithMap(text);
  assert.equal(key, 'سلام الله');
  const s = originalSpan(text, map, 0, 4);
  assert.equal(text.slice(s.start, s.end), 'سلامٌ');
  const g = originalSpan(text, map, 5, 9);
  assert.equal(text.slice(g.start, g.end), 'ﷲ');
});

// Property: generated variant spellings of the same phrase have the same key.
const WORDS = ['شهرداری', 'تبریز', 'کمیسیون', 'یکی', 'کودک', 'پیکان', 'شورای', 'شهر', 'بودجه', 'پارک', 'مشهد', 'کارگر'];
const COMPOUNDS: [string, string][] = [['بین', 'المللی'], ['کلان', 'شهر'], ['می', 'روند'], ['بزرگ', 'تر'], ['آتش', 'نشانی']];
const PLURALIZABLE = ['شهرداری', 'کودک', 'پارک', 'بندر', 'خیابان', 'مدرسه'];
type Unit = { kind: 'word'; w: string } | { kind: 'compound'; a: string; b: string } | { kind: 'plural'; w: string } | { kind: 'number'; n: number };

const unitArb: fc.Arbitrary<Unit> = fc.oneof(
  fc.constantFrom(...WORDS).map((w) => ({ kind: 'word' as const, w })),
  fc.constantFrom(...COMPOUNDS).map(([a, b]) => ({ kind: 'compound' as const, a, b })),
  fc.constantFrom(...PLURALIZABLE).map((w) => ({ kind: 'plural' as const, w })),
  fc.integer({ min: 0, max: 99999 }).map((n) => ({ kind: 'number' as const, n })),
);

const DIGITS = { latin: '0123456789', fa: '۰۱۲۳۴۵۶۷۸۹', ar: '٠١٢٣٤٥٦٧٨٩' };

function render(units: Unit[], choices: number[]): string {
  let k = 0;
  const pick = (n: number): number => choices[k++ % choices.length] % n;
  const spell = (w: string): string => {
    let out = '';
    for (const ch of w) {
      let c = ch;
      if (c === 'ی' && pick(3) === 1) c = 'ي';
      else if (c === 'ی' && pick(3) === 2) c = 'ى';
      if (c === 'ک' && pick(2) === 1) c = 'ك';
      out += c;
      if (pick(5) === 0) out += 'َ'; // fatha
      if (pick(7) === 0 && !'ادذرزژو'.includes(ch)) out += 'ـ'; // kashida
    }
    return out;
  };
  const joiner = (): string => ['', ZWNJ, ' '][pick(3)];
  return units
    .map((u) => {
      if (u.kind === 'word') return spell(u.w);
      if (u.kind === 'compound') return spell(u.a) + joiner() + spell(u.b);
      if (u.kind === 'plural') return spell(u.w) + joiner() + 'ها';
      const digits = Object.values(DIGITS)[pick(3)];
      return String(u.n).replace(/\d/g, (d) => digits[Number(d)]);
    })
    .join(['  ', ' ', '\u00a0'][pick(3)]);
}

test('matchKey: generated variant spellings meet (property)', () => {
  fc.assert(
    fc.property(
      fc.array(unitArb, { minLength: 1, maxLength: 6 }),
      fc.array(fc.nat(1000), { minLength: 1, maxLength: 40 }),
      fc.array(fc.nat(1000), { minLength: 1, maxLength: 40 }),
      (units, c1, c2) => {
        assert.equal(matchKey(render(units, c1)), matchKey(render(units, c2)));
      },
    ),
    { numRuns: 2000 },
  );
});

test('matchKey is idempotent and deterministic (property)', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => {
      const k = matchKey(s);
      assert.equal(matchKey(s), k);
      assert.equal(matchKey(k), k);
    }),
    { numRuns: 1000 },
  );
});

test('matchKey: closed spellings of common compounds meet their ZWNJ and spaced forms', () => {
  meet([`اعلام${ZWNJ}شده`, 'اعلامشده', 'اعلام شده']);
  meet([`جمع${ZWNJ}آوری`, 'جمعآوری', 'جمع آوری']);
  meet([`کرده${ZWNJ}اند`, 'کردهاند', 'کرده اند']);
  meet([`بهره${ZWNJ}برداری`, 'بهرهبرداری', 'بهره برداری']);
  meet([`پیش${ZWNJ}بینی${ZWNJ}شده`, 'پیشبینیشده', 'پیش بینی شده']);
  meet([`شرکت${ZWNJ}کنندگان`, 'شرکتکنندگان', 'شرکت کنندگان']);
  meet([`سه${ZWNJ}شنبه`, 'سهشنبه', 'سه شنبه']);
  meet([`حمل${ZWNJ}و${ZWNJ}نقل`, `حمل${ZWNJ}ونقل`, 'حملونقل', 'حمل و نقل']);
  meet([`گفت${ZWNJ}وگو`, 'گفتوگو', 'گفت و گو']);
  meet([`سال${ZWNJ}هاست`, 'سالهاست', 'سال هاست']);
  meet([`خرم${ZWNJ}آباد`, 'خرمآباد', 'خرم آباد']);
  meet([`نجف${ZWNJ}آبادی`, 'نجفآبادی', 'نجف آبادی']);
});

test('matchKey: real words that merely end like a bound morpheme stay one token', () => {
  const cities = 'تبریز تهران مشهد شیراز اصفهان کرج قم اهواز کرمانشاه ارومیه رشت زاهدان همدان کرمان یزد اردبیل بندرعباس اراک زنجان سنندج قزوین گرگان ساری کاشان دزفول نیشابور سبزوار بابل آمل بجنورد بوشهر بیرجند ایلام یاسوج سمنان مراغه مرند'.split(' ');
  const words = 'شهرداری شهردار شورای شهری اتوبوسرانی نوسازی بهسازی دیگر دفتر کیلومتر تنها تنهایی رها رهایی بها بهای برنامه کارمند هنرمند نشده احتمالات سوالات تماشاگر بیانگر داوری مشاوری پاریزی کاریزی دلاوری باوری معاونت پسماند بوستان پیمانکار نمایندگان استانداری فرمانداری دادستانی'.split(' ');
  for (const w of [...cities, ...cities.map((c) => c + 'ی'), ...words]) {
    assert.ok(!matchKey(w).includes(' '), `${w} was split: ${matchKey(w)}`);
  }
});

test('matchKey on the outlet farm: disfigured copies key like the clean text', async () => {
  const { generateArticles, applyStyle, CLEAN_STYLE } = await import('../farm/content.ts');
  const articles = generateArticles(120, 5, { style: CLEAN_STYLE });
  let fields = 0;
  for (const a of articles) {
    for (const text of [a.title, a.lead, a.body]) {
      const clean = matchKey(text);
      for (const letters of ['persian', 'arabic'] as const) {
        for (const digits of ['ascii', 'arabic-indic', 'mixed'] as const) {
          for (const zwnj of ['keep', 'space'] as const) {
            const v = applyStyle(text, { letters, digits, zwnj, kashida: false }, fields);
            assert.equal(matchKey(v), clean, `${letters}/${digits}/${zwnj}: ${v.slice(0, 60)}`);
          }
        }
        // ZWNJ dropped: free compounds without a dictionary may differ, but the municipality's
        // name and its plural forms must still be found.
        const dropped = ` ${matchKey(applyStyle(text, { letters, digits: 'persian', zwnj: 'drop', kashida: false }))} `;
        for (const entity of ['شهرداری', 'شهردار', 'شورای شهر', 'تبریز']) {
          const k = ` ${matchKey(entity)} `;
          if (` ${clean} `.includes(k)) assert.ok(dropped.includes(k), `${entity} lost in ${text.slice(0, 60)}`);
        }
      }
      fields++;
    }
  }
  assert.ok(fields >= 300);
});

test('matchKey(normalize(x)) === matchKey(x): keys do not depend on display normalization (property)', async () => {
  const { normalize } = await import('../../src/normalize/index.ts');
  const pieces = [
    'می', 'نمی', ' ', ' ', '\u200c', 'ها', 'های', 'تر', 'ترین', 'گر', 'ه', 'ام', 'ای', 'ی', 'ر', 'ا', 'د', 'خود', 'رو',
    'کتاب', 'خانه', 'بندر', 'شهرداری', 'تبريز', 'ك', '.', '...', '،', '؛', ':', '!', '؟', '«', '»', '(', ')', '"',
    '12', '۱۲', '١٢', ',', '/', '٫', '%', 'ـ', 'َ', 'ٔ', '\n', 'mp3', 'ﷲ', 'ﻻ', 'abc', 'ماه', 'که', '۵۰درصد', 'ة',
    'https://a.ir/x', 'a@b.ir', 'بین', 'ال', 'شده', 'اند', 'ﺍ', 'ۀ', 'آ', 'ء', 'ئ',
  ];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 25 }).map((a) => a.join('')), (s) => {
      assert.equal(matchKey(normalize(s)), matchKey(s));
    }),
    { numRuns: 3000 },
  );
  meet(['خود\u200cرو', 'خودرو']);
  meet(['۵۰درصد', '۵۰ درصد']);
});
