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
const OVERRIDES: Record<string, { cms?: string; selectors: Selectors; articleUrlPattern?: string; note?: string }> = {
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
  // Per-site configs from cms-families.md (§2 "Other national sites"/alef/pana, §3 provincial table),
  // enabled with their own golden pages like the ones above; none checked against a saved page yet.
  irdiplomacy: {
    selectors: { article: ['.article-view'], title: ['h1'], lead: ['.summary'], body: ['.content'], published: ['.date-info'] },
    note: 'selectors from cms-families.md (irdiplomacy), not yet checked against a saved page',
  },
  alef: {
    selectors: {
      article: ['article'], title: ['.post-title', 'h1'], lead: ['.post-lead'], body: ['.post-content'],
      published: ['.post-sous time', 'time'], remove: ['.post-tag'],
    },
    note: 'selectors from cms-families.md (alef), not yet checked against a saved page; pages sit behind an ArvanCloud challenge that kaghaz reports as bot-challenge and does not bypass, so articles usually come from the listed feed item (extractedBy "feed")',
  },
  pana: {
    selectors: {
      article: ['article[itemscope]', '#PhotoGalleryContainer'], kicker: ['#Content_rutitr'], title: ['#Content_title', 'h1'],
      lead: ['#Content_UnderTitle', '#Content_lid'], body: ['.NewsText'], published: ['#Content_publishdate'],
      section: ['#breadCrumbsContainer [itemprop="title"]'], remove: ['#keyWordContainer'],
    },
    note: 'selectors from cms-families.md (pana), not yet checked against a saved page; no feed known: crawled from the homepage',
  },
  shomalnews: {
    selectors: {
      article: ['.content.news'], kicker: ['.rutitr'], title: ['.title', 'h1'], lead: ['.summary'], body: ['.news_body'],
      published: ['.date .left'],
    },
    note: 'selectors from cms-families.md §3 (shomalnews), not yet checked against a saved page; no feed known: crawled from the homepage',
  },
  honarguilan: {
    selectors: {
      article: ['article.full-story'], title: ['h1'], body: ['.news-text'], published: ['.full-date'], section: ['#speed-bar a:nth-of-type(2)', '#speed-bar a'],
    },
    // DataLife Engine article paths: /{id}-{slug}.html, optionally under a category folder.
    articleUrlPattern: '^/([^/]+/)*\\d+-[^/]*\\.html$',
    note: 'DLE selectors from cms-families.md §3 (honarguilan), not yet checked against a saved page; no feed known (DLE usually serves /rss.xml, unverified): crawled from the homepage',
  },
  ilamrouydad: {
    selectors: { article: ['.txtMain'], kicker: ['.h30'], title: ['h2', 'h1'], body: ['.txtMain'], published: ['.rel.pull-left.ltr'] },
  },
};

/**
 * Persian services abroad and diaspora sites (cms-families.md "International services" names no
 * selectors for them). Each is enabled on a stated basis, has its own golden page in
 * test/fixtures/<id>/, and keeps its listed feeds, whose items carry a description: when the page
 * cannot be read (bot wall, JS shell, drifted markup) the crawler falls back to the feed item.
 *   platform: selectors written from the platform's public page structure (not checked against a saved page)
 *   family:   a CMS family inferred from the outlet's URL/feed conventions; family selectors, generic fallback
 *   feed:     markup unknown; JSON-LD/meta + generic main text, and the feed item when that fails
 */
interface Abroad { basis: 'platform' | 'family' | 'feed'; cms?: string; selectors?: Selectors; articleUrlPattern?: string; note: string }
// RFE/RL's Pangea platform (Radio Farda, VOA): h1.title, .published time[datetime], body in
// #article-content .wsw; embeds and related links sit inside .wsw.
const PANGEA_SELECTORS: Selectors = {
  article: ['#content', 'main'], title: ['h1.title', 'h1'], body: ['#article-content .wsw', '.wsw'],
  published: ['.published time', 'time[datetime]'], section: ['.category a'], author: ['.authors .links__item-link', '.authors a'],
  remove: ['.wsw__embed', '.media-pholder', '.media-block-wrap', '.share--box', '.links'],
};
const PANGEA_ARTICLE = '^/a/([^/]+/)?\\d+\\.html';

