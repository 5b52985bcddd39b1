import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { normalize } from '../../src/normalize/index.ts';

const ZWNJ = '\u200c';

// Cases written from Hazm's documented rules (hazm/normalizer.py docstrings), one table per step.
const characterTable: [string, string][] = [
  ['اصلاح نويسه ها', 'اصلاح نویسه‌ها'], // Arabic yeh
  ['ىک كتاب', 'یک کتاب'], // alef maksura, Arabic kaf
  ['ھمه و ہمه', 'همه و همه'], // heh doachashmee, heh goal
  ['ﻛﺘﺎﺏ ﻓﺎﺭﺳﻰ', 'کتاب فارسی'], // presentation forms
  ['ﯾﮏ', 'یک'], // Persian presentation forms
  ['متن\u00a0با\u00a0فاصله', 'متن با فاصله'], // NBSP
  ['خطی\r\nدیگر', 'خطی\nدیگر'],
];
const persianStyle: [string, string][] = [
  ['او گفت "سلام" و رفت', 'او گفت «سلام» و رفت'],
  ['نرخ 12.5 است', 'نرخ ۱۲٫۵ است'],
  ['و غیره...', 'و غیره …'],
  ['صبر کن ... بعد', 'صبر کن … بعد'],
];
const digits: [string, string][] = [
  ['سال 1402', 'سال ۱۴۰۲'],
  ['سال ١٤٠٢', 'سال ۱۴۰۲'],
  ['رشد 20%', 'رشد ۲۰٪'],
];
const diacritics: [string, string][] = [
  ['کُتُب', 'کتب'],
  ['عَلَیْهِ‌السَّلام', 'علیه‌السلام'],
  ['مُحَمَّدٌ', 'محمد'],
];
const spacing: [string, string][] = [
  ['این    متن   فاصله دارد', 'این متن فاصله دارد'],
  ['تهـــران', 'تهران'],
  ['می خواهم', `می${ZWNJ}خواهم`],
  ['نمی دانم', `نمی${ZWNJ}دانم`],
  ['بزرگ تر و بزرگ ترین', `بزرگ${ZWNJ}تر و بزرگ${ZWNJ}ترین`],
  ['ریخته گری', `ریخته${ZWNJ}گری`],
  ['کتاب ها و کتاب های من', `کتاب${ZWNJ}ها و کتاب${ZWNJ}های من`],
  ['خانه ام', `خانه${ZWNJ}ام`],
  ['نامه ای رسید', `نامه${ZWNJ}ای رسید`],
  ['رفته اند', `رفته${ZWNJ}اند`],
  [`نیم${ZWNJ}${ZWNJ}فاصله`, `نیم${ZWNJ}فاصله`],
  [`کلمه${ZWNJ} بعدی`, 'کلمه بعدی'],
  ['( متن )', '(متن)'],
  ['سلام ، خوبی ؟', 'سلام، خوبی؟'],
  ['سلام،خوبی', 'سلام، خوبی'],
  ['«  نقل  »', '«نقل»'],
  ['۵۰درصد', '۵۰ درصد'],
  ['ماده۱۰۰', 'ماده ۱۰۰'],
];
const unicodeReplacements: [string, string][] = [
  ['۱۰ ﷼', '۱۰ ریال'],
  ['ﷲ اکبر', 'الله اکبر'],
  ['ﻻ اله', 'لا اله'],
  ['ﻹ', 'لإ'],
];
const specialMarks: [string, string][] = [
  ['قرآنۖ', 'قرآن'],
  ['رحمٰن', 'رحمن'],
];

// Hazm's own docstring examples, for the rule-based (non-dictionary) steps.
const hazmDocstrings: [string, string][] = [
  ['اِعلام کَرد : « زمین لرزه ای به بزرگیِ 6 دهم ریشتر ...»', 'اعلام کرد: «زمین لرزه‌ای به بزرگی ۶ دهم ریشتر …»'],
  ['به طول ۹متر و عرض۶', 'به طول ۹ متر و عرض ۶'],
  ['کاروان\u200c\u200cسرا', 'کاروان\u200cسرا'],
  ['\u200cمیخواهی', 'میخواهی'],
  ['ای\u200c', 'ای'],
  ['صبح\u200c\u200c', 'صبح'],
  ['نامه ای دریافت شد', 'نامه\u200cای دریافت شد'],
  ['"نرمال\u200cسازی"', '«نرمال\u200cسازی»'],
  ['و ...', 'و …'],
  ['10.450', '۱۰٫۴۵۰'],
  ['حَذفِ اِعراب', 'حذف اعراب'],
  ['5 درصد', '۵ درصد'],
  ['پیامبر اکرم ﷺ', 'پیامبر اکرم صلی الله علیه وسلم'],
  ['سلام   دنیا', 'سلام دنیا'],
];

