// The match key: the folded form used for mention detection, dedup and search, on documents and
// queries alike. See docs/decisions/normalize.md for the folding choices and their limits.
//
// Two passes over reusable typed-array buffers (no per-character regex, no per-character strings):
//   1. fold characters through the KEY table and cut the text into tokens, remembering whether the
//      gap before each token was "soft" (spaces/ZWNJ only) or "hard" (punctuation, newline);
//   2. apply the token rules (bound suffixes and prefixes, a few compounds) and emit the key.

import { DISPLAY, FA_LETTER_SET, KEY, KEY_DROP, KEY_EXPAND, KEY_EXPANDS, NON_JOINING_SET } from './chars.ts';

export interface KeyWithMap {
  key: string;
  /** map[i] = offset in the original text of key character i. */
  map: Int32Array;
}

// ---- token rule data (all in the folded alphabet: آ→ا, ة/ۀ→ه, ئ→ی) ----

const codes = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));

/** Standalone tokens glued onto the previous word: «بزرگ‌تر» = «بزرگ تر» = «بزرگتر». */
const JOIN_PREV = ['تر', 'ترین', 'گر', 'گری'].map(codes);
/**
 * Standalone tokens glued onto the next word: «می‌روند» = «می روند» = «میروند». Never onto a number
 * (the month «می» in «۱۵ می ۲۰۲۳») nor after «ماه» («ماه می گذشته»).
 */
const JOIN_NEXT = ['می', 'نمی', 'بی'].map(codes);
const MI = codes('می');
const NAMI = codes('نمی');
const MAH = codes('ماه');
/** Plural suffixes split off the stem: «شهرداریها» = «شهرداری‌ها» = «شهرداری ها». Longest first. */
const PLURAL = ['هایی', 'هاست', 'های', 'ها'].map(codes);
const TEH = 0x62a;
const JOIN_PREV_LONGEST_FIRST = [...JOIN_PREV].sort((a, b) => b.length - a.length);
const RE_ = 0x631;
const NUN = 0x646;
const GAF = 0x6af;
/**
 * Second elements of compounds, split off closed spellings so that «اعلامشده» (ZWNJ dropped by a
 * CMS) meets «اعلام‌شده» and «اعلام شده». Only elements that end compounds, never ordinary words,
 * with a stem of at least three letters left, so short words that merely end like them stay whole
 * («تبریزی» is not «تب» + «ریزی», «داوری» is not «د» + «آوری», «نشده», «بهسازی»).
 */