const ABROAD: Record<string, Abroad> = {
  bbcpersian: {
    basis: 'platform',
    // Simorgh (BBC World Service): JSON-LD (Reportage)NewsArticle, one <main role=main>, text blocks
    // div[dir=rtl] > p; promos, related topics/content and most-read are <section aria-labelledby>.
    selectors: {
      article: ['main[role="main"]', 'main'], title: ['h1#content', 'main h1'], body: ['main[role="main"]', 'main'],
      published: ['time[datetime]'], remove: ['section[aria-labelledby]', '[role="complementary"]', '[role="region"]', 'header'],
    },
    articleUrlPattern: '^/persian/(articles/[a-z0-9]+|[a-z-]+-\\d+)',
    note: 'selectors from the public Simorgh page structure (JSON-LD + main[role=main] + div[dir=rtl] p), not yet checked against a saved page',
  },
  radiofarda: {
    basis: 'platform',
    selectors: PANGEA_SELECTORS,
    articleUrlPattern: PANGEA_ARTICLE,
    note: 'selectors from the public RFE/RL Pangea page structure (h1.title, .wsw, .published time), not yet checked against a saved page',
  },
  voapersian: {
    basis: 'platform',
    selectors: PANGEA_SELECTORS,
    articleUrlPattern: PANGEA_ARTICLE,
    note: 'selectors from the public VOA Pangea page structure (same platform as Radio Farda), not yet checked against a saved page',
  },
  dwpersian: {
    basis: 'platform',
    // dw.com: JSON-LD NewsArticle; current template .teaser-text + .rich-text, older one p.intro + .longText.
    selectors: {
      article: ['article', '#bodyContent'], kicker: ['.kicker'], title: ['h1'], lead: ['.teaser-text', 'p.intro'],
      body: ['.rich-text', '.longText'], published: ['time[datetime]'], remove: ['.vjs-wrapper', '.embed', '.advertisement'],
    },
    articleUrlPattern: '^/fa-ir/[^/]+/a-\\d+',
    note: 'JSON-LD + selectors from the public dw.com structure (.rich-text / older .longText), not yet checked against a saved page',
  },
  rfipersian: {
    basis: 'platform',
    // France Médias Monde template: .t-content__chapo lead, .t-content__body text, self-promo and list blocks inside.
    selectors: {
      article: ['article', 'main'], title: ['h1.a-page-title', 'h1'], lead: ['.t-content__chapo'], body: ['.t-content__body'],
      published: ['.m-pub-dates time', 'time[datetime]'], author: ['.m-from-author__name'],
      remove: ['.o-self-promo', '.m-item-list-article', '.m-interstitial', '.t-content__tags', '.m-em-image'],
    },
    articleUrlPattern: '^/fa/',
    note: 'JSON-LD + selectors from the public France Médias Monde (rfi.fr) template, not yet checked against a saved page',
  },
  independentpersian: {
    basis: 'family', cms: 'drupal',
    articleUrlPattern: '^/node/\\d+',
    note: 'Drupal inferred from its /node/{id} article paths and the Drupal default feed /rss.xml; Drupal family selectors + JSON-LD, generic text as fallback; not yet checked against a saved page',
  },
  radiozamaneh: {
    basis: 'family', cms: 'wordpress',
    note: 'WordPress inferred from its listed feed /feed/ (the WordPress convention); WordPress family selectors, generic text as fallback; not yet checked against a saved page',
  },
  zeitoons: {
    basis: 'family', cms: 'wordpress',
    note: 'WordPress inferred from its listed feed /feed (the WordPress convention); WordPress family selectors, generic text as fallback; not yet checked against a saved page',
  },
  hrana: {
    basis: 'family', cms: 'wordpress',
    note: 'WordPress inferred from its listed feed /feed/ (the WordPress convention); WordPress family selectors, generic text as fallback; not yet checked against a saved page',
  },
  iranintl: {
    basis: 'feed',
    note: 'page markup unknown (the research list saw a 2018 Drupal theme; the current site differs): JSON-LD/meta + generic main text, the feed item (title + description) when the page yields nothing; save a real page to write selectors',
  },
  iranwire: {
    basis: 'feed',
    note: 'page markup unknown (the /feed/ path hints at WordPress, unconfirmed): JSON-LD/meta + generic main text, the feed item when the page yields nothing; save a real page to write selectors',
  },
  alarabiyafarsi: {
    basis: 'feed',
    note: 'page markup unknown: JSON-LD/meta + generic main text, the feed item (title + description) when the page yields nothing; save a real page to write selectors',
  },
};

/**
 * Outlets with no known CMS that are enabled anyway because the product needs them (the Tabriz
 * profile's own outlet) and a golden page covers the generic extraction path for them.
 */
