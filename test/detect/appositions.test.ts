import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadProfile } from '../../src/config.ts';
import { createDetector } from '../../src/detect/detector.ts';

const load = (city: string) => loadProfile(join('config', 'profiles', `${city}.json`));
const detectors = new Map<string, ReturnType<typeof createDetector>>();
const detect = (city: string, title: string, body: string) => {
  let d = detectors.get(city);
  if (!d) detectors.set(city, (d = createDetector(load(city), { model: null })));
  return d.detect({ title, body, publishedAt: '2024-06-01T08:00:00Z', sourceId: 'isna' });
};

test('(a) the mayor named by apposition complaining about the government is the municipality’s own voice', () => {
  const d = detect(
    'tabriz',
    'صادقیان: سهم دولت از قطار شهری پرداخت نشده است',
    'رحیم صادقیان، شهردار تبریز، از تأخیر دولت در پرداخت سهم پنجاه درصدی پروژه قطار شهری انتقاد کرد و اظهار داشت این تأخیر سرعت کار را کم کرده است.',
  );
  assert.equal(d.mentioned, true);
  const inTitle = d.mentions.find((m) => m.field === 'title' && m.surface === 'صادقیان');
  assert.ok(inTitle, 'the surname in the title is a mention');
  assert.equal(inTitle.entity, 'شهردار تبریز');
  assert.equal(inTitle.kind, 'mayor');
  assert.equal(inTitle.person, 'رحیم صادقیان');
  assert.equal(d.mentions.find((m) => m.surface === 'شهردار تبریز')?.person, 'رحیم صادقیان');
  assert.equal(d.critical, false);
});

test('(b) the same apposition under a citizens’ complaint about the municipality stays critical', () => {
  const d = detect(
    'tabriz',
    'ساکنان ولیعصر: شهرداری تبریز به وعده آسفالت عمل نکرده است',
    'رحیم صادقیان، شهردار تبریز، اردیبهشت امسال وعده داده بود آسفالت خیابان‌های محله تا پایان بهار تمام شود. ساکنان محله می‌گویند با گذشت سه ماه هنوز هیچ اقدامی انجام نشده و شهرداری به تماس‌های مکرر آنان پاسخی نداده است.',
  );
  assert.equal(d.mentioned, true);
  assert.equal(d.critical, true);
});

test('(b2) a reporter’s critical report that quotes the named mayor’s excuse stays critical', () => {
  const d = detect(
    'mashhad',
    'انباشت زباله در محله‌های حاشیه مشهد؛ شهرداری پاسخگو نیست',
    'با گذشت دو هفته از اعتصاب پیمانکاران، انباشت زباله در کوچه‌های محله التیمور همچنان ادامه دارد و بوی نامطبوع آن ساکنان را به ستوه آورده است. شهردار مشهد، علی کاظمی‌نیا، روز گذشته گفت پیمانکاران به‌زودی کار را از سر می‌گیرند.',
  );
  assert.equal(d.critical, true);
  assert.ok(d.mentions.some((m) => m.person === 'علی کاظمی‌نیا'));
});

test('(c) another city’s mayor named by apposition never becomes our mention', () => {
  const d = detect(
    'tabriz',
    'قاسمی: تجربه تبریز در قطار شهری را به کار می‌گیریم',
    'مهدی قاسمی، شهردار اصفهان، در سفر به تبریز از خط یک قطار شهری بازدید کرد. قاسمی گفت این سفر برای تبادل تجربه انجام شد.',
  );
  assert.equal(d.mentions.some((m) => m.surface.includes('قاسمی')), false);
  assert.equal(d.mentions.some((m) => m.person === 'مهدی قاسمی'), false);
});

test('(c2) «شهردار اصفهان، <name>،» in a Tabriz article: the name is not learned either', () => {
  const d = detect(
    'tabriz',
    'همکاری دو کلانشهر در حمل‌ونقل عمومی',
    'شهردار تبریز در نشست با همتای اصفهانی خود گفت این همکاری ادامه دارد. شهردار اصفهان، مهدی قاسمی، نیز از کمبود اعتبارات گلایه کرد. قاسمی افزود دولت باید سهم خود را بپردازد.',
  );
  assert.equal(d.mentions.some((m) => m.surface.includes('قاسمی')), false);
});

test('(c3) a generic title followed by another city’s name teaches nothing, even in an article about us', () => {
  const d = detect(
    'tabriz',
    'تبریز و اصفهان در توسعه قطار شهری همکاری می‌کنند',
    'شهردار تبریز گفت تبریز و اصفهان تجربه‌های خود را به اشتراک می‌گذارند. رضا نوروزی مدیرعامل قطار شهری اصفهان نیز در این نشست حضور داشت. نوروزی از کمبود واگن در تبریز گفت.',
  );
  assert.equal(d.mentions.some((m) => m.surface.includes('نوروزی')), false);
});

