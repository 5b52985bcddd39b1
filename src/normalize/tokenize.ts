// Word tokenizer and sentence splitter for Persian news text (display form or raw; offsets are
// always into the string given).

export type TokenKind = 'word' | 'number' | 'url' | 'email' | 'punct' | 'symbol';

export interface Token {
  text: string;
  kind: TokenKind;
  /** Offsets into the input: text === input.slice(start, end). */
  start: number;
  end: number;
}

export interface Sentence {
  text: string;
  start: number;
  end: number;
}

// One sticky pattern per kind, tried in order at each position. Words keep internal ZWNJ and
// diacritics («می‌روند» is one word); numbers keep internal separators (12,500  1402/03/09  12:27
// ۱۲٫۵); URLs and e-mails are single tokens.
const URL_SRC = String.raw`(?:(?:https?|ftp):\/\/|www\.)[^\s<>"«»\u200c]{0,2000}[^\s<>"«».,:;!?،؛؟)\]}'\u200c]`;
const EMAIL_SRC = String.raw`[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}`;
const NUMBER_SRC = String.raw`[0-9۰-۹٠-٩]+(?:[.,٫٬،/:\-][0-9۰-۹٠-٩]+)*`;
const WORD_SRC = String.raw`[\p{L}\p{M}](?:[\p{L}\p{M}\p{N}\u0640]|[\u200c\u200d](?=\p{L})|['’](?=\p{Script=Latin}))*`;
const PUNCT_SRC = String.raw`\.{2,}|[!?؟]+|[\p{P}]`;

const TOKEN_RE = new RegExp(
  `(${URL_SRC})|(${EMAIL_SRC})|(${NUMBER_SRC})|(${WORD_SRC})|(${PUNCT_SRC})|([^\\s\\u200c])`,
  'guy',
);

/** Splits text into words, numbers, URLs, e-mails, punctuation and other symbols; spaces are dropped. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c <= 0x20 || c === 0x200c || c === 0xa0 || (c >= 0x2000 && c <= 0x200b) || c === 0x3000) {
      i++;
      continue;
    }
    TOKEN_RE.lastIndex = i;
    const m = TOKEN_RE.exec(text);
    if (m === null) {
      i++;
      continue;
    }
    const kind: TokenKind =
      m[1] !== undefined ? 'url'
      : m[2] !== undefined ? 'email'
      : m[3] !== undefined ? 'number'
      : m[4] !== undefined ? 'word'
      : m[5] !== undefined ? 'punct'
      : 'symbol';
    const end = i + m[0].length;
    tokens.push({ text: m[0], kind, start: i, end });
    i = end;
  }
  return tokens;
}

/** Abbreviations that end in a dot without ending the sentence (compared lowercase, without the dot). */
const ABBREVIATIONS = new Set([
  'dr', 'mr', 'mrs', 'ms', 'prof', 'inc', 'ltd', 'co', 'corp', 'jr', 'sr', 'st', 'vs', 'no', 'vol',
  'fig', 'e.g', 'i.e', 'cf', 'approx', 'dept', 'gen', 'gov', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul',
  'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);
const SENTENCE_END = new Set(['.', '!', '?', '؟', '…']);
const CLOSERS = new Set(['»', '"', '”', "'", '’', ')', ']', '}']);

/**
 * Sentences with offsets into the input. A sentence ends at . ! ? ؟ … (with any closing quotes or
 * brackets after them) followed by a space or the end, and at every line break. Dots inside numbers
 * (12.5), URLs, e-mails, single-letter abbreviations (ق.ظ, U.S.) and known abbreviations (Dr.) do
 * not end a sentence.
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const tokens = tokenize(text);
  const push = (start: number, end: number): void => {
    let s = start;
    let e = end;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ text: text.slice(s, e), start: s, end: e });
  };
  let t = 0;
  for (let lineStart = 0; lineStart <= text.length; ) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let sentStart = lineStart;
    for (; t < tokens.length && tokens[t].start < lineEnd; t++) {
      const tok = tokens[t];
      if (tok.kind !== 'punct' || !endsSentence(tok.text)) continue;
      if (tok.text === '.' && isAbbreviationDot(text, tokens, t)) continue;
      let end = tok.end;
      let u = t + 1;
      while (
        u < tokens.length &&
        tokens[u].start === end &&
        (CLOSERS.has(tokens[u].text) || endsSentence(tokens[u].text))
      ) {
        end = tokens[u].end;
        u++;
      }
      if (end < lineEnd && !isSpace(text.charCodeAt(end))) continue; // «الف.ب» inside a word
      push(sentStart, end);
      sentStart = end;
      t = u - 1;
    }
    push(sentStart, lineEnd);
    lineStart = lineEnd + 1;
  }
  return out;
}

function endsSentence(p: string): boolean {
  for (const ch of p) if (!SENTENCE_END.has(ch)) return false;
  return p.length > 0;
}

function isAbbreviationDot(text: string, tokens: Token[], t: number): boolean {
  const prev = tokens[t - 1];
  if (prev === undefined || prev.end !== tokens[t].start || prev.kind !== 'word') return false;
  // Single letters (ق.ظ, U.S., ج.ا.ا) and known abbreviations.
  if (prev.text.length === 1) return true;
  let word = prev.text.toLowerCase();
  const before = tokens[t - 2];
  if (before !== undefined && before.text === '.' && before.end === prev.start) {
    const b2 = tokens[t - 3];
    if (b2 !== undefined && b2.end === before.start) word = `${b2.text.toLowerCase()}.${word}`;
  }
  if (ABBREVIATIONS.has(word)) {
    // "Dr. Smith" continues; "… in Jan." at a paragraph end still ends at the line break.
    return /^[ \t]+\S/.test(text.slice(tokens[t].end, tokens[t].end + 3));
  }
  return false;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0 || c === 0x200c || c === 0x3000 || (c >= 0x2000 && c <= 0x200b);
}
