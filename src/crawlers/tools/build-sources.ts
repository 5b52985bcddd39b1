// Builds config/sources.json from the research list /work/shared/reference/outlets.json
// (or the file given as argv[2]). Run: node --import tsx src/crawlers/tools/build-sources.ts [outlets.json]
// The JSON it writes is committed; edit this script (not the JSON) when the mapping changes,
// or edit the JSON by hand and stop regenerating — both are fine, the schema is the judge.
import { readFileSync, writeFileSync } from 'node:fs';
import { SourcesFileSchema, type Selectors } from '../../config.ts';

interface RawFeed { url: string; confidence: string }
interface RawOutlet {
  id: string; name_fa: string; name_en: string; homepage: string; type: string; scope: string;
  province?: string; city?: string; cms: string; feeds?: RawFeed[]; article_url_pattern?: string; notes?: string;
  feed_index_page?: string; parent_outlet?: string;
}

const PROVINCE: Record<string, string> = {
  'East Azerbaijan': 'east-azerbaijan', 'Khorasan Razavi': 'khorasan-razavi', Fars: 'fars', Tehran: 'tehran',
  Isfahan: 'isfahan', Gilan: 'gilan', Mazandaran: 'mazandaran', Alborz: 'alborz', Khuzestan: 'khuzestan',
  Hamedan: 'hamadan', Kerman: 'kerman', Yazd: 'yazd', Qazvin: 'qazvin', Hormozgan: 'hormozgan', Lorestan: 'lorestan',
  Ilam: 'ilam', 'Kohgiluyeh and Boyer-Ahmad': 'kohgiluyeh-boyerahmad', Markazi: 'markazi', Kurdistan: 'kurdistan',
  'Mazandaran/Gilan/Golestan': 'mazandaran',
};

function cmsOf(raw: string): string {
  const s = raw.toLowerCase();
  if (s.startsWith('nastooh')) return 'nastooh';
  if (s.startsWith('iransamaneh')) return 'iransamaneh';
  if (s.startsWith('aasaam')) return 'aasaam';
  if (s.startsWith('studiokhabar')) return 'studiokhabar';
  if (s.startsWith('drupal')) return 'drupal';
  if (s.startsWith('wordpress')) return 'wordpress';
  if (s.startsWith('joomla')) return 'joomla';
  if (s.startsWith('unknown')) return 'unknown';
  return 'custom';
}

function typeOf(raw: string): string {
  if (raw === 'agency-provincial-desk') return 'agency';
  if (raw === 'official') return 'site';
  return raw;
}

function scopeOf(raw: string): string {
  if (raw.startsWith('provincial') || raw.startsWith('regional')) return 'provincial';
  if (raw === 'municipal') return 'local';
  return 'national'; // national, international Persian services and diaspora outlets
}