const SECOND_ELEMENTS = [
  'کنندگان', 'کننده', 'شدگان', 'شده', 'برداری', 'رسانی', 'رسان', 'گیری', 'ریزی', 'سازی', 'بندی', 'اوری',
  'اموزان', 'اموز', 'انداز', 'بینی', 'گذاری', 'گذار', 'پذیری', 'پذیر', 'سوزی', 'ابادی', 'اباد', 'اند', 'مند',
].map(codes);
const MIN_COMPOUND_STEM = 3;
/** Elements split only after ه, where the standard spelling has a ZWNJ («کرده‌اند», «بهره‌مند»; not «کارمند»). */
const AFTER_HEH_ONLY = new Set([SECOND_ELEMENTS[SECOND_ELEMENTS.length - 2], SECOND_ELEMENTS[SECOND_ELEMENTS.length - 1]]);
/** SECOND_ELEMENTS grouped by their last letter: most tokens end in a letter none of them ends in. */
const SECOND_BY_LAST = new Map<number, number[][]>();
for (const x of SECOND_ELEMENTS) {
  const last = x[x.length - 1];
  SECOND_BY_LAST.set(last, [...(SECOND_BY_LAST.get(last) ?? []), x]);
}
/** Stems whose «ها» is part of the word, not a plural: تنها انتها اشتها اژدها. */
const PLURAL_EXCEPTIONS = new Set(['تن', 'انت', 'اشت', 'اژد']);
/** Arabic compound heads written with or without a gap before «ال»: «بین‌الملل» = «بینالملل». */
const AL_HEADS = ['بین', 'فوق', 'حق', 'دار', 'علی', 'ذی', 'ذوی', 'بیت', 'دایره'].map(codes);
const AL_HEAD_FIRST = new Set(AL_HEADS.map((h) => h[0]));
const ALEF = 0x627;
const LAM = 0x644;
const HEH = 0x647;
const YEH = 0x6cc;
/** Compounds commonly written closed, with ZWNJ or with a space; keyed in their split form. */
const COMPOUNDS = new Map<string, string>([
  ['کلانشهر', 'کلان شهر'],
  ['اتشنشانی', 'اتش نشانی'],
  ['اتشنشان', 'اتش نشان'],
  ['راهاهن', 'راه اهن'],
  ['حملونقل', 'حمل و نقل'],
  ['ساختوساز', 'ساخت و ساز'],
  ['زیرساخت', 'زیر ساخت'],
  ['پیادهرو', 'پیاده رو'],
  ['یکشنبه', 'یک شنبه'],
  ['دوشنبه', 'دو شنبه'],
  ['سهشنبه', 'سه شنبه'],
  ['چهارشنبه', 'چهار شنبه'],
  ['پنجشنبه', 'پنج شنبه'],
  ['ونقل', 'و نقل'],
  ['وساز', 'و ساز'],
  ['گفتوگو', 'گفت و گو'],
  ['وگو', 'و گو'],
]);

function hashCodes(a: ArrayLike<number>, s: number, e: number): number {
  let h = e - s;
  for (let i = s; i < e; i++) h = (Math.imul(h, 31) + a[i]) | 0;
  return h;
}
/** Hashes of the lexicon keys: a token is turned into a string only when its hash matches. */
const COMPOUND_HASHES = new Set(
  Array.from(COMPOUNDS.keys(), (k) => hashCodes(codes(k), 0, k.length)),
);

// ---- reusable buffers (the module is single-threaded; each call resets the lengths) ----

let buf = new Uint16Array(1024); // folded characters of all tokens, back to back
let src = new Int32Array(1024); // source offset of each buf character
let tokS = new Int32Array(256);
let tokE = new Int32Array(256);
let tokGap = new Int32Array(256); // source offset of the gap before the token (for the space's map)
let tokHard = new Uint8Array(256);
let out = new Uint16Array(1024);
let outMap = new Int32Array(1024);

/** A copy of `a` with room for at least `need` elements (doubling), or `a` itself when it fits. */
function withRoom<T extends Int32Array | Uint16Array | Uint8Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  let n = a.length;
  while (n < need) n *= 2;
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a);
  return b;
}

function growChars(need: number): void {
  buf = withRoom(buf, need);
  src = withRoom(src, need);
}

function growTokens(need: number): void {
  tokS = withRoom(tokS, need);
  tokE = withRoom(tokE, need);
  tokGap = withRoom(tokGap, need);
  tokHard = withRoom(tokHard, need);
}

function growOut(need: number): void {
  out = withRoom(out, need);
  outMap = withRoom(outMap, need);
}

function isSoftGap(c: number): boolean {
  return (
    c === 0x20 || c === 0x200c || c === 0x09 || c === 0xa0 || c === 0x202f || (c >= 0x2000 && c <= 0x200a)
  );
}

/** Source characters whose display form ends in a Persian letter that joins to the left. */
const JOINING_FA = new Uint8Array(0x10000);
/** Source characters whose display form starts with a Persian letter. */
const STARTS_FA = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) {
  const d = DISPLAY[c] ?? String.fromCharCode(c);
  if (d.length === 0) continue;
  const last = d[d.length - 1];
  if (FA_LETTER_SET.has(last) && !NON_JOINING_SET.has(last)) JOINING_FA[c] = 1;
  if (FA_LETTER_SET.has(d[0])) STARTS_FA[c] = 1;
}

