// Article text is hostile until escaped: every string that came from a crawled page goes
// through these before it reaches HTML, an e-mail or an SVG.

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/**
 * A link target that cannot run code: only absolute http(s) URLs pass, anything else
 * (javascript:, data:, relative paths from a hostile feed) becomes "#".
 */
export function safeHref(url: string): string {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? escapeHtml(u.href) : '#';
  } catch {
    return '#';
  }
}

/** One line of plain text: control characters and line breaks inside a field flattened to spaces. */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/ {2,}/g, ' ').trim();
}

/**
 * One line, at most `max` characters, cut at a word boundary with «…». Extractors sometimes hand
 * over a whole article as the lead; a digest item must stay an item.
 */
export function clipText(text: string, max: number): string {
  const t = oneLine(text);
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
