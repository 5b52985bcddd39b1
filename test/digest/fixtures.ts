// Fixed, hand-written data for the digest and alert tests: fictional outlets and Persian text
// written for these tests. One Jalali day (1405/09/01 = 2026-11-22, Tehran) plus a few
// earlier days for reprints of old stories and the trend chart.
import type { Article, EntityKind, Severity } from '../../src/article.ts';
import { ProfileSchema, SourceSchema, type Profile, type Source } from '../../src/config.ts';
import { matchKey } from '../../src/normalize/index.ts';
import { articleId, ArticleStore } from '../../src/store/articles.ts';
import { openMemoryDb, type Db } from '../../src/store/db.ts';

export const DAY = '1405/09/01';

function src(id: string, nameFa: string, type: Source['type'], scope: Source['scope'], province?: Source['province']): Source {
  return SourceSchema.parse({
    id, nameFa, nameEn: id, homepage: `https://${id}.example/`, type, scope, province,
    feeds: [{ url: `https://${id}.example/rss`, confidence: 'listed' }],
  });
}

export const SOURCES: Source[] = [
  src('shahr-tabriz', 'پایگاه خبری شهرداری تبریز', 'site', 'local', 'east-azerbaijan'),
  src('avaye-shahr', 'خبرگزاری آوای شهر', 'agency', 'national'),
  src('sobh-azar', 'روزنامهٔ صبح آذر', 'newspaper', 'provincial', 'east-azerbaijan'),
  src('eel-news', 'پایگاه خبری ائل', 'site', 'local', 'east-azerbaijan'),
  src('keshvar', 'روزنامهٔ کشور', 'newspaper', 'national'),
  src('radio-tabriz', 'رادیو تبریز', 'broadcaster', 'provincial', 'east-azerbaijan'),
  src('khabar-tehran', 'پایگاه خبری پایتخت', 'site', 'provincial', 'tehran'),
];

export const PROFILE: Profile = ProfileSchema.parse({
  city: 'tabriz',
  cityFa: 'تبریز',
  province: 'east-azerbaijan',
  districts: 10,
  ownOutlets: ['shahr-tabriz'],
  recipients: {
    digest: ['modir@shahrdari.example', 'ravabet@shahrdari.example'],
    alerts: ['ravabet@shahrdari.example'],
    routes: [
      { topics: ['پسماند'], to: ['pasmand@shahrdari.example'] },
      { districts: [3], to: ['mantaghe3@shahrdari.example'] },
    ],
  },
  alerts: { quietHours: { start: '23:00', end: '06:30' } },
});

export interface ArticleSpec {
  slug: string;
  sourceId: string;
  title: string;
  lead?: string;
  body?: string;
  /** Tehran wall time «2026-11-22 09:10», or null for «date unknown». */
  published: string | null;
  /** Tehran wall time; defaults to published + 20 minutes. */
  fetched?: string;
  cluster?: string;
  mentioned?: boolean;
  critical?: boolean;
  severity?: Severity;
  score?: number;
  evidence?: string[];
  mentions?: { entity: string; kind: EntityKind }[];
  own?: boolean;
}

/** Tehran wall time (UTC+03:30 since 2022) to an ISO instant. */
export function tehran(wall: string): string {
  return new Date(`${wall.replace(' ', 'T')}:00+03:30`).toISOString();
}

export function url(slug: string, sourceId = 'x'): string {
  return `https://${sourceId}.example/news/${slug}`;
}

export function makeArticle(s: ArticleSpec): Article {
  const u = url(s.slug, s.sourceId);
  const publishedAt = s.published === null ? null : tehran(s.published);
  const fetchedAt = s.fetched ? tehran(s.fetched) : new Date(Date.parse(publishedAt ?? tehran('2026-11-22 12:00')) + 20 * 60000).toISOString();
  const lead = s.lead ?? '';
  const body = s.body ?? `${lead}\n\nمتن کامل خبر.`;
  const mentioned = s.mentioned ?? true;
  const critical = s.critical ?? false;
  const mentions = (s.mentions ?? (mentioned ? [{ entity: 'شهرداری تبریز', kind: 'municipality' as EntityKind }] : [])).map((m) => ({
    ...m, surface: m.entity, field: 'title' as const, start: 0, end: m.entity.length, sentence: s.title,
  }));
  return {
    id: articleId(u),
    sourceId: s.sourceId,
    url: u,
    canonicalUrl: u,
    title: s.title,
    lead: s.lead,
    body,
    publishedAt,
    fetchedAt,
    titleKey: matchKey(s.title),
    textKey: matchKey(`${s.title} ${lead} ${body}`),
    detection: {
      city: 'tabriz',
      mentioned,
      mentions,
      critical,
      score: s.score ?? (critical ? 0.8 : 0),
      severity: s.severity ?? (critical ? 'medium' : 'none'),
      evidence: (s.evidence ?? []).map((sentence) => ({ sentence, cues: ['گلایه'] })),
      ownOutlet: s.own ?? s.sourceId === 'shahr-tabriz',
    },
    clusterId: s.cluster ? articleId(url(s.cluster.split('@')[0], s.cluster.split('@')[1])) : null,
  };
}

