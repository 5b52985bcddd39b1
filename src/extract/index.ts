// extractArticle: one ordered cascade of named steps (trafilatura-style).
//   1. listing-page check (URL shape, JSON-LD type, headline-link density)
//   2. structured data: JSON-LD NewsArticle + meta tags (title, date, author, section, image, canonical)
//   3. selectors: the outlet's own (config/sources.json) first, then its CMS family's (families.ts)
//   4. generic main-text scoring when no selector found a body
//   5. feed item, when the page is unavailable or unusable
// A rejected page returns { ok: false, reason } — never a half-article.
import * as cheerio from 'cheerio';
import type { CheerioAPI, Cheerio } from 'cheerio';
import type { AnyNode } from 'domhandler';
import type { DraftArticle } from '../article.ts';
import type { Selectors, Source } from '../config.ts';
import type { FeedItem } from '../crawlers/feeds.ts';
import { canonicalUrl } from '../crawlers/canonical-url.ts';
import { COMMON_REMOVE, familyOf } from './families.ts';
import { readStructured } from './meta.ts';
import { genericMainText, linkDensity } from './generic.ts';
import { cleanText, dropLinkBlocks, oneLine, paragraphs, stripHtml } from './text.ts';
import { parseDate } from './date.ts';

export type { FeedItem };
export type ExtractResult = { ok: true; article: DraftArticle } | { ok: false; reason: string };

export interface ExtractInput {
  html: string;
  url: string;
  source: Source;
  feedItem?: FeedItem;
  fetchedAt: string;
  /** Reference "now" for date sanity checks (tests); defaults to fetchedAt. */
  now?: Date;
}

/** Below this many characters of body text a page is not an article (photo pages, stubs, walls). */
export const MIN_BODY_CHARS = 120;

const LISTING_PATH = /\/(tags?|category|categories|archive|search|service|page\/\d+|author|newsstudios|rss-help|list)(\/|$|\?)/i;

type Field = keyof Selectors;

/** The outlet's selectors, then its family's, for one field. */
function chain(source: Source, field: Field): string[] {
  return [...(source.selectors?.[field] ?? []), ...(familyOf(source.cms)?.selectors[field] ?? []), ...(GENERIC[field] ?? [])];
}

/** Last-resort selectors every page gets, after the outlet's and the family's. */
const GENERIC: Partial<Record<Field, string[]>> = {
  title: ['h1', '[itemprop="headline"]'],
  published: ['time[datetime]', '[itemprop="datePublished"]'],
};

function firstMatch($: CheerioAPI, scopes: Cheerio<AnyNode>[], selectors: string[], accept: (el: Cheerio<AnyNode>) => boolean = (el) => cleanText(el.text()).length > 0): Cheerio<AnyNode> | undefined {
  for (const sel of selectors) {
    for (const scope of scopes) {
      let found: Cheerio<AnyNode>;
      try {
        found = scope.is(sel) ? scope : scope.find(sel);
      } catch {
        continue; // a selector cheerio cannot parse is skipped, not fatal
      }
      for (let i = 0; i < found.length; i++) {
        const el = found.eq(i);
        if (accept(el)) return el;
      }
    }
  }
  return undefined;
}

/** "Headline - Site name" → "Headline": keep the longest segment. */
function stripSiteName(title: string, source: Source): string {
  const parts = title.split(/\s+[|\-–—]\s+/).map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2) return title;
  const named = parts.filter((p) => p !== source.nameFa && !source.nameFa.includes(p));
  return (named.length ? named : parts).reduce((a, b) => (b.length > a.length ? b : a));
}

function safeCanonical(raw: string | undefined, url: string): string {
  const fallback = canonicalUrl(url);
  if (!raw) return fallback;
  try {
    const c = canonicalUrl(raw, url);
    const path = new URL(c).pathname;
    // A canonical that points at the homepage or a section is a CMS misconfiguration, not this article.
    if (path === '/' || path === '' || LISTING_PATH.test(path)) return fallback;
    return c;
  } catch {
    return fallback;
  }
}

function listingPath(url: string, source: Source): boolean {
  const path = new URL(url).pathname;
  if (path === '/' || path === '') return true;
  const family = familyOf(source.cms)?.listingUrlPattern;
  if (family && new RegExp(family).test(path)) return true;
  return LISTING_PATH.test(path);
}