const GENERIC_ENABLED: Record<string, { articleUrlPattern?: string; onlyFeeds?: string[]; note: string }> = {
  'tabriz-municipality': {
    articleUrlPattern: '^/(fa/)?[Nn]ews/\\d+',
    note: 'markup not verified against a saved page: crawled from the homepage with the generic extractor (golden page test/fixtures/tabriz-municipality assumes an ASP.NET portal layout)',
  },
  // A national agency that criticises city management often: missing it costs more than reading
  // it from its feed. The relaunched site renders articles in the browser, so the page yields
  // nothing (golden page: a server-rendered shell) and the feed item becomes the clipping.
  farsnews: {
    onlyFeeds: ['https://farsnews.ir/rss'],
    note: 'enabled feed-only: the relaunched site renders articles in the browser, so clippings come from the feed item (title + description, extractedBy "feed"); www.farsnews.ir/rss redirects to a 404 and is left out; save one article\'s raw HTML to check for JSON-LD with the text',
  },
};

/**
 * Disabled outlets: what a person has to save or check to enable each one. Every note ends with
 * the general recipe (ENABLE_RECIPE); the specific part names the clue we have (URL shape, feed
 * path, selectors in cms-families.md) and the page to save.
 */
const WP_SHAPE = 'its URLs look like WordPress permalinks: if the saved page has /wp-content/ links and <body class="… single-post …">, set cms "wordpress" in build-sources.ts (family selectors + golden page) and add its /feed/ to the research list (confidence "guess", or "listed" when the page links it)';
const NEWS_ID_SHAPE = 'its /news/{id}/{slug}/ paths fit several CMSs: in the saved page look for .item-text/.item-summary (Nastooh), .news_pdate_c/.body (IranSamaneh), #echo_detail (aasaam) or #doctextarea (StudioKhabar) and set that cms';
const TAG_ONLY = 'only tag/category pages were seen, so the article URL shape is unknown: save one article page and note its path for articleUrlPattern';
const FEED_LINK = 'look in the saved page\'s <head> for <link rel="alternate" type="application/rss+xml"> to find a feed, else the homepage is the listing page';
const TODO: Record<string, string> = {
  icana: 'feed listed (/Fa/rss) but markup unknown: save one article page linked from that feed',
  tejaratnews: 'feeds /rss and /feed are listed; /feed is the WordPress convention: save one article page and check for /wp-content/ and body.single-post (then cms "wordpress")',
  jamaran: 'its feed /fa/rss/allnews is the IranSamaneh/aasaam convention: save one /fa/news/{id} page; .news_pdate_c and .body → cms "iransamaneh", #echo_detail → cms "aasaam"',
  didbaniran: TAG_ONLY + '; ' + FEED_LINK,
  nournews: 'selectors are known (cms-families.md: #Body_Body_lblNewsBody, ._Desc, meta[itemprop=datePublished] in M/D/Y) but no feed: save one article page to confirm them and ' + FEED_LINK,
  shahrekhabar: 'aggregator (republishes other outlets, dedupe): low priority; save one item page and ' + FEED_LINK,
  akharinkhabar: 'aggregator; selectors known (cms-families.md: #view-module, .asset-metabar-time, .asset-double-wide): save one item page to confirm them and ' + FEED_LINK,
  vazeh: 'aggregator/archive (/nf/{id}, /n-{id}.html), useful for back-fill only: save one item page and ' + FEED_LINK,
  armantabriz: NEWS_ID_SHAPE + '; ' + FEED_LINK,
  mehrtabriz: NEWS_ID_SHAPE + '; ' + FEED_LINK,
  nasrnews: 'leads start with «نصر:»; ' + TAG_ONLY + '; ' + FEED_LINK,
  aynews: 'leads start with «آی نیوز:», section «شهر و شهروند» is the one to watch; ' + TAG_ONLY + '; ' + FEED_LINK,
  bork: TAG_ONLY + ' (/post/tag/{tag} suggests /post/{id} articles); ' + FEED_LINK,
  sonkhabar: WP_SHAPE,
  negaheazarbayjan: 'republishes items on Tabriz municipality; ' + TAG_ONLY + ' (/tag/{slug}/ with a trailing slash hints at WordPress); ' + FEED_LINK,
  ofogazarbaijan: WP_SHAPE,
  hamnava: 'location not confirmed (tag pages dominated by Tabriz city council); ' + TAG_ONLY + '; ' + FEED_LINK,
  khorasannews: 'Mashhad daily, no URL seen yet: save its homepage and one article page; ' + FEED_LINK,
  talkhandmashhad: 'its /{id}/ article paths may be WordPress ?p= permalinks: save one article page; if it has /wp-content/ set cms "wordpress" in build-sources.ts and add its /feed/ to the research list (confidence "guess", or "listed" when the page links it)',
  dyarehafez: TAG_ONLY + ' (/tag/{slug}/ hints at WordPress); ' + FEED_LINK,
  negahefars: TAG_ONLY + ' (/tag/{slug}/ hints at WordPress); ' + FEED_LINK,
  avangpress: WP_SHAPE,
  'isfahan-municipality': 'ASP.NET portal (/ShowPage.aspx?page_=news…&PageID={id}), text in Arabic ي/ك: save one news page and the news list page; a golden page like tabriz-municipality\'s (generic extractor) is enough to enable it with the list page as listing page',
  payamesepahan: 'ASP.NET Incsys (/Incsys/PrtNews.aspx?code={id}, canonical /fa/News/{id}/{slug}), dates with Arabic YEH: save one /fa/News/{id} page and ' + FEED_LINK,
  jeypress: WP_SHAPE + ' (/{yyyy}/{mm}/{dd}/{slug}/ is the WordPress date permalink)',
  sepidarnews: 'custom CMS (/shahri/print:page,1,{id}-{slug}.html), chrome in Arabic YEH: save one article page (not the print view) and ' + FEED_LINK,
  ramzgoshanews: 'province inferred; only /news/search?tags= seen: save one article page and ' + FEED_LINK,
  khabargohardasht: WP_SHAPE,
  ahvaznovin: TAG_ONLY + ' (/tag/{slug}/ hints at WordPress); ' + FEED_LINK,
  sobhesahel: 'custom CMS: save one article page and ' + FEED_LINK,
  boyernews: 'custom CMS (.panel-default blocks): save one article page and ' + FEED_LINK,
};
const ENABLE_RECIPE = (id: string) =>
  `to enable: save the raw HTML of one article page as test/fixtures/${id}/page.html with an expected.json (title, lead, body, date as a reader sees them), add selectors to OVERRIDES in src/crawlers/tools/build-sources.ts if the family defaults miss, and regenerate`;