test('(d) the surname alone in a later sentence resolves to our official (title after the name)', () => {
  const d = detect(
    'mashhad',
    'افتتاح دو پارک محله‌ای در مشهد',
    'شهردار مشهد، علی کاظمی‌نیا، صبح امروز دو پارک محله‌ای را در منطقه سه افتتاح کرد. در ادامه مراسم کاظمی‌نیا از ساکنان خواست در نگهداری فضای سبز همکاری کنند.',
  );
  const later = d.mentions.filter((m) => m.surface === 'کاظمی‌نیا');
  assert.equal(later.length, 1);
  assert.equal(later[0].entity, 'شهردار مشهد');
  assert.equal(later[0].person, 'علی کاظمی‌نیا');
  assert.match(later[0].sentence, /^در ادامه مراسم/);
});

test('a compound surname is one word: «کاظمی نیا» with a space, and «کاظمی» alone is not it', () => {
  const d = detect(
    'mashhad',
    'کاظمی نیا: اتوبوس‌های برقی تا پاییز می‌رسند',
    'شهردار مشهد، علی کاظمی نیا، از ورود اتوبوس‌های برقی خبر داد. حسن کاظمی، راننده اتوبوس، نیز در این مراسم حضور داشت.',
  );
  assert.equal(d.mentions.find((m) => m.field === 'title')?.person, 'علی کاظمی نیا');
  assert.equal(d.mentions.some((m) => m.surface === 'نیا' || m.surface.includes('حسن')), false);
});

test('(d2) «<name> <title>» without commas, after a preposition, and a deputy’s title with a head word', () => {
  const d = detect(
    'shiraz',
    'بازدید از پروژه‌های عمرانی شیراز',
    'خبرنگار ما با حسین مرادی شهردار شیراز درباره طرح تعریض بلوار گفت‌وگو کرد. مرادی گفت کار تا پایان سال تمام می‌شود. زهرا احمدی، معاون عمرانی شهرداری شیراز، نیز در این بازدید حضور داشت. احمدی افزود نقشه‌ها آماده است.',
  );
  const mayor = d.mentions.find((m) => m.surface === 'مرادی');
  assert.equal(mayor?.person, 'حسین مرادی');
  assert.equal(mayor?.kind, 'mayor');
  const deputy = d.mentions.find((m) => m.surface === 'احمدی');
  assert.equal(deputy?.person, 'زهرا احمدی');
  assert.equal(deputy?.entity, 'شهرداری شیراز');
});

test('honorifics are stripped and common words before a title are never learned as names', () => {
  const d = detect(
    'tabriz',
    'دیدار امروز شهردار تبریز با کسبه بازار',
    'آقای دکتر رحیم صادقیان، شهردار تبریز، با کسبه بازار دیدار کرد. همچنین شهردار تبریز از طرح جدید پیاده‌راه خبر داد. دیدار امروز در سرای امیر برگزار شد و دکتر صادقیان همچنین از کسبه قدردانی کرد.',
  );
  const surfaces = d.mentions.map((m) => m.surface);
  assert.ok(surfaces.includes('رحیم صادقیان'));
  assert.ok(surfaces.includes('صادقیان'));
  for (const word of ['امروز', 'دیدار', 'همچنین', 'دکتر', 'آقای دکتر رحیم صادقیان']) assert.equal(surfaces.includes(word), false, word);
  assert.equal(d.mentions.find((m) => m.surface === 'رحیم صادقیان')?.person, 'رحیم صادقیان');
});

test('a surname learned in one article is not remembered in the next', () => {
  detect('tabriz', 'صادقیان: کار ادامه دارد', 'رحیم صادقیان، شهردار تبریز، گفت کار ادامه دارد.');
  const d = detect('tabriz', 'صادقیان برنده مسابقه شد', 'علی صادقیان در مسابقات شطرنج تبریز اول شد.');
  assert.equal(d.mentioned, false);
});

test('adverbials and verbs between commas around a title are not names', () => {
  const d = detect(
    'tabriz',
    'بازدید از پروژه پل',
    'یادآور می‌شود، شهردار تبریز، از پروژه پل بازدید کرد. شهردار تبریز، طی سخنانی، از پیشرفت کار خبر داد. شهردار تبریز، شنبه، در جلسه حضور یافت. سخنانی دیگر هم شنبه ایراد شد و می‌شود گفت کار ادامه دارد.',
  );
  assert.deepEqual(d.mentions.map((m) => m.surface), ['شهردار تبریز', 'شهردار تبریز', 'شهردار تبریز']);
});