/**
 * Teasers in the page's main area: headline links (h1–h4 > a, a > h1–h4) outside sidebars,
 * navigation and "latest/related" boxes. An index page is a stack of them; an article page has
 * them only in side boxes.
 */
function mainAreaTeasers($: CheerioAPI): number {
  const SIDE = 'aside, nav, footer, header, [class*="side"], [class*="latest"], [class*="related"], [class*="most"], [class*="widget"], [id*="side"]';
  let n = 0;
  $('h1 a[href], h2 a[href], h3 a[href], h4 a[href], a[href] h1, a[href] h2, a[href] h3, a[href] h4').each((_, el) => {
    if ($(el).closest(SIDE).length === 0 && cleanText($(el).text()).length >= 15) n++;
  });
  return n;
}

export function extractArticle(input: ExtractInput): ExtractResult {
  const { url, source, feedItem, fetchedAt } = input;
  const now = input.now ?? new Date(fetchedAt);
  if (!input.html || !input.html.trim()) {
    return feedItem ? draftFromFeedItem(feedItem, source, url, fetchedAt, now) : { ok: false, reason: 'empty-page' };
  }
  const fromPage = extractFromHtml(input, now);
  if (fromPage.ok) {
    // The feed often knows the date when the page hides it in an image or a script.
    if (fromPage.article.publishedAt === null && feedItem?.publishedRaw) {
      const d = parseDate(feedItem.publishedRaw, now);
      if (d) {
        fromPage.article.publishedAt = d.toISOString();
        fromPage.article.publishedRaw = feedItem.publishedRaw;
      }
    }
    return fromPage;
  }
  // A page that renders its text in the browser (or hides it) yields nothing here; the feed
  // item is then the article, on the same terms as when the page could not be fetched at all —
  // a one-sentence description is still a clipping, and a missed article is a missed rebuttal.
  if (feedItem && (fromPage.reason === 'no-title' || fromPage.reason === 'body-too-short')) {
    const fromFeed = draftFromFeedItem(feedItem, source, url, fetchedAt, now);
    if (fromFeed.ok) return fromFeed;
  }
  return fromPage;
}