// Neighbours of a ZWNJ as the display normalizer sees them: characters it deletes are skipped.
function nextIsFaLetter(text: string, from: number): boolean {
  for (let j = from; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x200c || DISPLAY[c] === '') continue;
    return STARTS_FA[c] === 1;
  }
  return false;
}

function prevIsJoiningFa(text: string, from: number): boolean {
  for (let j = from; j >= 0; j--) {
    const c = text.charCodeAt(j);
    if (c === 0x200c || DISPLAY[c] === '') continue;
    return JOINING_FA[c] === 1;
  }
  return false;
}

/**
 * Persian letters glued to digits or to another script are separate tokens («۵۰درصد» keys like
 * «۵۰ درصد», which is how the display normalizer spaces it). Latin letters and digits stay together (mp3).
 */
function isDigitLetterBoundary(prev: number, next: number): boolean {
  return isPersianLetter(prev) !== isPersianLetter(next) && (prev < 0xd800 || prev > 0xdfff);
}

function isAsciiDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** How many digits (up to 4) follow position `from`, skipping what the display normalizer deletes. */
function digitsAfter(text: string, from: number): number {
  let count = 0;
  for (let j = from; j < text.length && count < 4; j++) {
    const c = text.charCodeAt(j);
    if (DISPLAY[c] === '' || c === 0x200c) continue;
    const k = KEY[c];
    if (k >= 0x30 && k <= 0x39) count++;
    else break;
  }
  return count;
}

const DECIMAL_SEPS = new Set([0x2e, 0x66b]); // . ٫
const THOUSANDS_SEPS = new Set([0x2c, 0x66c, 0x60c, 0x27, 0x2019]); // , ٬ ، ' ’
const LETTER_RE = /[\p{L}\p{N}]/u;

let nChars = 0;
let nTok = 0;

/**
 * Pass 1: fold and cut into tokens. (Written without inner closures on purpose: captured `let`
 * variables would live in a heap context and slow down every iteration.)
 */
