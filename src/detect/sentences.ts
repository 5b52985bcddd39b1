// Sentence spans in the original text. Uses the normalizer's splitSentences when it exists
// (the contract in docs/HELPERS-BRIEF.md), else a plain splitter that keeps decimals («۱۲.۵»)
// and abbreviations with dots inside numbers intact.
import * as normalizeModule from '../normalize/index.ts';

export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

type SplitFn = (text: string) => SentenceSpan[];
const external = (normalizeModule as Record<string, unknown>).splitSentences as SplitFn | undefined;

const DIGIT = /[0-9۰-۹٠-٩]/;

export function localSplitSentences(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) out.push({ text: text.slice(s, e), start: s, end: e });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    let boundary = false;
    if (c === '\n' || c === '؟' || c === '?' || c === '!' || c === '؛' || c === '…') boundary = true;
    else if (c === '.') boundary = !(DIGIT.test(text[i - 1] ?? '') && DIGIT.test(text[i + 1] ?? ''));
    if (boundary) {
      let j = i + 1;
      while (j < text.length && /[.!?؟»"')\]]/.test(text[j])) j++;
      push(j);
      start = j;
      i = j - 1;
    }
  }
  push(text.length);
  return out;
}

export function splitSentences(text: string): SentenceSpan[] {
  if (typeof external === 'function') {
    try {
      const r = external(text);
      if (Array.isArray(r) && r.every((s) => typeof s.start === 'number' && typeof s.end === 'number')) return r;
    } catch {
      // fall back
    }
  }
  return localSplitSentences(text);
}
