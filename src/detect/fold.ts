// Folding text for dictionary matching, keeping a map back to the original offsets.
//
// The fold follows the project's match-key rules (see keyWithMap for why it is local). On top of the key, matching works on a "compact" form with the token separators removed and
// token starts/ends remembered: «کلان‌شهر تبریز», «کلان شهر تبریز» and «کلانشهر تبریز» then
// compact to the same letters, while whole-token boundaries are still enforced.

export interface KeyWithMap {
  key: string;
  /** map[i] = offset in the original text of key char i. */
  map: Int32Array;
}

const LETTER_TABLE: Record<string, string> = {
  'ي': 'ی', 'ى': 'ی', 'ۍ': 'ی', 'ێ': 'ی', 'ې': 'ی', 'ے': 'ی', 'ۓ': 'ی',
  'ك': 'ک', 'ڪ': 'ک', 'ګ': 'ک',
  'ة': 'ه', 'ۀ': 'ه', 'ە': 'ه', 'ھ': 'ه', 'ہ': 'ه', 'ۂ': 'ه', 'ۃ': 'ه',
  'أ': 'ا', 'إ': 'ا', 'ٱ': 'ا', 'آ': 'ا', 'ٲ': 'ا', 'ٳ': 'ا',
  'ؤ': 'و', 'ۄ': 'و',
};

function isDropped(code: number): boolean {
  // Harakat, superscript alef, Quranic marks, tatweel: invisible to matching.
  return (
    (code >= 0x064b && code <= 0x065f) ||
    code === 0x0670 ||
    code === 0x0640 ||
    (code >= 0x06d6 && code <= 0x06ed)
  );
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function foldChar(c: string): string {
  const code = c.charCodeAt(0);
  if (code >= 0x06f0 && code <= 0x06f9) return String.fromCharCode(code - 0x06f0 + 48);
  if (code >= 0x0660 && code <= 0x0669) return String.fromCharCode(code - 0x0660 + 48);
  const t = LETTER_TABLE[c];
  if (t) return t;
  return c.toLowerCase();
}

const UTF16 = new TextDecoder('utf-16le');

// Per-code-unit fold decision, computed once: '' = dropped, ' ' = separator, else the folded text.
const FOLD_CACHE: (string | undefined)[] = new Array(0x10000);
function foldUnit(code: number): string {
  let f = FOLD_CACHE[code];
  if (f !== undefined) return f;
  const raw = String.fromCharCode(code);
  if (isDropped(code)) f = '';
  else {
    // Presentation forms (incl. the lam-alef ligatures ﻻ ﻼ) decompose to base letters.
    const expanded = code >= 0xfb50 && code <= 0xfeff ? raw.normalize('NFKC') : raw;
    f = '';
    let sep = false;
    for (const c of expanded) {
      if (isDropped(c.charCodeAt(0))) continue;
      if (!LETTER_OR_DIGIT.test(c)) sep = true;
      else f += foldChar(c);
    }
    if (f === '' && sep) f = ' ';
  }
  FOLD_CACHE[code] = f;
  return f;
}

/** Local fold used until (or instead of) the normalizer's matchKeyWithMap. */
export function localKeyWithMap(text: string): KeyWithMap {
  const n = text.length;
  let out = new Uint16Array(n + 8);
  let map = new Int32Array(n + 8);
  let len = 0;
  let pendingSpace = false;
  const push = (code: number, at: number) => {
    if (len === out.length) {
      const o2 = new Uint16Array(out.length * 2);
      o2.set(out);
      out = o2;
      const m2 = new Int32Array(map.length * 2);
      m2.set(map);
      map = m2;
    }
    out[len] = code;
    map[len] = at;
    len++;
  };
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    // Surrogate pairs (emoji, rare scripts) count as separators.
    const f = code >= 0xd800 && code <= 0xdfff ? ' ' : FOLD_CACHE[code] ?? foldUnit(code);
    if (f.length === 0) continue;
    if (f === ' ') {
      pendingSpace = len > 0;
      continue;
    }
    if (pendingSpace) {
      push(32, i);
      pendingSpace = false;
    }
    if (f.length === 1 && len < out.length) {
      out[len] = f.charCodeAt(0);
      map[len++] = i;
    } else for (let j = 0; j < f.length; j++) push(f.charCodeAt(j), i);
  }
  return { key: UTF16.decode(out.subarray(0, len)), map: map.slice(0, len) };
}

/**
 * Key with offset map for dictionary matching. The same folding rules as the project's match
 * key (Arabic letters, diacritics, kashida, digits, ZWNJ/space variants, Latin case), done
 * locally rather than through src/normalize matchKeyWithMap: the normalizer's key also applies
 * dictionary-driven re-spacing that moves token boundaries («تبریزی» → «تب ریزی»), and matching
 * needs token boundaries to be exactly the text's. See docs/decisions/detect.md.
 */
export function keyWithMap(text: string): KeyWithMap {
  return localKeyWithMap(text);
}

/** Folded key of a dictionary phrase or query (no map). */
export function foldKey(text: string): string {
  return keyWithMap(text).key;
}

/**
 * Compact form: key letters without separators. starts/ends flag compact positions that
 * begin/end a token; tokenOf gives each compact position's token index.
 */
export interface Compact {
  text: string;
  /** compact index → key index */
  keyIndex: Int32Array;
  tokenStart: Uint8Array;
  tokenEnd: Uint8Array;
  tokenOf: Int32Array;
  /** token index → [compact start, compact end) */
  tokens: { start: number; end: number }[];
}

export function compact(key: string): Compact {
  const n = key.length;
  const chars = new Uint16Array(n);
  const keyIndex = new Int32Array(n);
  const tokenStart = new Uint8Array(n);
  const tokenEnd = new Uint8Array(n);
  const tokenOf = new Int32Array(n);
  const tokens: { start: number; end: number }[] = [];
  let j = 0;
  let atStart = true;
  for (let i = 0; i < n; i++) {
    const c = key.charCodeAt(i);
    if (c === 32) {
      if (j > 0 && !atStart) {
        tokenEnd[j - 1] = 1;
        tokens[tokens.length - 1].end = j;
      }
      atStart = true;
      continue;
    }
    if (atStart) {
      tokenStart[j] = 1;
      tokens.push({ start: j, end: j + 1 });
      atStart = false;
    }
    chars[j] = c;
    keyIndex[j] = i;
    tokenOf[j] = tokens.length - 1;
    j++;
  }
  if (j > 0) {
    tokenEnd[j - 1] = 1;
    tokens[tokens.length - 1].end = j;
  }
  return {
    text: UTF16.decode(chars.subarray(0, j)),
    keyIndex: keyIndex.subarray(0, j),
    tokenStart: tokenStart.subarray(0, j),
    tokenEnd: tokenEnd.subarray(0, j),
    tokenOf: tokenOf.subarray(0, j),
    tokens,
  };
}

/** Compact form of a dictionary phrase: its folded letters without separators. */
export function compactPhrase(phrase: string): string {
  return foldKey(phrase).replace(/ /g, '');
}

/**
 * Variant of a phrase as PDF extraction leaves it when the «لا» ligature loses its lam
 * («کانشهر» for «کلانشهر», «اسامی» for «اسلامی»).
 */
export function withoutLamAlef(compactText: string): string | null {
  return compactText.includes('لا') ? compactText.replace(/لا/g, 'ا') : null;
}
