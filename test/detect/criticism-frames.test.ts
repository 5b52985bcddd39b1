// The general criticism frames added after the independent split (docs/detection.md): each test
// pairs a critical sentence with a near neighbour that must stay neutral, so a rule that fires on
// everything fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadProfile } from '../../src/config.ts';
import { createDetector } from '../../src/detect/detector.ts';

const detector = createDetector(loadProfile(join('config', 'profiles', 'tabriz.json')), { model: null });
const critical = (body: string, title = '') =>
  detector.detect({ title, body, publishedAt: '2024-06-01T08:00:00Z', sourceId: 'isna' }).critical;

test('a complainant reporting a negated verb about us is a complaint; praise in the same frame is not', () => {
  assert.equal(critical('کسبه خیابان شریعتی تبریز می‌گویند شهرداری تبریز پیاده‌رو جلوی مغازه‌هایشان را درست نکرده است.'), true);
  assert.equal(critical('کسبه خیابان شریعتی تبریز می‌گویند شهرداری تبریز پیاده‌رو جلوی مغازه‌هایشان را به خوبی بازسازی کرده است.'), false);
  assert.equal(critical('کسبه خیابان شریعتی تبریز می‌گویند از وقتی شهرداری تبریز پیاده‌رو را بازسازی کرده، دیگر مشکلی برای رفت‌وآمد ندارند.'), false);
});

test('a predicate («کوتاهی کرده», «محقق نشد») is not excused by an enforcement word before it', () => {
  assert.equal(critical('یک عضو شورای شهر تبریز گفت شهرداری تبریز در ساماندهی دستفروشان کوتاهی کرده است.'), true);
  // The enforcement word still governs a problem noun: the municipality acting against it.
  assert.equal(critical('شهرداری تبریز از ساماندهی دستفروشان و برخورد با تخلفات ساختمانی در منطقه ۶ خبر داد.'), false);
});

test('a rhetorical question about us in the title is criticism; a question in our own statement is not', () => {
  assert.equal(critical('بسیاری از کوچه‌های محله شمالی هنوز آسفالت نشده است.', 'چرا شهرداری تبریز به فکر محله‌های شمالی نیست؟'), true);
  assert.equal(critical('شهردار تبریز گفت: چرا نباید از ظرفیت بخش خصوصی برای ساخت پارکینگ استفاده کنیم؟'), false);
});

test('we are the one let down in «بدون هماهنگی با شهرداری»', () => {
  assert.equal(critical('معاون شهرداری تبریز گفت شرکت گاز بدون هماهنگی با شهرداری تبریز خیابان تازه آسفالت‌شده را حفاری کرده است.'), false);
  assert.equal(critical('ساکنان محله می‌گویند شهرداری تبریز بدون هماهنگی با اهالی درختان کوچه را قطع کرده است.'), true);
});

test('unanswered requests and broken promises are criticism without any word for criticism', () => {
  assert.equal(critical('ساکنان شهرک ارم تبریز با وجود تماس‌های مکرر با شهرداری، هیچ پاسخی درباره تعمیر روشنایی معابر دریافت نکرده‌اند.'), true);
  assert.equal(critical('شهرداری تبریز وعده داده بود پل عابر پیاده تا تابستان افتتاح شود؛ اکنون پاییز است و کار پل هنوز به نیمه هم نرسیده است.'), true);
  assert.equal(critical('شهرداری تبریز وعده داد پل عابر پیاده این محله تا تابستان آینده افتتاح شود.'), false);
});

test('an excluded place name («پارک شهرداری») never runs across a comma and hides a mention', () => {
  const mentioned = (body: string) => detector.detect({ title: '', body, publishedAt: '2024-06-01T08:00:00Z', sourceId: 'isna' }).mentioned;
  assert.equal(mentioned('جشن در پارک شهرداری تبریز برگزار شد.'), false);
  assert.equal(mentioned('پس از افتتاح این پارک، شهرداری تبریز ساعت بازدید را تا نیمه‌شب تمدید کرد.'), true);
});

test('«به گفته X،» opens the complaint frame for a third party, never for our own official', () => {
  assert.equal(critical('به گفته خریداران، در بازارچه شهرداری تبریز نظارتی بر قیمت میوه وجود ندارد.'), true);
  assert.equal(critical('به گفته مدیرعامل سازمان مدیریت پسماند شهرداری تبریز، روزانه هزار تن زباله بدون وقفه به مرکز پردازش منتقل می‌شود.'), false);
});
