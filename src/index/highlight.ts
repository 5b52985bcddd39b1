// Highlights are made in the display text by matching keys: the display text is cut into key
// tokens that remember where they came from, and query terms (already match keys) are found
// among them. So «شهرداري» in an article lights up for a query «شهرداری», and both drivers
// highlight the same way.
import { matchKeyWithMap } from '../normalize/index.ts';
import type { Term } from './query.ts';
import type { Segment } from './types.ts';

interface KeyToken {
  tok: string;
  start: number;
  end: number;
}

const MARK = /[\p{M}\u0640]/u;

export function keyTokens(text: string): KeyToken[] {
  const out: KeyToken[] = [];
  const { key, map } = matchKeyWithMap(text);
  let i = 0;
  while (i < key.length) {
    if (key[i] === ' ') {
      i++;
      continue;
    }
    let j = i;
    while (j < key.length && key[j] !== ' ') j++;
    let end = map[j - 1] + 1;
    while (end < text.length && (MARK.test(text[end]) || (text.charCodeAt(end) & 0xfc00) === 0xdc00)) end++;
    out.push({ tok: key.slice(i, j), start: map[i], end });
    i = j;
  }
  return out;
}

/** Spans [start, end) of the display text matched by any of the terms. */
export function matchSpans(text: string, tokens: KeyToken[], terms: Term[]): [number, number][] {
  const spans: [number, number][] = [];
  if (terms.length === 0) return spans;
  const firsts = new Map<string, Term[]>();
  for (const t of terms) {
    const list = firsts.get(t.tokens[0]) ?? [];
    list.push(t);
    firsts.set(t.tokens[0], list);
  }
  for (let i = 0; i < tokens.length; i++) {
    const cands = firsts.get(tokens[i].tok);
    if (!cands) continue;
    for (const t of cands) {
      const n = t.tokens.length;
      if (i + n > tokens.length) continue;
      let ok = true;
      for (let k = 1; k < n && ok; k++) ok = tokens[i + k].tok === t.tokens[k];
      if (ok) spans.push([tokens[i].start, tokens[i + n - 1].end]);
    }
  }
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    // Neighbouring hits split only by a space or ZWNJ read as one («شهرداری‌ها» for «شهرداری ها»).
    if (last && (s[0] <= last[1] || /^[\s\u200c]*$/.test(text.slice(last[1], s[0])))) last[1] = Math.max(last[1], s[1]);
    else merged.push([s[0], s[1]]);
  }
  return merged;
}

function segments(text: string, spans: [number, number][], from = 0, to = text.length): Segment[] {
  const out: Segment[] = [];
  let at = from;
  for (const [s, e] of spans) {
    if (e <= from || s >= to) continue;
    const a = Math.max(s, from);
    const b = Math.min(e, to);
    if (a > at) out.push({ text: text.slice(at, a), hit: false });
    out.push({ text: text.slice(a, b), hit: true });
    at = b;
  }
  if (at < to) out.push({ text: text.slice(at, to), hit: false });
  return out;
}

export function highlight(text: string, terms: Term[]): Segment[] {
  return segments(text, matchSpans(text, keyTokens(text), terms));
}

/** Moves an offset to the nearest space at or before (dir -1) / after (dir 1) it. */
function toWordEdge(text: string, at: number, dir: -1 | 1): number {
  if (at <= 0) return 0;
  if (at >= text.length) return text.length;
  let i = at;
  const limit = 30;
  for (let k = 0; k < limit && i > 0 && i < text.length; k++, i += dir) if (/\s/.test(text[i])) return dir === 1 ? i : i + 1;
  return at;
}

/**
 * A window of about `length` characters of the lead or body around the first match, with
 * «…» where text was cut. Falls back to the opening of the lead (or body) when nothing matches.
 */
export function snippet(lead: string, body: string, terms: Term[], length = 260): Segment[] {
  // Only the opening of very long bodies is scanned: snippets are for a results list.
  const scanned = body.length > 50_000 ? body.slice(0, 50_000) : body;
  for (const text of [lead, scanned]) {
    if (!text || terms.length === 0) continue;
    const spans = matchSpans(text, keyTokens(text), terms);
    if (spans.length === 0) continue;
    const first = spans[0][0];
    const start = first < length / 3 ? 0 : toWordEdge(text, first - Math.floor(length / 3), -1);
    const end = toWordEdge(text, Math.min(text.length, start + length), 1);
    const segs = segments(text, spans, start, end);
    if (start > 0) segs.unshift({ text: '… ', hit: false });
    if (end < text.length) segs.push({ text: ' …', hit: false });
    return segs;
  }
  const text = lead || body;
  const end = toWordEdge(text, Math.min(text.length, length), 1);
  const segs: Segment[] = [{ text: text.slice(0, end), hit: false }];
  if (end < text.length) segs.push({ text: ' …', hit: false });
  return segs;
}