function foldTokens(text: string): void {
  let chars = 0;
  let toks = 0;
  let inTok = false;
  let gapHard = false;
  let gapStart = -1;
  const n = text.length;
  growChars(n + 16);
  let b = buf;
  let sr = src;
  const table = KEY;

  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const k = table[c];
    if (k >= 0) {
      if (inTok && isDigitLetterBoundary(b[chars - 1], k)) {
        tokE[toks++] = chars;
        inTok = false;
        gapHard = false;
        gapStart = i;
      }
      if (!inTok) {
        if (toks >= tokS.length) growTokens(toks + 1);
        tokS[toks] = chars;
        tokGap[toks] = gapStart;
        tokHard[toks] = gapHard ? 1 : 0;
        inTok = true;
      }
      b[chars] = k;
      sr[chars++] = i;
      continue;
    }
    if (k === KEY_DROP) continue;
    // A ZWNJ only separates between a joining Persian letter and a Persian letter. Anywhere else it is
    // invisible («خود‌رو» looks exactly like «خودرو») and the display normalizer deletes it, so the
    // key ignores it too.
    if (c === 0x200c && !(inTok && prevIsJoiningFa(text, i - 1) && nextIsFaLetter(text, i + 1))) {
      continue;
    }
    if (k === KEY_EXPANDS) {
      const exp = KEY_EXPAND.get(c) as string;
      nChars = chars;
      growChars(chars + exp.length + n - i + 16);
      b = buf;
      sr = src;
      for (let j = 0; j < exp.length; j++) {
        const e = exp.charCodeAt(j);
        if (e === 0x20) {
          if (inTok) {
            tokE[toks++] = chars;
            inTok = false;
            gapHard = false;
            gapStart = i;
          }
          continue;
        }
        if (inTok && isDigitLetterBoundary(b[chars - 1], e)) {
          tokE[toks++] = chars;
          inTok = false;
          gapHard = false;
          gapStart = i;
        }
        if (!inTok) {
          if (toks >= tokS.length) growTokens(toks + 1);
          tokS[toks] = chars;
          tokGap[toks] = gapStart;
          tokHard[toks] = gapHard ? 1 : 0;
          inTok = true;
        }
        b[chars] = e;
        sr[chars++] = i;
      }
      continue;
    }
    // Separator. Surrogate pairs that form a letter or digit (rare in news) stay in the token.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff && LETTER_RE.test(text.slice(i, i + 2))) {
        if (!inTok) {
          if (toks >= tokS.length) growTokens(toks + 1);
          tokS[toks] = chars;
          tokGap[toks] = gapStart;
          tokHard[toks] = gapHard ? 1 : 0;
          inTok = true;
        }
        b[chars] = c;
        sr[chars++] = i;
        b[chars] = d;
        sr[chars++] = i + 1;
        i++;
        continue;
      }
    }
    if (inTok && isAsciiDigit(b[chars - 1])) {
      // Keep numbers whole: 12.5 = ۱۲٫۵ → "12.5"; 12,500 = ۱۲٬۵۰۰ = 12500 → "12500".
      if (DECIMAL_SEPS.has(c) && digitsAfter(text, i + 1) > 0) {
        b[chars] = 0x2e;
        sr[chars++] = i;
        continue;
      }
      if (THOUSANDS_SEPS.has(c) && digitsAfter(text, i + 1) === 3) continue;
    }
    if (inTok) {
      tokE[toks++] = chars;
      inTok = false;
      gapHard = false;
      gapStart = i;
    } else if (gapStart < 0) gapStart = i;
    if (!isSoftGap(c)) gapHard = true;
  }
  if (inTok) tokE[toks++] = chars;
  nChars = chars;
  nTok = toks;
}

function pieceEquals(s: number, e: number, word: number[]): boolean {
  if (e - s !== word.length) return false;
  for (let j = 0; j < word.length; j++) if (buf[s + j] !== word[j]) return false;
  return true;
}

function oneOf(s: number, e: number, words: number[][]): boolean {
  for (const w of words) if (pieceEquals(s, e, w)) return true;
  return false;
}

function endsWith(s: number, e: number, word: number[]): boolean {
  if (e - s < word.length) return false;
  for (let j = 0; j < word.length; j++) if (buf[e - word.length + j] !== word[j]) return false;
  return true;
}

function pieceString(s: number, e: number): string {
  return String.fromCharCode.apply(null, buf.subarray(s, e) as unknown as number[]);
}

function isPersianLetter(c: number): boolean {
  return c >= 0x621 && c <= 0x6ff && !(c >= 0x660 && c <= 0x669) && !(c >= 0x6f0 && c <= 0x6f9);
}

// Pieces of the current token: [start, end) into buf; a piece boundary inside a token is a soft gap.
const pieceS = new Int32Array(16);
const pieceE = new Int32Array(16);
const peelS = new Int32Array(6);
const peelE = new Int32Array(6);
const peelGlue = new Uint8Array(6);
let nPieces = 0;

/**
 * Cuts one token into pieces. Bound morphemes are peeled off the end one at a time, so a word keys
 * the same whether its morphemes were written closed, with ZWNJ or with spaces:
 *   plural ها/های/هایی/هاست → own piece; تر/ترین/گر/گری → glued back onto the piece before;
 *   compound second elements (شده، گیری، …) → own piece.
 * Then the lexicon splits the remaining stem, and an Arabic «ال» head is split off its start.
 */
