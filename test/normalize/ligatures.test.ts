import { test } from 'node:test';
import assert from 'node:assert/strict';
import { repairLigatures } from '../../src/normalize/index.ts';

const cases: [string, string][] = [
  ['جلسه شورای اسامی شهر تبریز', 'جلسه شورای اسلامی شهر تبریز'],
  ['نظام جمهوری اسامی', 'نظام جمهوری اسلامی'],
  ['انقلاب اسامی ایران', 'انقلاب اسلامی ایران'],
  ['در کان شهرها ترافیک زیاد است', 'در کلان\u200cشهرها ترافیک زیاد است'],
  ['سال ۲۰۲۳ میادی', 'سال ۲۰۲۳ میلادی'],
  ['ایحه بودجه', 'لایحه بودجه'],
  ['اصاحیه طرح تفصیلی', 'اصلاحیه طرح تفصیلی'],
  ['کانتری ۱۲', 'کلانتری ۱۲'],
];
const untouched = [
  'اسامی متخلفان اعلام شد', // "names": correct as written
  'فهرست اسامی نامزدها',
  'شورای اسلامی شهر', // already right
  'کان یکی بود', // «کان» not before «شهر»
  'اطلاعات کامل',
];

test('repairLigatures repairs lost lam-alef in context', () => {
  for (const [input, expected] of cases) assert.equal(repairLigatures(input), expected, input);
});

test('repairLigatures leaves real words alone', () => {
  for (const s of untouched) assert.equal(repairLigatures(s), s);
});