function extractFromHtml(input: ExtractInput, now: Date): ExtractResult {
  const { url, source, fetchedAt } = input;
  const $ = cheerio.load(input.html);
  const structured = readStructured($);
  if (structured.isListing || (!structured.isArticle && listingPath(url, source))) return { ok: false, reason: 'listing-page' };

  const root = $.root();
  // The article container: prefer a match that holds the headline (related-post boxes reuse the same markup).
  const articleSelectors = chain(source, 'article');
  const article =
    firstMatch($, [root], articleSelectors, (el) => el.find('h1').length > 0 && cleanText(el.text()).length >= 40) ??
    firstMatch($, [root], articleSelectors, (el) => cleanText(el.text()).length >= 40);
  const scopes = article ? [article, root] : [root];
  const family = source.selectors ? `selectors:${source.id}` : familyOf(source.cms) ? `selectors:${source.cms}` : 'generic';

  // Title: JSON-LD headline, the layout's title, og:title, <title>.
  const titleEl = firstMatch($, scopes, chain(source, 'title'), (el) => {
    const t = oneLine($, el);
    return t.length >= 5 && t.length <= 300 && el.closest('a[href]').length === 0;
  });
  const title =
    structured.headline ||
    (titleEl ? oneLine($, titleEl) : undefined) ||
    (structured.ogTitle ? stripSiteName(structured.ogTitle, source) : undefined) ||
    (structured.docTitle ? stripSiteName(structured.docTitle, source) : undefined);
  const kickerEl = firstMatch($, scopes, chain(source, 'kicker'), (el) => oneLine($, el).length > 0 && oneLine($, el).length < 200);
  const leadEl = firstMatch($, scopes, chain(source, 'lead'), (el) => oneLine($, el).length >= 20);
  const dateEl = firstMatch($, scopes, chain(source, 'published'));
  const sectionEl = firstMatch($, scopes, chain(source, 'section'), (el) => {
    const t = oneLine($, el);
    return t.length > 0 && t.length < 60 && !/^(خانه|صفحه اصلی|صفحه نخست|home)$/i.test(t);
  });
  const authorEl = firstMatch($, scopes, chain(source, 'author'), (el) => oneLine($, el).length > 0 && oneLine($, el).length < 80);

  // Body: selectors first; boilerplate and the header fields removed from a copy.
  const removeSel = [...COMMON_REMOVE, ...(source.selectors?.remove ?? []), ...(familyOf(source.cms)?.selectors.remove ?? [])];
  const headerEls = [titleEl, kickerEl, leadEl, dateEl].filter((e): e is Cheerio<AnyNode> => e !== undefined).map((e) => e.get(0));
  // Header fields inside the container are marked on the original and dropped from a copy; a
  // "header" element holding a whole text block is a selector gone wide, and is kept.
  const cleanCopy = (el: Cheerio<AnyNode>): Cheerio<AnyNode> => {
    const marks = headerEls.map((h) => $(h as never) as Cheerio<AnyNode>).filter((m) => m.length > 0 && cleanText(m.text()).length <= 600);
    marks.forEach((m) => m.attr('data-kaghaz-drop', '1'));
    const copy = el.first().clone();
    marks.forEach((m) => m.removeAttr('data-kaghaz-drop'));
    copy.find('[data-kaghaz-drop]').remove();
    removeAll(copy, removeSel);
    dropLinkBlocks($, copy);
    return copy;
  };
  const cleaned = (el: Cheerio<AnyNode>): string[] => paragraphs($, cleanCopy(el));
  let bodyParas: string[] = [];
  let extractedBy = family;
  const bodyEl = firstMatch($, scopes, chain(source, 'body'), (el) => cleanText(el.text()).length >= 40);
  if (bodyEl) bodyParas = cleaned(bodyEl);
  if (bodyParas.join('\n\n').length < MIN_BODY_CHARS && structured.articleBody && cleanText(structured.articleBody).length >= MIN_BODY_CHARS) {
    bodyParas = cleanText(stripHtml(structured.articleBody)).split(/\n+/).map((p) => p.trim()).filter(Boolean);
    extractedBy = 'jsonld';
  }
  let genericDensity = 0;
  if (bodyParas.join('\n\n').length < MIN_BODY_CHARS) {
    // Same cleaning as the selector path: the headline, date and lead found above are not body text.
    const container = article ?? $('body').first();
    const copy = container.length ? cleanCopy(container) : container;
    const g = genericMainText($, copy.length ? copy : root);
    if (g) {
      bodyParas = g.paragraphs;
      genericDensity = g.linkDensity;
      extractedBy = 'generic';
    }
  }
  // The lead is often repeated as the body's first paragraph; and the title must not open the body.
  let lead = leadEl ? oneLine($, leadEl) : structured.description ? cleanText(stripHtml(structured.description)).replace(/\n+/g, ' ') : undefined;
  bodyParas = bodyParas.filter((p, i) => !(i === 0 && (p === title || p === lead)));
  // A meta description that is just the body's opening cut off ("…") is an excerpt, not a lead.
  if (!leadEl && lead) {
    const stem = lead.replace(/\s*(\[…\]|…|\.\.\.)\s*$/, '').trim();
    if (stem !== lead && bodyParas[0]?.startsWith(stem)) lead = undefined;
  }
  const body = bodyParas.join('\n\n');

  if (!title) return { ok: false, reason: 'no-title' };
  if (!structured.isArticle) {
    const bodyLinkHeavy = extractedBy === 'generic' ? genericDensity > 0.5 : bodyEl !== undefined && linkDensity($, bodyEl) > 0.5;
    const titleFromLayout = titleEl !== undefined && titleEl.is('h1, h1 *, [itemprop="headline"]');
    if (bodyLinkHeavy || (mainAreaTeasers($) >= 6 && (extractedBy === 'generic' || !titleFromLayout))) return { ok: false, reason: 'listing-page' };
  }
  if (body.length < MIN_BODY_CHARS) return { ok: false, reason: 'body-too-short' };

  // Date: machine-readable first, then the layout's date text.
  let publishedRaw: string | undefined;
  let publishedAt: string | null = null;
  const candidates = [structured.published, dateEl?.attr('datetime'), dateEl?.attr('content'), dateEl ? oneLine($, dateEl) : undefined];
  const tryDates = (list: (string | undefined)[], keepRaw: boolean): boolean => {
    for (const raw of list) {
      if (!raw) continue;
      if (keepRaw) publishedRaw ??= raw.trim();
      const d = parseDate(raw, now);
      if (d) {
        publishedRaw = raw.trim();
        publishedAt = d.toISOString();
        return true;
      }
    }
    return false;
  };
  // Structured + the layout's own date element first: their text is kept even when unparseable.
  if (!tryDates(candidates, true)) {
    // Last resort, any element that calls itself a date (outside comments), page order.
    const DATEISH = 'time[datetime], [itemprop="datePublished"], [class*="date"], [class*="time"], [id*="date"], [class*="tarikh"]';
    const loose: string[] = [];
    for (const scope of scopes) {
      scope.find(DATEISH).each((_, el) => {
        const e = $(el);
        if (e.closest('[class*="comment"], [id*="comment"], aside, footer').length) return;
        loose.push(e.attr('datetime') ?? e.attr('content') ?? oneLine($, e));
      });
    }
    tryDates(loose, false);
  }
  const section = structured.section ?? (sectionEl ? oneLine($, sectionEl) : undefined);
  const author = structured.author ?? (authorEl ? oneLine($, authorEl) : undefined);
  let image: string | undefined;
  try {
    image = structured.image ? new URL(structured.image, url).toString() : undefined;
  } catch {
    image = undefined;
  }
  const kicker = kickerEl ? oneLine($, kickerEl) : undefined;
  return {
    ok: true,
    article: {
      sourceId: source.id,
      url,
      canonicalUrl: safeCanonical(structured.canonical, url),
      title,
      ...(kicker && kicker !== title ? { kicker } : {}),
      ...(lead && lead !== title ? { lead } : {}),
      body,
      ...(author ? { author } : {}),
      publishedAt,
      ...(publishedRaw ? { publishedRaw } : {}),
      ...(section ? { section } : {}),
      ...(image ? { image } : {}),
      fetchedAt,
      extractedBy,
    },
  };
}

