// One article field prepared for matching: folded key with offset map, compact form,
// sentences and which tokens each sentence holds.
import { compact, keyWithMap, type Compact, type KeyWithMap } from './fold.ts';
import { splitSentences } from '../normalize/index.ts';

export type FieldName = 'title' | 'kicker' | 'lead' | 'body';
export const FIELD_ORDER: FieldName[] = ['title', 'kicker', 'lead', 'body'];

export interface SentenceInfo {
  text: string;
  start: number;
  end: number;
  /** Token range [t0, t1) in the field's compact form. */
  t0: number;
  t1: number;
}

export interface PreparedField {
  field: FieldName;
  index: number;
  text: string;
  kwm: KeyWithMap;
  c: Compact;
  sentences: SentenceInfo[];
  /** token index → sentence index */
  sentenceOfToken: Int32Array;
  /** The folded tokens (compact letters of each token). */
  tokenText: string[];
  /** 1 where a clause starts: a comma, colon or semicolon stands before the token in the original. */
  clauseStart: Uint8Array;
}

export function prepareField(field: FieldName, index: number, text: string): PreparedField {
  const kwm = keyWithMap(text);
  const c = compact(kwm.key);
  const tokenText = c.tokens.map((t) => c.text.slice(t.start, t.end));
  const tokenOffset = c.tokens.map((t) => kwm.map[c.keyIndex[t.start]]);
  const spans = field === 'title' || field === 'kicker' ? [{ text: text.trim(), start: text.indexOf(text.trim()), end: text.indexOf(text.trim()) + text.trim().length }] : splitSentences(text);
  const sentences: SentenceInfo[] = [];
  const sentenceOfToken = new Int32Array(c.tokens.length).fill(-1);
  let t = 0;
  spans.forEach((s, si) => {
    const t0 = t;
    while (t < tokenOffset.length && tokenOffset[t] < s.end) {
      sentenceOfToken[t] = si;
      t++;
    }
    sentences.push({ ...s, t0, t1: t });
  });
  // Tokens past the last span (should not happen) go to the last sentence.
  for (; t < tokenOffset.length; t++) sentenceOfToken[t] = Math.max(0, sentences.length - 1);
  const clauseStart = new Uint8Array(c.tokens.length);
  for (let i = 1; i < c.tokens.length; i++) {
    const prevEnd = kwm.map[c.keyIndex[c.tokens[i - 1].end - 1]] + 1;
    if (/[،,:؛;«»"()\-–—]/.test(text.slice(prevEnd, tokenOffset[i]))) clauseStart[i] = 1;
  }
  return { field, index, text, kwm, c, sentences, sentenceOfToken, tokenText, clauseStart };
}

/** Original-text offsets of compact range [start, end). */
export function originalSpan(f: PreparedField, start: number, end: number): { start: number; end: number } {
  const s = f.kwm.map[f.c.keyIndex[start]];
  const e = f.kwm.map[f.c.keyIndex[end - 1]] + 1;
  return { start: s, end: e };
}
