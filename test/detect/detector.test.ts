import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadProfile, ProfileSchema, type Source } from '../../src/config.ts';
import { createDetector } from '../../src/detect/detector.ts';

const tabriz = loadProfile(join('config', 'profiles', 'tabriz.json'));
const detector = createDetector(tabriz, { model: null });
const detect = (body: string, extra: { title?: string; publishedAt?: string | null; sourceId?: string; lead?: string } = {}, source?: Source) =>
  detector.detect({ title: extra.title ?? '', lead: extra.lead, body, publishedAt: extra.publishedAt ?? '2024-06-01T08:00:00Z', sourceId: extra.sourceId ?? 'isna' }, source);

const localSource: Source = {
  id: 'asrtabriz', nameFa: 'عصر تبریز', nameEn: 'Asr-e Tabriz', homepage: 'https://example.invalid', type: 'site', scope: 'local',
  province: 'east-azerbaijan', city: 'Tabriz', cms: 'unknown', feeds: [], listingPages: [], enabled: false,
};

test('mentions carry entity, kind, surface, field, offsets into the original field text and the sentence', () => {
  const body = 'خبر اول است. به گزارش ایسنا، شهرداري تبريز طرح جدیدی را آغاز کرد. خبر آخر.';
  const d = detect(body, { title: 'شهردار تبریز: کار آغاز شد' });
  assert.equal(d.mentioned, true);
  const [t, b] = d.mentions;
  assert.equal(t.field, 'title');
  assert.equal(t.kind, 'mayor');
  assert.equal(t.surface, 'شهردار تبریز');
  assert.equal(b.field, 'body');
  assert.equal(b.entity, 'شهرداری تبریز');
  assert.equal(b.kind, 'municipality');
  assert.equal(body.slice(b.start, b.end), 'شهرداري تبريز');
  assert.equal(b.surface, 'شهرداري تبريز');
  assert.match(b.sentence, /^به گزارش ایسنا، شهرداري تبريز طرح جدیدی را آغاز کرد\.$/);
});

test('the city alone, its football club, the governor and the railway are not mentions', () => {
  for (const body of [
    'تیم فوتبال تراکتور تبریز در ورزشگاه یادگار امام به پیروزی رسید.',
    'استاندار آذربایجان شرقی از پیشرفت طرح‌های عمرانی تبریز بازدید کرد.',
    'قطار تبریز ـ مشهد با تاخیر از ایستگاه راه‌آهن تبریز حرکت کرد.',
    'تبریزی‌ها در روز تبریز به خیابان آمدند.',
    'تیم فوتبال شهرداری تبریز در لیگ دسته دوم به مصاف حریف رفت.',
  ]) {
    assert.equal(detect(body).mentioned, false, body);
  }
});

test('generic «شهرداری» resolves only from the article\'s context', () => {
  assert.equal(detect('شهرداری ۵۰ دستگاه ماشین برف‌روب جدید خرید.').mentioned, false);
  assert.equal(detect('شهرداری ۵۰ دستگاه ماشین برف‌روب جدید خرید.', {}, localSource).mentioned, true);
  assert.equal(detect('شهرداری ۵۰ دستگاه ماشین برف‌روب جدید خرید.', { title: 'برف سنگین در تبریز' }).mentions[0].resolvedBy, 'context');
  // The nearest city named is another city's municipality: the generic word is theirs.
  assert.equal(detect('شهرداری اصفهان بودجه را تصویب کرد. شهرداری همچنین از طرح تازه خبر داد.').mentioned, false);
  // «شهرداری‌ها» is municipalities in general.
  assert.equal(detect('وزارت کشور به شهرداری‌ها ابلاغ کرد که در تبریز و دیگر شهرها طرح را اجرا کنند.').mentioned, false);
  // A district of the city is context too.
  assert.equal(detect('در منطقه ۴ تبریز، شهرداری پارک محله را بازسازی کرد.').mentioned, true);
});