function splitToken(s: number, e: number): void {
  nPieces = 0;
  let first = s;
  // Arabic compound head: «بینالملل» → «بین» + «الملل».
  if (e - s >= 6 && AL_HEAD_FIRST.has(buf[s])) {
    for (const h of AL_HEADS) {
      const after = s + h.length;
      if (e - after >= 4 && buf[after] === ALEF && buf[after + 1] === LAM && endsWithAt(s, h)) {
        pieceS[nPieces] = s;
        pieceE[nPieces++] = after;
        first = after;
        break;
      }
    }
  }
  let stemEnd = e;
  let nPeeled = 0;
  for (let round = 0; round < 6; round++) {
    const last = buf[stemEnd - 1];
    let peeled = false;
    if (last === ALEF || last === YEH || last === TEH) {
      for (const p of PLURAL) {
        if (endsWith(first, stemEnd, p)) {
          const stem = stemEnd - p.length;
          const before = buf[stem - 1];
          if (
            stem - first >= 2 &&
            (isPersianLetter(before) || isAsciiDigit(before)) &&
            !(stem - first <= 3 && PLURAL_EXCEPTIONS.has(pieceString(first, stem)))
          ) {
            peelS[nPeeled] = stem;
            peelE[nPeeled] = stemEnd;
            peelGlue[nPeeled++] = 0;
            stemEnd = stem;
            peeled = true;
          }
          break;
        }
      }
    }
    if (!peeled && (last === RE_ || last === YEH || last === NUN)) {
      for (const t of JOIN_PREV_LONGEST_FIRST) {
        if (stemEnd - first - t.length >= 2 && endsWith(first, stemEnd, t)) {
          peelS[nPeeled] = stemEnd - t.length;
          peelE[nPeeled] = stemEnd;
          peelGlue[nPeeled++] = 1;
          stemEnd -= t.length;
          peeled = true;
          break;
        }
      }
    }
    if (!peeled) {
      const candidates = SECOND_BY_LAST.get(last);
      if (candidates !== undefined) {
        for (const x of candidates) {
          const at = stemEnd - x.length;
          if (
            at - first >= MIN_COMPOUND_STEM &&
            endsWith(first, stemEnd, x) &&
            (!AFTER_HEH_ONLY.has(x) || (buf[at - 1] === HEH && at - first >= 3))
          ) {
            peelS[nPeeled] = at;
            peelE[nPeeled] = stemEnd;
            peelGlue[nPeeled++] = 0;
            stemEnd = at;
            peeled = true;
            break;
          }
        }
      }
    }
    if (!peeled || nPeeled >= peelS.length) break;
  }
  // Closed compounds from the lexicon: «کلانشهر» → «کلان» + «شهر».
  const stemLen = stemEnd - first;
  let lexicon = false;
  if (stemLen >= 3 && stemLen <= 10 && COMPOUND_HASHES.has(hashCodes(buf, first, stemEnd))) {
    const split = COMPOUNDS.get(pieceString(first, stemEnd));
    if (split !== undefined) {
      let at = first;
      for (const part of split.split(' ')) {
        pieceS[nPieces] = at;
        pieceE[nPieces++] = at + part.length;
        at += part.length;
      }
      lexicon = true;
    }
  }
  if (!lexicon && first < stemEnd) {
    pieceS[nPieces] = first;
    pieceE[nPieces++] = stemEnd;
  }
  for (let k = nPeeled - 1; k >= 0; k--) {
    if (peelGlue[k] === 1 && nPieces > 0 && pieceE[nPieces - 1] === peelS[k]) {
      pieceE[nPieces - 1] = peelE[k];
    } else {
      pieceS[nPieces] = peelS[k];
      pieceE[nPieces++] = peelE[k];
    }
  }
}