// kaghaz improvements over Hazm for news text.
const improvements: [string, string][] = [
  ['سایت https://shahr.example.ir/news/12345?x=1%20y بود', 'سایت https://shahr.example.ir/news/12345?x=1%20y بود'],
  ['نشانی info@tabriz.example.ir است.', 'نشانی info@tabriz.example.ir است.'],
  ['مبلغ 12,500 تومان', 'مبلغ ۱۲,۵۰۰ تومان'],
  ['تاریخ 1402/03/09 ساعت 12:27', 'تاریخ ۱۴۰۲/۰۳/۰۹ ساعت ۱۲:۲۷'],
  ['کد ۱۴۰۲-۰۳-۰۹', 'کد ۱۴۰۲-۰۳-۰۹'],
  ['بندر ها', 'بندرها'],
  [`بندر${ZWNJ}ها`, 'بندرها'],
  ['دور تر', 'دورتر'],
  ['خودرو ها', 'خودروها'],
  ['۱۵ می ۲۰۲۳', '۱۵ می ۲۰۲۳'],
  ['ماه می گذشته', 'ماه می گذشته'],
  ['که ای کاش', 'که ای کاش'],
  ['فایل mp3 و H2O', 'فایل mp3 و H2O'],
  ['ساعت ۱۰ ق.ظ', 'ساعت ۱۰ ق.ظ'],
  ['نامهٔ شهردار', 'نامۀ شهردار'], // hamza above composes instead of vanishing
  ['node.js را نصب کن.سپس برو', 'node.js را نصب کن. سپس برو'],
  ['رتبه ۲۰ام', 'رتبه ۲۰ام'],
  ['رسانهها و دهها نفر', `رسانه${ZWNJ}ها و ده${ZWNJ}ها نفر`],
  ['سادهتر و بهتر و کهتر', `ساده${ZWNJ}تر و بهتر و کهتر`],
];

for (const [name, table] of Object.entries({
  characterTable, persianStyle, digits, diacritics, spacing, unicodeReplacements, specialMarks, hazmDocstrings, improvements,
})) {
  test(`normalize: ${name}`, () => {
    for (const [input, expected] of table) {
      assert.equal(normalize(input), expected, `input ${JSON.stringify(input)}`);
      assert.equal(normalize(expected), expected, `not idempotent on ${JSON.stringify(expected)}`);
    }
  });
}

test('normalize keeps paragraphs and trims', () => {
  assert.equal(normalize('  بند اول.  \n\n  بند دوم  '), 'بند اول.\n\nبند دوم');
});

// Pieces that exercise every rule, so random concatenations hit rule interactions.
const PIECES = [
  'می', 'نمی', ' ', ' ', ' ', '\u200c', 'ها', 'های', 'تر', 'ترین', 'گر', 'ه', 'ام', 'ای', 'ی', 'ی ', 'ر', 'ا',
  'کتاب', 'خانه', 'بندر', 'شهرداری', 'تبريز', 'ك', '.', '...', '…', '،', '؛', ':', '!', '؟', '«', '»', '(', ')',
  '"', '12', '۱۲', '١٢', ',', '/', '٫', '%', 'ـ', 'َ', 'ٔ', '\n', 'https://a.ir/x', 'a@b.ir', 'mp3', 'ق', 'ﷲ', 'ﻻ',
  'abc', '15 می 2023', 'ماه', 'که', '\u00a0', '\r', '\t', '“', '”',
];
const persianish = fc.array(fc.constantFrom(...PIECES), { maxLength: 25 }).map((a) => a.join(''));

test('normalize is idempotent (property)', () => {
  fc.assert(
    fc.property(persianish, (s) => {
      const once = normalize(s);
      assert.equal(normalize(once), once);
    }),
    { numRuns: 3000 },
  );
});

test('normalize is idempotent on arbitrary strings (property)', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
      const once = normalize(s);
      assert.equal(normalize(once), once);
    }),
    { numRuns: 1000 },
  );
});