test('district municipalities, subsidiaries and officials are mentions of their kind', () => {
  const d1 = detect('شهرداری منطقه ۳ تبریز از بهسازی معابر خبر داد و شهردار منطقه سه نیز حضور داشت.');
  assert.ok(d1.mentions.some((m) => m.kind === 'district' && m.district === 3));
  const d2 = detect('سازمان حمل و نقل و ترافیک شهرداری تبریز ساعت کار اتوبوس‌ها را تغییر داد.');
  assert.equal(d2.mentions[0].kind, 'subsidiary');
  assert.equal(d2.mentions[0].entity, 'سازمان حمل‌ونقل و ترافیک شهرداری تبریز');
  const d3 = detect('آتش‌نشانی تبریز حریق انبار را مهار کرد.');
  assert.equal(d3.mentions[0].kind, 'subsidiary');
  // The city council is kept apart unless the profile includes related bodies.
  assert.equal(detect('شورای اسلامی شهر تبریز بودجه سال آینده را بررسی کرد.').mentioned, false);
  const withRelated = createDetector({ ...tabriz, includeRelated: true }, { model: null });
  const r = withRelated.detect({ title: '', body: 'شورای اسلامی شهر تبریز بودجه سال آینده را بررسی کرد.', publishedAt: null, sourceId: 'x' });
  assert.equal(r.mentions[0].kind, 'related');
});

test('officials resolve by the article date (fictional people in a test profile)', () => {
  const profile = ProfileSchema.parse({
    city: 'sampleabad',
    cityFa: 'نمونه‌آباد',
    province: 'yazd',
    officials: [
      { name: 'بهرام آزمونی', aliases: ['آزمونی'], role: 'mayor', from: '2018-01-01', to: '2021-08-31' },
      { name: 'کاوه سنجشی', aliases: ['سنجشی'], role: 'mayor', from: '2021-09-01' },
      { name: 'مینا پرسشی', aliases: [], role: 'deputy-mayor', titleFa: 'معاون شهرسازی', from: '2022-01-01' },
    ],
  });
  const d = createDetector(profile, { model: null });
  const at = (body: string, date: string | null) => d.detect({ title: '', body, publishedAt: date, sourceId: 'x' });
  assert.equal(at('شهردار نمونه‌آباد از طرح تازه خبر داد.', '2020-03-01T00:00:00Z').mentions[0].person, 'بهرام آزمونی');
  assert.equal(at('شهردار نمونه‌آباد از طرح تازه خبر داد.', '2023-03-01T00:00:00Z').mentions[0].person, 'کاوه سنجشی');
  assert.equal(at('کاوه سنجشی از طرح تازه خبر داد.', '2023-03-01T00:00:00Z').mentioned, true);
  assert.equal(at('کاوه سنجشی از طرح تازه خبر داد.', '2019-03-01T00:00:00Z').mentioned, false);
  assert.equal(at('بهرام آزمونی در همایش دانشگاه سخنرانی کرد.', '2024-03-01T00:00:00Z').mentioned, false);
  assert.equal(at('مینا پرسشی پروانه‌های جدید را امضا کرد.', '2024-03-01T00:00:00Z').mentions[0].kind, 'official');
  // A surname alone needs the city context, like the generic words.
  assert.equal(at('سنجشی در جلسه حاضر شد.', '2024-03-01T00:00:00Z').mentioned, false);
  assert.equal(at('سنجشی در جلسه شورای نمونه‌آباد حاضر شد.', '2024-03-01T00:00:00Z').mentioned, true);
  // Unknown date: only the office-holder without an end date.
  assert.equal(at('شهردار نمونه‌آباد خبر داد.', null).mentions[0].person, 'کاوه سنجشی');
});

test('criticism targets the municipality, with evidence, cues and severity', () => {
  const c = detect('شهروندان از شهرداری تبریز به دلیل انباشت زباله در کوچه‌ها گلایه دارند.');
  assert.equal(c.critical, true);
  assert.equal(c.severity, 'low');
  assert.ok(c.evidence[0].cues.includes('گلایه'));
  assert.match(c.evidence[0].sentence, /گلایه دارند/);

  const legal = detect('دادستان از بازداشت دو کارمند شهرداری تبریز به اتهام اختلاس خبر داد.');
  assert.equal(legal.critical, true);
  assert.equal(legal.severity, 'high');

  const failure = detect('پروژه پارکینگ که شهرداری تبریز پنج سال پیش آغاز کرد، نیمه‌کاره رها شده و بلاتکلیف است.');
  assert.equal(failure.critical, true);
  assert.equal(failure.severity, 'medium');
});

test('not criticism: the mayor criticising others, a book review, a denial, enforcement news, another city\'s municipality', () => {
  for (const body of [
    'شهردار تبریز از کم‌کاری پیمانکاران پروژه‌های عمرانی انتقاد کرد.',
    'نشست نقد و بررسی کتاب «شهر و خاطره» در کتابخانه شهرداری تبریز برگزار شد.',
    'روابط عمومی شهرداری تبریز خبر اختلاس در منطقه ۲ را تکذیب کرد و آن را شایعه‌ای بی‌اساس خواند.',
    'شهرداری تبریز از برخورد با تخلفات ساختمانی در حاشیه شهر خبر داد.',
    'شهرداری تبریز و شهرداری اصفهان تفاهم‌نامه امضا کردند. شهروندان اصفهانی از شهرداری اصفهان به دلیل آلودگی گلایه دارند.',
  ]) {
    const d = detect(body);
    assert.equal(d.mentioned, true, body);
    assert.equal(d.critical, false, body);
    assert.equal(d.severity, 'none');
  }
  // Criticism without any mention of ours is never flagged.
  const other = detect('شهروندان از شهرداری اصفهان به دلیل انباشت زباله گلایه دارند.');
  assert.equal(other.mentioned, false);
  assert.equal(other.critical, false);
});

