// Turning a DOM subtree into clean paragraphs, and dropping lines that are page furniture
// («بیشتر بخوانید», related-news labels, channel invitations) rather than the article.
import type { CheerioAPI, Cheerio } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';

const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'blockquote',
  'pre', 'table', 'tr', 'td', 'th', 'figure', 'figcaption', 'dl', 'dt', 'dd', 'hr', 'address', 'center',
]);

/** Whitespace folded, NBSP and odd spaces made plain, ZWNJ kept (it is spelling, not space). */
export function cleanText(s: string): string {
  return s
    .replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/g, ' ')
    .replace(/[ \t\r\f\v]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}

/**
 * Lines that are never part of an article's text. A label counts only when it stands alone, with
 * a count, or before a colon: prose may open with the same words («نظرات شهروندان …»,
 * «آخرین اخبار از …», «پیشنهاد ما به شهرداری …») and must stay. «بیشتر بخوانید» never opens prose.
 */
const FURNITURE: RegExp[] = [
  /^بیشتر\s*بخوانید/,
  /^(بیشتر|بخوانید|در همین زمینه بخوانید|پیشنهاد ما|پیشنهاد سردبیر|اخبار مرتبط|مطالب مرتبط|خبرهای مرتبط|موضوعات مرتبط|مطالب مشابه|اخبار مشابه|خبرهای مشابه|مطالب پیشنهادی|پربازدیدترین(‌|\s)?(ها|اخبار|خبرها)?|پربیننده(‌|\s)?ترین(‌|\s)?(ها)?|آخرین اخبار|تازه(‌|\s)?ترین(‌|\s)?ها|برچسب(‌|\s)?ها|کلیدواژه(‌|\s)?ها|لینک کوتاه|کد خبر|کپی شد|ارسال نظر|نظرات|دیدگاه(‌|\s)?ها)\s*([(（][0-9۰-۹]+[)）])?\s*([:：].*)?$/,
];
const CHANNEL_INVITE = /(کانال|صفحه|اینستاگرام|تلگرام|ایتا|بله|روبیکا|سروش|آپارات).{0,60}(بپیوندید|دنبال کنید|عضو شوید)/;

export function isFurniture(line: string): boolean {
  const l = line.trim();
  if (!l) return true;
  if (FURNITURE.some((re) => re.test(l)) && l.length < 160) return true;
  if (CHANNEL_INVITE.test(l) && l.length < 200) return true;
  return false;
}

/** Text of a subtree with a newline at every block boundary and <br>. */
export function blockText($: CheerioAPI, node: AnyNode): string {
  const parts: string[] = [];
  const walk = (n: AnyNode) => {
    if (n.type === 'text') {
      parts.push((n as unknown as { data: string }).data);
      return;
    }
    if (n.type !== 'tag' && n.type !== 'root') return;
    const el = n as Element;
    const name = el.name?.toLowerCase();
    if (name === 'br') {
      parts.push('\n');
      return;
    }
    const block = name ? BLOCK.has(name) : false;
    if (block) parts.push('\n');
    for (const c of el.children ?? []) walk(c);
    if (block) parts.push('\n');
  };
  walk(node);
  return parts.join('');
}

/**
 * Blocks that are nothing but a link («بیشتر بخوانید» lists, related headlines inside the text):
 * removed before paragraphs are taken. A paragraph that merely cites a link keeps its words.
 */
export function dropLinkBlocks($: CheerioAPI, root: Cheerio<AnyNode>): void {
  root.find('p, li, h2, h3, h4, h5, h6, div').each((_, node) => {
    const el = $(node);
    const text = cleanText(el.text());
    if (!text || text.length > 300) return;
    let links = 0;
    el.find('a').each((__, a) => {
      links += cleanText($(a).text()).length;
    });
    if (links >= text.length * 0.8) el.remove();
  });
}

/** Paragraphs of a subtree, furniture lines dropped. */
export function paragraphs($: CheerioAPI, el: Cheerio<AnyNode>): string[] {
  const out: string[] = [];
  el.each((_, node) => {
    for (const raw of cleanText(blockText($, node)).split(/\n+/)) {
      const line = raw.trim();
      if (line && !isFurniture(line)) out.push(line);
    }
  });
  // Drop consecutive duplicates (a lead repeated as the first paragraph, doubled captions).
  return out.filter((p, i) => i === 0 || p !== out[i - 1]);
}

/** Text of the first element, folded to one line. */
export function oneLine($: CheerioAPI, el: Cheerio<AnyNode>): string {
  return cleanText($(el).first().text()).replace(/\n+/g, ' ');
}

export function stripHtml(s: string): string {
  return cleanText(
    s
      .replace(/<(br|\/p|\/div|\/li|\/h\d)\s*\/?>/gi, '\n')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&nbsp;/g, ' ')
      .replace(/&zwnj;/g, '\u200c')
      .replace(/&quot;/g, '"')
      .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  );
}
