// Article links on a listing page (homepage, archive, section). Only links on the outlet's own
// host that look like articles are kept: the outlet's articleUrlPattern, else its family's,
// else a generic rule (numeric id or dated path, not a tag/category/search page).
import * as cheerio from 'cheerio';
import type { Source } from '../config.ts';
import { familyOf } from '../extract/families.ts';
import { canonicalUrl } from './canonical-url.ts';

const NOT_ARTICLE = /\/(tags?|category|categories|author|search|page|service|archive|rss|feeds?|login|contact|about|video-?list)(\/|$|\?)/i;
const LOOKS_LIKE_ARTICLE = /(\/\d{3,}(\/|$|-|\.))|(\/\d{4}\/\d{1,2}\/\d{1,2}\/)|([?&]p=\d+)|(news-\d+)/;

function siteOf(host: string): string {
  return host.toLowerCase().replace(/^www\./, '');
}

export function articleLinks(html: string, pageUrl: string, source: Source): string[] {
  const $ = cheerio.load(html);
  const pattern = source.articleUrlPattern ?? familyOf(source.cms)?.articleUrlPattern;
  const re = pattern ? new RegExp(pattern) : undefined;
  const site = siteOf(new URL(source.homepage).host);
  const selector = source.selectors?.listingLinks?.map((s) => `${s} a[href], a${s}[href]`).join(', ') ?? 'a[href]';
  const out: string[] = [];
  const seen = new Set<string>();
  $(selector).each((_, el) => {
    const href = $(el).attr('href');
    if (!href || href.startsWith('#') || /^(mailto|tel|javascript):/i.test(href)) return;
    let u: URL;
    try {
      u = new URL(href, pageUrl);
    } catch {
      return;
    }
    if (!/^https?:$/.test(u.protocol) || siteOf(u.host) !== site) return;
    let pathAndQuery = u.pathname + u.search;
    try {
      pathAndQuery = decodeURI(u.pathname) + u.search;
    } catch {
      /* malformed escape: match the raw path */
    }
    if (NOT_ARTICLE.test(u.pathname)) return;
    if (re ? !re.test(pathAndQuery) : NOT_ARTICLE.test(u.pathname) || !LOOKS_LIKE_ARTICLE.test(pathAndQuery)) return;
    u.hash = '';
    // www and bare host are one site; the same article linked both ways is one candidate.
    const key = canonicalUrl(u.toString()).replace(/^(https?:\/\/)www\./, '$1');
    if (seen.has(key)) return;
    seen.add(key);
    out.push(u.toString());
  });
  return out;
}