function safeRemove(el: Cheerio<AnyNode>, sel: string): void {
  try {
    el.find(sel).remove();
  } catch {
    /* unsupported selector */
  }
}

/** One query for the whole remove list; one by one only when some selector cannot be parsed. */
function removeAll(el: Cheerio<AnyNode>, selectors: string[]): void {
  try {
    el.find(selectors.join(', ')).remove();
  } catch {
    for (const sel of selectors) safeRemove(el, sel);
  }
}

/**
 * A draft from the feed item alone (page unavailable: bot wall, robots, timeout …). Title is
 * required; the body is the full text when the feed carries content:encoded, else the description —
 * enough for mention detection and the press review, marked extractedBy 'feed' so readers know.
 */
export function draftFromFeedItem(item: FeedItem, source: Source, url: string, fetchedAt: string, now = new Date(fetchedAt)): ExtractResult {
  const title = item.title ? cleanText(stripHtml(item.title)).replace(/\n+/g, ' ') : '';
  if (!title) return { ok: false, reason: 'no-title' };
  const description = item.description ? cleanText(stripHtml(item.description)) : '';
  const content = item.content ? cleanText(stripHtml(item.content)) : '';
  const bodyText = content.length > description.length ? content : description;
  const body = bodyText.split(/\n+/).map((p) => p.trim()).filter(Boolean).join('\n\n');
  if (body.length < 20) return { ok: false, reason: 'body-too-short' };
  const d = item.publishedRaw ? parseDate(item.publishedRaw, now) : null;
  return {
    ok: true,
    article: {
      sourceId: source.id,
      url,
      canonicalUrl: canonicalUrl(item.url || url),
      title,
      ...(content && description && description !== content ? { lead: description.replace(/\n+/g, ' ') } : {}),
      body,
      ...(item.author ? { author: item.author } : {}),
      publishedAt: d ? d.toISOString() : null,
      ...(item.publishedRaw ? { publishedRaw: item.publishedRaw } : {}),
      ...(item.categories?.[0] ? { section: item.categories[0] } : {}),
      ...(item.image ? { image: item.image } : {}),
      fetchedAt,
      extractedBy: 'feed',
    },
  };
}
