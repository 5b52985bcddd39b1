// RSS 2.0 and Atom feeds as Iranian CMSs emit them, and the broken variant a faulty outlet serves.
import { esc } from './chrome.ts';

export interface FeedItem {
  title: string;
  link: string;
  guid: string;
  description: string;
  /** RFC-822 (RSS) or ISO (Atom) date text. */
  date: string;
  category: string;
  /** Full HTML of the article (WordPress content:encoded). */
  contentHtml?: string;
}

export interface FeedChannel {
  title: string;
  link: string;
  selfUrl: string;
  description: string;
  encoding: string;
  /** Newest item date, same format as the items. */
  updated: string;
}

const cdata = (s: string) => `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

export function renderRss(ch: FeedChannel, items: FeedItem[]): string {
  const hasContent = items.some((i) => i.contentHtml);
  return `<?xml version="1.0" encoding="${ch.encoding}"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"${hasContent ? ' xmlns:content="http://purl.org/rss/1.0/modules/content/"' : ''}>
<channel>
<title>${esc(ch.title)}</title>
<link>${esc(ch.link)}</link>
<atom:link href="${esc(ch.selfUrl)}" rel="self" type="application/rss+xml"/>
<description>${esc(ch.description)}</description>
<language>fa</language>
<lastBuildDate>${ch.updated}</lastBuildDate>
${items
  .map(
    (i) => `<item>
<title>${esc(i.title)}</title>
<link>${esc(i.link)}</link>
<guid isPermaLink="false">${esc(i.guid)}</guid>
<description>${cdata(i.description)}</description>
<category>${esc(i.category)}</category>
<pubDate>${i.date}</pubDate>${i.contentHtml ? `\n<content:encoded>${cdata(i.contentHtml)}</content:encoded>` : ''}
</item>`,
  )
  .join('\n')}
</channel>
</rss>
`;
}

export function renderAtom(ch: FeedChannel, items: FeedItem[]): string {
  return `<?xml version="1.0" encoding="${ch.encoding}"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fa">
<title>${esc(ch.title)}</title>
<link rel="alternate" type="text/html" href="${esc(ch.link)}"/>
<link rel="self" type="application/atom+xml" href="${esc(ch.selfUrl)}"/>
<id>${esc(ch.link)}</id>
<updated>${ch.updated}</updated>
${items
  .map(
    (i) => `<entry>
<title type="text">${esc(i.title)}</title>
<link rel="alternate" type="text/html" href="${esc(i.link)}"/>
<id>${esc(i.guid)}</id>
<published>${i.date}</published>
<updated>${i.date}</updated>
<summary type="text">${esc(i.description)}</summary>
<category term="${esc(i.category)}"/>
</entry>`,
  )
  .join('\n')}
</feed>
`;
}

/**
 * A broken feed as seen in the wild: a raw "&" and "<" in a title (a CMS that forgot to escape)
 * and the document cut off mid-item (a PHP error killed the script).
 */
export function renderMalformedRss(ch: FeedChannel, items: FeedItem[]): string {
  const head = items.slice(0, 3).map(
    (i) => `<item>
<title>${i.title} & گزارش <ویژه></title>
<link>${i.link}</link>
<pubDate>${i.date}</pubDate>
</item>`,
  );
  return `<?xml version="1.0" encoding="${ch.encoding}"?>
<rss version="2.0"><channel><title>${ch.title}</title><link>${ch.link}</link>
${head.join('\n')}
<item><title>${items[3]?.title ?? ch.title}</title><link>${items[3]?.link ?? ch.link}
<b>Fatal error</b>: Allowed memory size exhausted in <b>/var/www/rss.php</b> on line <b>88</b>
`;
}
