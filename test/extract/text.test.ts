import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isFurniture } from '../../src/extract/text.ts';

test('furniture labels are dropped when they stand alone, with a count, or before a colon', () => {
  for (const line of [
    'بیشتر بخوانید', 'بیشتر بخوانید: افزایش کرایه تاکسی در مشهد', 'بیشتر: خبری دیگر', 'اخبار مرتبط', 'موضوعات مرتبط:',
    'نظرات', 'نظرات (۳)', 'دیدگاه‌ها', 'کد خبر: ۴۵۱۲۰', 'برچسب‌ها: تبریز، شهرداری', 'پربیننده‌ترین', 'آخرین اخبار', 'لینک کوتاه:',
    'به کانال تلگرام ما بپیوندید',
  ]) {
    assert.equal(isFurniture(line), true, line);
  }
});

test('prose that opens with a label word is kept', () => {
  for (const line of [
    'نظرات شهروندان درباره طرح جدید شهرداری متفاوت است و برخی آن را ناکافی می‌دانند.',
    'آخرین اخبار از وضعیت مصدومان حادثه نشان می‌دهد حال آنان رو به بهبود است.',
    'پیشنهاد ما به شهرداری تبریز این است که اجرای طرح را تا پایان زمستان متوقف کند.',
    'بیشتر شهروندان از کندی پروژه ناراضی‌اند.',
    'دیدگاه‌های متفاوتی درباره این طرح در شورای شهر مطرح شد.',
  ]) {
    assert.equal(isFurniture(line), false, line);
  }
});