/** A cluster reference: the slug and outlet of its first article («slug@source»). */
export const C = (slug: string, sourceId: string) => `${slug}@${sourceId}`;

export const SPECS: ArticleSpec[] = [
  // An own press release, reprinted by three outlets (one the next morning is outside the day).
  { slug: 'asphalt', sourceId: 'shahr-tabriz', cluster: C('asphalt', 'shahr-tabriz'), published: '2026-11-22 08:00',
    title: 'آغاز طرح آسفالت معابر منطقهٔ ۳ شهرداری تبریز', lead: 'معاون عمرانی شهرداری تبریز از آغاز آسفالت ۴۰ معبر در منطقهٔ ۳ خبر داد.',
    mentions: [{ entity: 'منطقهٔ ۳ شهرداری تبریز', kind: 'district' }] },
  { slug: 'asphalt-r1', sourceId: 'avaye-shahr', cluster: C('asphalt', 'shahr-tabriz'), published: '2026-11-22 09:10',
    title: 'آسفالت ۴۰ معبر در منطقهٔ ۳ تبریز آغاز شد', lead: 'به گزارش روابط عمومی شهرداری تبریز، آسفالت معابر آغاز شد.',
    mentions: [{ entity: 'منطقهٔ ۳ شهرداری تبریز', kind: 'district' }] },
  { slug: 'asphalt-r2', sourceId: 'sobh-azar', cluster: C('asphalt', 'shahr-tabriz'), published: '2026-11-22 10:00',
    title: 'آسفالت معابر منطقهٔ ۳ تبریز', lead: 'شهرداری تبریز طرح آسفالت را آغاز کرد.',
    mentions: [{ entity: 'منطقهٔ ۳ شهرداری تبریز', kind: 'district' }] },
  { slug: 'asphalt-r3', sourceId: 'eel-news', cluster: C('asphalt', 'shahr-tabriz'), published: '2026-11-22 13:45',
    title: 'آغاز آسفالت ۴۰ معبر در تبریز', lead: 'شهرداری تبریز آسفالت معابر منطقهٔ ۳ را آغاز کرد.',
    mentions: [{ entity: 'منطقهٔ ۳ شهرداری تبریز', kind: 'district' }] },
  { slug: 'asphalt-late', sourceId: 'keshvar', cluster: C('asphalt', 'shahr-tabriz'), published: '2026-11-23 08:00',
    title: 'آسفالت معابر تبریز (فردا)', lead: 'بازنشر روز بعد.' },
  // An own release nobody picked up.
  { slug: 'press-conf', sourceId: 'shahr-tabriz', published: '2026-11-22 11:30',
    title: 'نشست خبری شهردار تبریز با اصحاب رسانه', lead: 'شهردار تبریز در نشست خبری به پرسش‌های خبرنگاران پاسخ داد.',
    mentions: [{ entity: 'شهردار تبریز', kind: 'mayor' }] },
  // Critical, high: waste piling up in district 3; reprinted by two outlets, one of them also critical.
  { slug: 'waste', sourceId: 'sobh-azar', cluster: C('waste', 'sobh-azar'), published: '2026-11-22 07:30',
    title: 'گلایهٔ شهروندان از انباشت پسماند در منطقهٔ ۳ تبریز', critical: true, severity: 'high', score: 0.93,
    lead: 'ساکنان منطقهٔ ۳ می‌گویند پسماند سه روز است جمع‌آوری نشده و شهرداری پاسخی نمی‌دهد.',
    evidence: ['ساکنان می‌گویند شهرداری تبریز سه روز است پسماند را جمع‌آوری نکرده است.', 'یکی از شهروندان گفت هیچ مسئولی پاسخگو نیست.'],
    mentions: [{ entity: 'منطقهٔ ۳ شهرداری تبریز', kind: 'district' }] },
  { slug: 'waste-r1', sourceId: 'eel-news', cluster: C('waste', 'sobh-azar'), published: '2026-11-22 09:05',
    title: 'انباشت پسماند در منطقهٔ ۳؛ شهروندان گلایه دارند', critical: true, severity: 'medium', score: 0.7,
    lead: 'پسماند در خیابان‌های منطقهٔ ۳ انباشته شده است.', evidence: ['پسماند در خیابان‌ها انباشته شده و بوی آن آزاردهنده است.'],
    mentions: [{ entity: 'منطقهٔ ۳ شهرداری تبریز', kind: 'district' }] },
  { slug: 'waste-r2', sourceId: 'radio-tabriz', cluster: C('waste', 'sobh-azar'), published: '2026-11-22 12:00',
    title: 'پسماند منطقهٔ ۳ تبریز', lead: 'گزارش رادیو از وضعیت پسماند.',
    mentions: [{ entity: 'منطقهٔ ۳ شهرداری تبریز', kind: 'district' }] },
  // Critical, medium, date unknown (fetched at noon).
  { slug: 'metro', sourceId: 'keshvar', published: null, fetched: '2026-11-22 12:00',
    title: 'انتقاد از تأخیر در پروژهٔ قطار شهری تبریز', critical: true, severity: 'medium', score: 0.66,
    lead: 'کارشناسان از تأخیر چندساله در خط دوم قطار شهری تبریز انتقاد کردند.',
    evidence: ['خط دوم قطار شهری تبریز سال‌ها از برنامه عقب است.'],
    mentions: [{ entity: 'سازمان قطار شهری تبریز', kind: 'subsidiary' }] },
  // Critical, low, with hostile markup in the headline and lead: must render as text.
  { slug: 'hostile', sourceId: 'khabar-tehran', published: '2026-11-22 16:20',
    title: '<script>window.__xss=1</script> انتقاد از ترافیک میدان ساعت', critical: true, severity: 'low', score: 0.55,
    lead: 'ترافیک میدان ساعت <img src=x onerror="window.__xss=2"> شهروندان را خسته کرده است.',
    evidence: ['<b onmouseover="window.__xss=3">ترافیک</b> میدان ساعت هر روز بدتر می‌شود.'] },
  // Ordinary news.
  { slug: 'bus', sourceId: 'avaye-shahr', published: '2026-11-22 14:00',
    title: 'افزایش ناوگان اتوبوسرانی تبریز', lead: 'سازمان اتوبوسرانی شهرداری تبریز ۳۰ دستگاه اتوبوس جدید تحویل گرفت.',
    mentions: [{ entity: 'سازمان اتوبوسرانی تبریز', kind: 'subsidiary' }] },
  { slug: 'park', sourceId: 'radio-tabriz', published: '2026-11-22 18:10',
    title: 'افتتاح بوستان محله‌ای در تبریز', lead: 'بوستان تازه با حضور شهردار تبریز افتتاح شد.',
    mentions: [{ entity: 'شهردار تبریز', kind: 'mayor' }] },
  { slug: 'edge-last', sourceId: 'eel-news', published: '2026-11-22 23:59',
    title: 'آخرین خبر روز دربارهٔ شهرداری تبریز', lead: 'خبری در آخرین دقیقهٔ روز.' },
  { slug: 'edge-next', sourceId: 'eel-news', published: '2026-11-23 00:00',
    title: 'نخستین خبر روز بعد دربارهٔ شهرداری تبریز', lead: 'این خبر به روز بعد تعلق دارد.' },
  { slug: 'not-about-us', sourceId: 'keshvar', published: '2026-11-22 10:30', mentioned: false,
    title: 'بارش برف در ارتفاعات سهند', lead: 'خبری که به شهرداری ربطی ندارد.' },
  // An old story from yesterday, reprinted today: original stays on its own day.
  { slug: 'tram-plan', sourceId: 'shahr-tabriz', cluster: C('tram-plan', 'shahr-tabriz'), published: '2026-11-21 17:00',
    title: 'طرح مطالعاتی تراموا در شورای شهر تبریز', lead: 'طرح مطالعاتی تراموا به شورا رفت.' },
  { slug: 'tram-plan-r1', sourceId: 'keshvar', cluster: C('tram-plan', 'shahr-tabriz'), published: '2026-11-22 06:15',
    title: 'تراموا به تبریز می‌آید؟', lead: 'شهرداری تبریز طرح تراموا را به شورا برد.' },
  // Earlier days for the trend.
  { slug: 'old-1', sourceId: 'avaye-shahr', published: '2026-11-19 10:00', title: 'خبر سه روز پیش شهرداری تبریز' },
  { slug: 'old-2', sourceId: 'sobh-azar', published: '2026-11-19 11:00', title: 'خبر انتقادی سه روز پیش', critical: true, severity: 'low' },
  { slug: 'old-3', sourceId: 'sobh-azar', published: '2026-11-12 11:00', title: 'خبر ده روز پیش شهرداری تبریز' },
  { slug: 'too-old', sourceId: 'sobh-azar', published: '2026-11-01 11:00', title: 'خبر بیرون از بازهٔ نمودار' },
];

export function fixtureArticles(): Article[] {
  return SPECS.map(makeArticle);
}

export function fixtureDb(specs: ArticleSpec[] = SPECS): Db {
  const db = openMemoryDb();
  const store = new ArticleStore(db);
  for (const a of specs.map(makeArticle)) store.insert(a);
  return db;
}

export function idOf(slug: string, sourceId: string): string {
  return articleId(url(slug, sourceId));
}
