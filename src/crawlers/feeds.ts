// Feed parsing (RSS 2.0, RSS 1.0/RDF, Atom) with rss-parser, from a string we fetched and
// decoded ourselves — so charset and conditional GET stay ours.
import Parser from 'rss-parser';
import { FetchError } from './errors.ts';

export interface FeedItem {
  /** Absolute article URL as the feed gives it. */
  url: string;
  title?: string;
  /** <description>/<summary>: often the lead, sometimes HTML. */
  description?: string;
  /** <content:encoded>/<content>: full text when the outlet publishes it. */
  content?: string;
  /** Date text as in the feed (RFC 822, ISO 8601, or a Jalali string on some Iranian CMSs). */
  publishedRaw?: string;
  author?: string;
  categories?: string[];
  image?: string;
}

type Custom = { 'content:encoded'?: string; 'dc:date'?: string; 'dc:creator'?: string; enclosure?: { url?: string }; 'media:content'?: { $?: { url?: string } } };

const parser: Parser<Record<string, never>, Custom> = new Parser({
  customFields: { item: ['content:encoded', 'dc:date', 'dc:creator', 'media:content'] },
});

export async function parseFeed(xml: string, feedUrl: string): Promise<FeedItem[]> {
  const trimmed = xml.replace(/^\uFEFF/, '').trimStart();
  if (!/^<(\?xml|rss|feed|rdf:RDF)/i.test(trimmed)) {
    throw new FetchError('malformed-feed', `${feedUrl} is not a feed (starts with ${JSON.stringify(trimmed.slice(0, 40))})`, { url: feedUrl });
  }
  let feed;
  try {
    feed = await parser.parseString(trimmed);
  } catch (e) {
    throw new FetchError('malformed-feed', `${feedUrl} is not well-formed XML: ${(e as Error).message.split('\n')[0]}`, { url: feedUrl });
  }
  const items: FeedItem[] = [];
  for (const it of feed.items ?? []) {
    const guid = typeof it.guid === 'string' && /^https?:\/\//.test(it.guid) ? it.guid : '';
    const link = (it.link || guid || '').trim();
    if (!link) continue;
    let url: string;
    try {
      url = new URL(link, feedUrl).toString();
    } catch {
      continue;
    }
    if (!/^https?:/.test(url)) continue;
    const raw = it as typeof it & Custom & { summary?: string; author?: string; creator?: string };
    items.push({
      url,
      title: it.title?.trim() || undefined,
      description: (raw.summary ?? it.content)?.trim() || undefined,
      content: (raw['content:encoded'] ?? (raw.summary ? it.content : undefined))?.trim() || undefined,
      publishedRaw: (it.pubDate ?? it.isoDate ?? raw['dc:date'])?.trim() || undefined,
      author: (raw.creator ?? raw['dc:creator'] ?? raw.author)?.toString().trim() || undefined,
      categories: it.categories?.map((c) => (typeof c === 'string' ? c : String((c as { _?: string })._ ?? ''))).filter(Boolean),
      image: raw.enclosure?.url ?? raw['media:content']?.$?.url,
    });
  }
  return items;
}