const raw = JSON.parse(readFileSync(process.argv[2] ?? '/work/shared/reference/outlets.json', 'utf8')) as RawOutlet[];
const sources = raw.map((o) => {
  const abroad = ABROAD[o.id];
  const override = OVERRIDES[o.id] ?? (abroad?.selectors ? { selectors: abroad.selectors, articleUrlPattern: abroad.articleUrlPattern } : undefined);
  const cms = override?.cms ?? abroad?.cms ?? cmsOf(o.cms);
  const onlyFeeds = GENERIC_ENABLED[o.id]?.onlyFeeds;
  const feeds = (o.feeds ?? [])
    // "{serviceId}" templates and "(index)" help pages are not feeds.
    .filter((f) => !/[{}\s]/.test(f.url))
    .filter((f) => !onlyFeeds || onlyFeeds.includes(f.url))
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
  const enabled = known || override !== undefined || generic !== undefined || abroad !== undefined;
  const pattern = generic?.articleUrlPattern ?? override?.articleUrlPattern ?? abroad?.articleUrlPattern ?? patternOf(o.article_url_pattern, cms);
  const enabledNote = generic ? `${notes}; ${generic.note}` : abroad ? `${notes}; enabled (${abroad.basis}): ${abroad.note}` : OVERRIDES[o.id]?.note ? `${notes}; ${OVERRIDES[o.id]?.note}` : notes;
  const disabledNote = `${notes}; disabled: no CMS family known and no golden page yet; ${TODO[o.id] ? TODO[o.id] + '; ' : ''}${ENABLE_RECIPE(o.id)}`;
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
    ...(pattern ? { articleUrlPattern: pattern } : {}),
    ...(override ? { selectors: override.selectors } : {}),
    enabled,
    notes: enabled ? enabledNote : disabledNote,
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
const missingTodo = sources.filter((s) => !s.enabled && !TODO[s.id]).map((s) => s.id);
if (missingTodo.length) console.warn(`disabled without a specific to-do note: ${missingTodo.join(', ')}`);
const staleAbroad = Object.keys(ABROAD).filter((id) => !raw.some((o) => o.id === id));
if (staleAbroad.length) console.warn(`ABROAD entries not in the research list: ${staleAbroad.join(', ')}`);
