// Folding text for dictionary matching, keeping a map back to the original offsets.
//
// The project's match key (src/normalize matchKey) is the folded form used everywhere; when the
// normalizer exports `matchKeyWithMap` we use it, otherwise a local fold with the same rules.
// On top of the key, matching works on a "compact" form with the token separators removed and
// token starts/ends remembered: «کلان‌شهر تبریز», «کلان شهر تبریز» and «کلانشهر تبریز» then
// compact to the same letters, while whole-token boundaries are still enforced.
import * as normalizeModule from '../normalize/index.ts';

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

/** Local fold used until (or instead of) the normalizer's matchKeyWithMap. */
export function localKeyWithMap(text: string): KeyWithMap {
  const out: string[] = [];
  const map: number[] = [];
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    const raw = text[i];
    const code = raw.charCodeAt(0);
    if (isDropped(code)) continue;
    // Presentation forms (incl. the lam-alef ligatures ﻻ ﻼ) decompose to base letters.
    const expanded = (code >= 0xfb50 && code <= 0xfeff) || (code >= 0xfe70 && code <= 0xfefc) ? raw.normalize('NFKC') : raw;
    for (const c of expanded) {
      if (isDropped(c.charCodeAt(0))) continue;
      if (!LETTER_OR_DIGIT.test(c)) {
        pendingSpace = out.length > 0;
        continue;
      }
      if (pendingSpace) {
        out.push(' ');
        map.push(i);
        pendingSpace = false;
      }
      const f = foldChar(c);
      for (const fc of f) {
        out.push(fc);
        map.push(i);
      }
    }
  }
  return { key: out.join(''), map: Int32Array.from(map) };
}

type KeyFn = (text: string) => KeyWithMap;
const external = (normalizeModule as Record<string, unknown>).matchKeyWithMap as KeyFn | undefined;

/**
 * Key with offset map. Uses the normalizer's matchKeyWithMap when it exists and behaves
 * (one map entry per key char), else the local fold. Both fold Arabic letters, diacritics,
 * digits and ZWNJ/space variants; the same function is applied to dictionary and text.
 */
export function keyWithMap(text: string): KeyWithMap {
  if (typeof external === 'function') {
    try {
      const r = external(text);
      if (r && typeof r.key === 'string' && r.map && r.map.length === r.key.length) {
        return { key: localKeyWithMap(r.key).key === r.key ? r.key : localRefold(r), map: r.map };
      }
    } catch {
      // fall through to the local fold
    }
  }
  return localKeyWithMap(text);
}

// The external key may differ in small ways (e.g. keeps آ); refolding char by char keeps
// the one-to-one map while guaranteeing our own letter table applies too.
function localRefold(r: KeyWithMap): string {
  let s = '';
  for (const c of r.key) {
    const f = c === ' ' ? ' ' : foldChar(c);
    s += f.length === 1 ? f : c;
  }
  return s;
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
  const chars: string[] = [];
  const keyIndex = new Int32Array(n);
  const tokenStart = new Uint8Array(n);
  const tokenEnd = new Uint8Array(n);
  const tokenOf = new Int32Array(n);
  const tokens: { start: number; end: number }[] = [];
  let j = 0;
  let atStart = true;
  for (let i = 0; i < n; i++) {
    const c = key[i];
    if (c === ' ') {
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
    chars.push(c);
    keyIndex[j] = i;
    tokenOf[j] = tokens.length - 1;
    j++;
  }
  if (j > 0) {
    tokenEnd[j - 1] = 1;
    tokens[tokens.length - 1].end = j;
  }
  return {
    text: chars.join(''),
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