/** «تر», «ترین», «گر», «گری» or a chain of them («ترگر» after the display glued two). */
function isBoundSuffixChain(s: number, e: number): boolean {
  const c = buf[s];
  if (c !== TEH && c !== GAF) return false;
  let end = e;
  while (end > s) {
    let found = false;
    for (const t of JOIN_PREV_LONGEST_FIRST) {
      if (end - s >= t.length && endsWith(s, end, t)) {
        end -= t.length;
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

function endsWithAt(s: number, word: number[]): boolean {
  for (let j = 0; j < word.length; j++) if (buf[s + j] !== word[j]) return false;
  return true;
}

/** Pass 2: token rules and emission. Returns the key length (in `out`/`outMap`). */
function emit(textLength: number): number {
  let len = 0;
  growOut(2 * nChars + 16);
  // Locals, not module bindings, in the hot loop.
  const o = out;
  const om = outMap;
  const b = buf;
  const sr = src;
  let havePrev = false;
  let prevWord = false; // previous piece starts with a Persian letter
  let prevEndsHeh = false;
  let prevIsMah = false;
  let glueNext = false;

  for (let t = 0; t < nTok; t++) {
    splitToken(tokS[t], tokE[t]);
    for (let p = 0; p < nPieces; p++) {
      const s = pieceS[p];
      const e = pieceE[p];
      const hard = p === 0 && tokHard[t] === 1;
      const gapAt = p === 0 ? (tokGap[t] >= 0 ? tokGap[t] : sr[s]) : sr[s];
      const first = b[s];
      const isWord = isPersianLetter(first);

      let space = havePrev;
      if (havePrev && !hard) {
        if (prevWord && isBoundSuffixChain(s, e)) space = false;
        else if (prevEndsHeh && e - s === 1 && first === YEH) {
          // Ezafe «خانه‌ی» = «خانۀ» = «خانه»: the separate ی carries no meaning for matching.
          continue;
        } else if (glueNext && isWord) space = false;
      }
      if (space) {
        o[len] = 0x20;
        om[len++] = gapAt < textLength ? gapAt : textLength;
      }
      for (let j = s; j < e; j++) {
        o[len] = b[j];
        om[len++] = sr[j];
      }
      const joinedPrev = havePrev && !space;
      const isMi = pieceEquals(s, e, MI) || pieceEquals(s, e, NAMI);
      glueNext =
        !joinedPrev && oneOf(s, e, JOIN_NEXT) && !(isMi && prevIsMah);
      if (!joinedPrev) {
        prevWord = isWord;
        prevIsMah = pieceEquals(s, e, MAH);
      } else {
        prevIsMah = false;
      }
      prevEndsHeh = b[e - 1] === HEH && prevWord;
      havePrev = true;
    }
  }
  return len;
}

const decoder = new TextDecoder('utf-16le');

function outString(len: number): string {
  if (len === 0) return '';
  if (len < 256) return String.fromCharCode.apply(null, out.subarray(0, len) as unknown as number[]);
  return decoder.decode(out.subarray(0, len));
}

/** The match key of `text` (see the contract in docs/normalization.md). */
export function matchKey(text: string): string {
  foldTokens(text);
  return outString(emit(text.length));
}

/** The match key plus, for each key character, its offset in `text`. */
export function matchKeyWithMap(text: string): KeyWithMap {
  foldTokens(text);
  const len = emit(text.length);
  return { key: outString(len), map: outMap.slice(0, len) };
}

const MARK_RE = /[\p{M}\u0640\u200c\u200d]/u;

/**
 * Translates a span of the key [keyStart, keyEnd) into a span of the original text, extending the
 * end over the whole source character (surrogate pairs) and any diacritics or kashida that follow it.
 */
export function originalSpan(
  text: string,
  map: Int32Array,
  keyStart: number,
  keyEnd: number,
): { start: number; end: number } {
  if (keyEnd <= keyStart || keyStart < 0 || keyEnd > map.length) {
    throw new RangeError(`originalSpan: key span [${keyStart}, ${keyEnd}) is outside the key (length ${map.length})`);
  }
  const start = map[keyStart];
  let end = map[keyEnd - 1] + 1;
  const c = text.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff && end < text.length) end++;
  while (end < text.length && MARK_RE.test(text[end]) && text[end] !== '\u200c') end++;
  return { start, end };
}
