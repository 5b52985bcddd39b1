// Fallback main-text finder for outlets without selectors: paragraph scoring in the spirit of
// readability/trafilatura. Each paragraph-like element scores by its own text (length, Persian
// and Latin commas) and gives that score to its parent (and half to the grandparent); link-heavy
// blocks are discounted. The best-scoring container's paragraphs are the body.
import type { CheerioAPI, Cheerio } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { cleanText, paragraphs } from './text.ts';

export interface GenericResult {
  node: Cheerio<Element>;
  paragraphs: string[];
  linkDensity: number;
}

/** Share of an element's text that sits inside links (menus and link lists score high). */
export function linkDensity($: CheerioAPI, el: Cheerio<AnyNode>): number {
  const total = cleanText(el.text()).length || 1;
  let links = 0;
  el.find('a').each((_, a) => {
    links += cleanText($(a).text()).length;
  });
  return links / total;
}

export function genericMainText($: CheerioAPI, scope: Cheerio<AnyNode>): GenericResult | null {
  const scores = new Map<Element, number>();
  scope.find('p, div, td, pre, blockquote').each((_, node) => {
    const el = $(node);
    // Only the element's own text counts: a div's text is mostly its children's.
    const own = node.name === 'p' || node.name === 'pre' || node.name === 'blockquote'
      ? cleanText(el.text())
      : cleanText(el.contents().filter((__, c) => c.type === 'text').text());
    if (own.length < 40) return;
    if (el.closest('a').length > 0) return;
    const commas = (own.match(/[،,؛]/g) ?? []).length;
    const score = (1 + commas + Math.min(Math.floor(own.length / 100), 3)) * (1 - Math.min(linkDensity($, el), 1));
    const parent = node.parent as Element | null;
    if (parent && parent.type === 'tag') {
      scores.set(parent, (scores.get(parent) ?? 0) + score);
      const grand = parent.parent as Element | null;
      if (grand && grand.type === 'tag') scores.set(grand, (scores.get(grand) ?? 0) + score / 2);
    }
  });
  let best: Element | undefined;
  let bestScore = 0;
  for (const [el, score] of scores) {
    const adjusted = score * (1 - linkDensity($, $(el)));
    if (adjusted > bestScore) {
      bestScore = adjusted;
      best = el;
    }
  }
  if (!best) return null;
  const node = $(best);
  const paras = paragraphs($, node).filter((p) => p.length >= 2);
  return { node, paragraphs: paras, linkDensity: linkDensity($, node) };
}