/** Turns the research list's path notation ("/fa/news/{id}/{slug}") into a path regex. */
function patternOf(raw: string | undefined, cms: string): string | undefined {
  const first = raw?.split(/ and |;| \(/)[0]?.trim().replace(/\.\.\.$/, '');
  if (first && first.startsWith('/') && !/\/tags?\/|\/category\/|\/author\/|search/.test(first)) {
    const re = first
      .replace(/[.?+*()[\]^$|\\]/g, (c) => '\\' + c)
      .replace(/\{id\}/g, '\\d+')
      .replace(/\{yyyy\}|\{mm\}|\{dd\}/g, '\\d+')
      .replace(/\{[a-z-]+\}.*$/, '')
      // "/news/123" and "/news/123/slug" are the same article: never require the trailing slash.
      .replace(/\/$/, '');
    if (re.length > 1) return '^' + re;
  }
  switch (cms) {
    case 'nastooh': return '^/news/\\d+';
    case 'iransamaneh': case 'aasaam': return '^/fa/(news|tiny/news-)\\d+';
    case 'studiokhabar': return '^/(fa/)?news/\\d+';
    default: return undefined;
  }
}

/** Per-outlet selector overrides (cms-families.md §2–3); each one has a golden fixture in test/fixtures/<id>/. */
const OVERRIDES: Record<string, { cms?: string; selectors: Selectors; articleUrlPattern?: string }> = {
  isna: {
    cms: 'nastooh',
    selectors: {
      article: ['article'], kicker: ['.kicker'], title: ['.first-title', 'h1'], lead: ['.summary'],
      body: ['.item-body .item-text', '.item-text'], published: ['time', '.meta-news li:nth-child(1) .text-meta'],
      section: ['.meta-news li:nth-child(2) .text-meta'],
    },
  },
  tasnim: {
    selectors: {
      article: ['article.single-news', 'article.media'], kicker: ['.kicker'], title: ['.title', 'h1'], lead: ['.lead'],
      body: ['.story'], published: ['time', '.time'], section: ['li.service'],
      remove: ['.jwplayer', '.hideTag'],
    },
    articleUrlPattern: '^/fa/news/\\d{4}/\\d{2}/\\d{2}/\\d+',
  },
  shahraranews: {
    selectors: {
      article: ['.news-content', '.news-main'], title: ['.title', 'h1.photoshahr-title', 'h1'],
      lead: ['.subtitle', '.photoshahr-subtitle'], section: ['.path-cover a'],
      published: ['ul.up-news-tools li:nth-child(2) > span', '.news_pdate_c'],
      body: ['.body', '.news-text'],
    },
  },
  asrtabriz: {
    selectors: {
      article: ['section.single'], kicker: ['.text-sin'], title: ['h1'], lead: ['.lead'], body: ['.con'],
      section: ['.meta-cat a'],
    },
  },
  euronewspersian: {
    selectors: {
      article: ['article.o-article-newsy'], title: ['h1'], lead: ['p.c-article-summary'], body: ['.c-article-content'],
      published: ['time'], section: ['#adb-article-breadcrumb a'],
      remove: ['.widget--type-related', '.c-ad', '.c-article-you-might-also-like'],
    },
  },
  khabaresabzevaran: {
    selectors: {
      article: ['#single-main'], kicker: ['small'], title: ['h2'], lead: ['.brief'], body: ['.body'],
      published: ['.date'], section: ['.bread-crumb span'],
    },
  },
  kurdpress: {
    selectors: { article: ['article'], title: ['h1'], lead: ['p.summary'], body: ['.item-text'] },
  },
  ettelaat: {
    selectors: { article: ['#news'], title: ['h1'], lead: ['.leadRow'], body: ['.newsBody'], section: ['a.newsBreadCrumb'] },
  },
  varzesh3: {
    selectors: {
      article: ['.news-content-holder article'], title: ['.headline', 'h1'], lead: ['.lead'], body: ['.news-text'],
      published: ['.news-info span:nth-child(2)'],
    },
  },
  trtpersian: {
    selectors: { article: ['body.lang-fa-IR article', 'article'], title: ['h1'], lead: ['h2'], body: ['.formatted'], published: ['time'] },
  },
  aapersian: {
    selectors: { article: ['.print'], title: ['h1'], lead: ['h4'], body: ['.detay-icerik > div:nth-child(2)', '.detay-icerik'], published: ['.tarih'] },
  },
  ecofars: {
    selectors: { article: ['.article-details'], title: ['h1'], lead: ['.single-tagline'], body: ['.content'], published: ['header div div span'] },
  },
  fardayekerman: {
    selectors: { article: ['article.article'], kicker: ['.kicker'], title: ['h1'], lead: ['.subtitle'], body: ['.article-body'], published: ['time'] },
  },
  sobheqazvin: {
    selectors: { article: ['.newsdetails'], kicker: ['h3'], title: ['h1'], lead: ['.ndlead'], body: ['.ndcontent'], published: ['h6'] },
  },
  farhikhtegan: {
    selectors: { article: ['.news-box'], title: ['h1'], lead: ['.news-lead h2', '.news-lead'], body: ['#content'], published: ['li.list-inline-item.bef'] },
  },
  ilamrouydad: {
    selectors: { article: ['.txtMain'], kicker: ['.h30'], title: ['h2', 'h1'], body: ['.txtMain'], published: ['.rel.pull-left.ltr'] },
  },
};

/**
 * Outlets with no known CMS that are enabled anyway because the product needs them (the Tabriz
 * profile's own outlet) and a golden page covers the generic extraction path for them.
 */
const GENERIC_ENABLED: Record<string, { articleUrlPattern: string; note: string }> = {
  'tabriz-municipality': {
    articleUrlPattern: '^/(fa/)?[Nn]ews/\\d+',
    note: 'markup not verified against a saved page: crawled from the homepage with the generic extractor (golden page test/fixtures/tabriz-municipality assumes an ASP.NET portal layout)',
  },
};

const raw = JSON.parse(readFileSync(process.argv[2] ?? '/work/shared/reference/outlets.json', 'utf8')) as RawOutlet[];
const sources = raw.map((o) => {
  const override = OVERRIDES[o.id];
  const cms = override?.cms ?? cmsOf(o.cms);
  const feeds = (o.feeds ?? [])
    // "{serviceId}" templates and "(index)" help pages are not feeds.
    .filter((f) => !/[{}\s]/.test(f.url))
    .map((f) => ({ url: new URL(f.url).toString(), confidence: f.confidence === 'guess' ? 'guess' : 'listed' }));
  const onlyGuesses = feeds.every((f) => f.confidence === 'guess');
  const notes = [o.notes, o.parent_outlet ? `provincial desk of ${o.parent_outlet}` : undefined,
    o.feed_index_page ? `feed index: ${o.feed_index_page}` : undefined,
    o.scope.startsWith('international') ? `scope in research list: ${o.scope}` : undefined,
    `research CMS note: ${o.cms}`].filter(Boolean).join('; ');
  const province = o.province ? PROVINCE[o.province.replace(/ \(inferred\)$/, '')] : undefined;
  if (o.province && !province) throw new Error(`${o.id}: unmapped province ${o.province}`);
  const known = ['nastooh', 'iransamaneh', 'aasaam', 'studiokhabar', 'drupal', 'wordpress', 'joomla'].includes(cms);
  // An outlet whose markup no family describes is crawled only once a golden page proves extraction on it.
  const generic = GENERIC_ENABLED[o.id];
  const enabled = known || override !== undefined || generic !== undefined;
  return {
    id: o.id,
    nameFa: o.name_fa,
    nameEn: o.name_en,
    homepage: o.homepage,
    type: typeOf(o.type),
    scope: scopeOf(o.scope),
    ...(province ? { province } : {}),
    ...(o.city ? { city: o.city.replace(/ \(inferred\)$/, '') } : {}),
    cms,
    feeds,
    // No feed, or only guessed ones: the homepage is the listing page (fallback when every guess fails).
    listingPages: onlyGuesses ? [o.homepage] : [],
    ...(generic?.articleUrlPattern ?? override?.articleUrlPattern ?? patternOf(o.article_url_pattern, cms)
      ? { articleUrlPattern: generic?.articleUrlPattern ?? override?.articleUrlPattern ?? patternOf(o.article_url_pattern, cms) }
      : {}),
    ...(override ? { selectors: override.selectors } : {}),
    enabled,
    ...(enabled ? {} : { notes: `${notes}; disabled: no CMS family known and no golden fixture yet — save a page as test/fixtures/${o.id}/ to enable` }),
    ...(enabled && notes ? { notes: generic ? `${notes}; ${generic.note}` : notes } : {}),
  };
});

const file = { version: 1, sources };
const parsed = SourcesFileSchema.safeParse(file);
if (!parsed.success) {
  console.error(parsed.error.issues.slice(0, 10));
  process.exit(1);
}
writeFileSync(process.argv[3] ?? 'config/sources.json', JSON.stringify(file, null, 2) + '\n');
const enabledCount = sources.filter((s) => s.enabled).length;
console.log(`${sources.length} outlets, ${enabledCount} enabled`);
