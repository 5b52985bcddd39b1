// Structured data first: JSON-LD (NewsArticle and kin) and meta tags (og:, article:, dcterms,
// itemprop). Where an outlet publishes them they are cleaner than anything read from the layout.
import type { CheerioAPI } from 'cheerio';
import { cleanText } from './text.ts';

export interface Structured {
  isArticle: boolean;
  isListing: boolean;
  headline?: string;
  description?: string;
  articleBody?: string;
  published?: string;
  author?: string;
  section?: string;
  image?: string;
  canonical?: string;
  ogTitle?: string;
  docTitle?: string;
}

const ARTICLE_TYPES = /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BlogPosting|Report|LiveBlogPosting|BackgroundNewsArticle)$/;
const LISTING_TYPES = /^(ItemList|CollectionPage|SearchResultsPage)$/;

function nameOf(v: unknown): string | undefined {
  if (!v) return undefined;
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(nameOf).filter(Boolean).join('، ') || undefined;
  if (typeof v === 'object') return nameOf((v as { name?: unknown }).name);
  return undefined;
}

function urlOf(v: unknown): string | undefined {
  if (!v) return undefined;
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return urlOf(v[0]);
  if (typeof v === 'object') return urlOf((v as { url?: unknown }).url);
  return undefined;
}

function flatten(node: unknown, out: Record<string, unknown>[]): void {
  if (Array.isArray(node)) node.forEach((n) => flatten(n, out));
  else if (node && typeof node === 'object') {
    out.push(node as Record<string, unknown>);
    const graph = (node as { '@graph'?: unknown })['@graph'];
    if (graph) flatten(graph, out);
  }
}

function typesOf(o: Record<string, unknown>): string[] {
  const t = o['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

export function readStructured($: CheerioAPI): Structured {
  const s: Structured = { isArticle: false, isListing: false };
  const nodes: Record<string, unknown>[] = [];
  $('script[type="application/ld+json"]').each((_, el) => {
    const raw = $(el).text().trim();
    if (!raw) return;
    try {
      flatten(JSON.parse(raw), nodes);
    } catch {
      // Some CMSs emit JSON-LD with raw newlines inside strings; one repair attempt, then give up.
      try {
        flatten(JSON.parse(raw.replace(/[\r\n\t]+/g, ' ')), nodes);
      } catch {
        /* unusable block */
      }
    }
  });
  const article = nodes.find((n) => typesOf(n).some((t) => ARTICLE_TYPES.test(t)));
  if (nodes.some((n) => typesOf(n).some((t) => LISTING_TYPES.test(t))) && !article) s.isListing = true;
  if (article) {
    s.isArticle = true;
    s.headline = typeof article.headline === 'string' ? cleanText(article.headline) : undefined;
    s.description = typeof article.description === 'string' ? cleanText(article.description) : undefined;
    s.articleBody = typeof article.articleBody === 'string' ? article.articleBody : undefined;
    s.published = typeof article.datePublished === 'string' ? article.datePublished : undefined;
    s.author = nameOf(article.author);
    s.section = nameOf(article.articleSection);
    s.image = urlOf(article.image);
    const main = article.mainEntityOfPage;
    s.canonical = typeof main === 'string' ? main : urlOf(main) ?? (typeof (main as { '@id'?: unknown })?.['@id'] === 'string' ? (main as { '@id': string })['@id'] : undefined);
  }
  const meta = (sel: string) => $(sel).first().attr('content')?.trim() || undefined;
  const ogType = meta('meta[property="og:type"]');
  if (ogType === 'article') s.isArticle = true;
  s.ogTitle = meta('meta[property="og:title"]') ?? meta('meta[name="twitter:title"]');
  s.docTitle = cleanText($('title').first().text()) || undefined;
  s.description ??= meta('meta[property="og:description"]') ?? meta('meta[name="description"]');
  s.published ??=
    meta('meta[property="article:published_time"]') ??
    meta('meta[itemprop="datePublished"]') ??
    $('[itemprop="datePublished"]').first().attr('datetime') ??
    meta('meta[name="dcterms.created"]') ??
    meta('meta[name="DC.date.issued"]') ??
    meta('meta[name="pubdate"]') ??
    meta('meta[name="publish-date"]');
  s.author ??= meta('meta[name="author"]') ?? meta('meta[property="article:author"]');
  s.section ??= meta('meta[property="article:section"]');
  s.image = meta('meta[property="og:image"]') ?? s.image;
  s.canonical = $('link[rel="canonical"]').first().attr('href')?.trim() || meta('meta[property="og:url"]') || s.canonical;
  return s;
}