test('own-outlet items are flagged as own coverage', () => {
  const d = detect('شهرداری تبریز از افتتاح پل خبر داد.', { sourceId: 'tabriz-municipality' });
  assert.equal(d.ownOutlet, true);
  assert.equal(detect('شهرداری تبریز از افتتاح پل خبر داد.').ownOutlet, false);
});

test('problem words in the municipality\'s own statement are its account, not criticism of it', () => {
  const speech =
    'شهردار تبریز با اشاره به مشکلات ترافیکی و کمبود پارکینگ در هسته مرکزی گفت طرح جدید از ماه آینده اجرا می‌شود. ' +
    'وی افزود: متأسفانه سال‌هاست که کمبود اعتبار مانع تکمیل پروژه‌ها بوده اما امسال این مشکل حل می‌شود.';
  assert.equal(detect(speech).critical, false);
  // In «در حالی که X خبر داده بود، Y انتقاد می‌کنند» the main clause is another voice.
  const contrast = 'در حالی که شهرداری تبریز از تکمیل پروژه خبر داده بود، رانندگان از چاله‌های متعدد این مسیر انتقاد می‌کنند.';
  assert.equal(detect(contrast).critical, true);
});

test('far sentences add little: one weak cue deep in a long article does not flag it', () => {
  const filler = Array.from({ length: 8 }, (_, i) => `بند ${i + 1} گزارش درباره برنامه‌های فرهنگی هفته آینده است.`).join(' ');
  const body = `شهرداری تبریز برنامه هفته فرهنگی را اعلام کرد. ${filler} برخی شهروندان گلایه دارند که بلیت‌ها زود تمام می‌شود. ${filler} مشکلات پارکینگ هم مطرح شد.`;
  const d = detect(body);
  assert.equal(d.mentioned, true);
  assert.equal(d.critical, false);
});

test('a headline quoting the municipality answering criticism is a response; its workers complaining is criticism', () => {
  const answer = detector.detect({
    title: 'شهردار تبریز: به انتقادات پاسخ می‌دهیم',
    body: 'شهردار تبریز در نشست خبری گفت انتقاد شهروندان را می‌شنویم و مشکلات حل می‌شود.',
    publishedAt: null,
    sourceId: 'x',
  });
  assert.equal(answer.critical, false);
  assert.equal(detect('کارگران شهرداری تبریز از تاخیر در پرداخت حقوق گلایه دارند.').critical, true);
  assert.equal(detect('استاندار آذربایجان شرقی از شهرداری تبریز به دلیل کندی پروژه مترو انتقاد کرد.').critical, true);
  assert.equal(detect('مدیرعامل سازمان پسماند شهرداری تبریز از عدم همکاری برخی شهروندان در تفکیک زباله گلایه کرد.').critical, false);
});

test('accusations: who accuses whom, appositive subjects and the object marker «را»', () => {
  // The mayor accuses others (subject before an adverbial clause).
  assert.equal(detect('شهردار تبریز در نشست شورای برنامه‌ریزی استان، برخی دستگاه‌های دولتی را به ساخت‌وساز بدون پروانه متهم کرد.').critical, false);
  // «X، شهردار تبریز، از … انتقاد کرد»: the appositive names the critic.
  assert.equal(detect('علی نمونه‌ای، شهردار تبریز، از تأخیر دولت در پرداخت سهم قطار شهری انتقاد کرد.').critical, false);
  // «…، شهرداری را به کم‌کاری متهم کردند»: the municipality is the object, the accused.
  assert.equal(detect('شهروندان در فضای مجازی با انتشار تصاویری از زباله‌ها، شهرداری تبریز را به کم‌کاری متهم کردند.').critical, true);
  // «جمع‌آوری نشده»: an enforcement word before a «not done» verb does not excuse it.
  assert.equal(detect('زباله‌های محله سه روز است جمع‌آوری نشده و شهرداری تبریز به تماس‌های ساکنان پاسخ نمی‌دهد.').critical, true);
});
