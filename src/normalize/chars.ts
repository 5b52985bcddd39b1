// Character tables shared by the display normalizer and the match key.
// Both are built once at load time as flat arrays indexed by UTF-16 code unit, so the hot loops do
// one array read per character instead of a regex test or a Map lookup.

export const ZWNJ = '\u200c';
export const ZWNJ_CODE = 0x200c;

/** Persian/Arabic letters the word rules look at (after the character table has run). */
export const FA_LETTERS = 'ءآأؤإئابةتثجحخدذرزسشصضطظعغفقلمنهوپچژکگیۀ';
/** Letters that never join the following letter: a ZWNJ after them is invisible and meaningless. */
export const NON_JOINING = 'اآأإدذرزژوؤةء';

export const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';

const YEH_FORMS = [0x064a, 0x0649, 0x06cd, 0x06ce, 0x06d0, 0x06d1, 0x0678, 0x06d2, 0x06d3];
const KAF_FORMS = [0x0643, 0x06aa, 0x063b, 0x063c, 0x06ac, 0x06ad, 0x06ae];
const HEH_FORMS = [0x06be, 0x06d5, 0x06c1, 0x06ff];

function isRange(c: number, lo: number, hi: number): boolean {
  return c >= lo && c <= hi;
}

/** Arabic harakat, tanwin, shadda, sukun and the small Quranic marks: removed for display and key. */
export function isArabicMark(c: number): boolean {
  return (
    isRange(c, 0x064b, 0x065f) ||
    c === 0x0670 ||
    isRange(c, 0x0610, 0x061a) ||
    isRange(c, 0x06d6, 0x06dc) ||
    isRange(c, 0x06df, 0x06e8) ||
    isRange(c, 0x06ea, 0x06ed) ||
    isRange(c, 0x08d3, 0x08ff)
  );
}

/** Invisible format characters seen in scraped news (bidi marks, BOM, soft hyphen, ZWSP, ZWJ). */
export function isInvisibleJunk(c: number): boolean {
  return (
    c === 0x00ad ||
    c === 0x200b ||
    c === 0x200d ||
    c === 0x200e ||
    c === 0x200f ||
    isRange(c, 0x202a, 0x202e) ||
    isRange(c, 0x2066, 0x2069) ||
    c === 0x2060 ||
    c === 0xfeff ||
    c === 0x061c ||
    c === 0xfffc
  );
}

/** Horizontal space characters (not newlines) that become an ordinary space. */
export function isHorizontalSpace(c: number): boolean {
  return (
    c === 0x20 ||
    c === 0x09 ||
    c === 0x0b ||
    c === 0x0c ||
    c === 0xa0 ||
    c === 0x1680 ||
    isRange(c, 0x2000, 0x200a) ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** Base letter unification shared by display and key: yeh, kaf and heh variants. */
function unifyLetter(c: number): number {
  if (YEH_FORMS.includes(c)) return 0x06cc;
  if (KAF_FORMS.includes(c)) return 0x06a9;
  if (HEH_FORMS.includes(c)) return 0x0647;
  if (c === 0x06c2) return 0x06c0; // heh goal with hamza → ۀ
  if (c === 0x06c3) return 0x0629; // teh marbuta goal → ة
  return c;
}

/**
 * Display table: undefined = keep, '' = delete, otherwise the replacement.
 * Digits become Persian here; `%` → `٪` and quotes are handled by the normalizer (context needed).
 */
export const DISPLAY: (string | undefined)[] = new Array(0x10000);

/**
 * Key table: -1 = separator, -2 = delete, >= 0 = one replacement code unit.
 * Multi-unit expansions (ﷲ, ﻻ, ﷼) live in KEY_EXPAND.
 */
export const KEY = new Int32Array(0x10000);
export const KEY_EXPAND = new Map<number, string>();
export const KEY_SEP = -1;
export const KEY_DROP = -2;
export const KEY_EXPANDS = -3;

const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;

function displayOf(c: number): string | undefined {
  if (c >= 0x30 && c <= 0x39) return PERSIAN_DIGITS[c - 0x30];
  if (c >= 0x660 && c <= 0x669) return PERSIAN_DIGITS[c - 0x660];
  if (isArabicMark(c) || c === 0x0640 || isInvisibleJunk(c)) return '';
  if (c === 0x0d) return '\n';
  if (c === 0x2028 || c === 0x2029 || c === 0x85) return '\n';
  if (c !== 0x20 && isHorizontalSpace(c)) return ' ';
  const u = unifyLetter(c);
  if (u !== c) return String.fromCharCode(u);
  if (isRange(c, 0xfb50, 0xfdff) || isRange(c, 0xfe70, 0xfefc)) {
    // Arabic presentation forms: NFKC gives the base letters (ﻻ → لا, ﷲ → الله, ﷼ → ریال),
    // then the same letter unification; isolated diacritic forms disappear.
    const base = String.fromCharCode(c).normalize('NFKC');
    let out = '';
    for (let i = 0; i < base.length; i++) {
      const b = base.charCodeAt(i);
      const d = b === c ? undefined : displayOf(b);
      out += d === undefined ? base[i] : d;
    }
    out = out.trim();
    return out === String.fromCharCode(c) ? undefined : out;
  }
  return undefined;
}

function keyFold(c: number): string {
  // Start from the display form, then fold what display keeps apart.
  const d = displayOf(c);
  const s = d === undefined ? String.fromCharCode(c) : d;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    let b = s.charCodeAt(i);
    if (b >= 0x6f0 && b <= 0x6f9) b = b - 0x6f0 + 0x30;
    else if (b === 0x622 || b === 0x623 || b === 0x625 || b === 0x671) b = 0x627; // آ أ إ ٱ → ا
    else if (b === 0x629 || b === 0x6c0) b = 0x647; // ة ۀ → ه
    else if (b === 0x624) b = 0x648; // ؤ → و
    else if (b === 0x626) b = 0x6cc; // ئ → ی
    else if (b === 0x621) continue; // standalone hamza: «اجزاء» = «اجزا»
    out += String.fromCharCode(b);
  }
  return out;
}

function buildTables(): void {
  for (let c = 0; c < 0x10000; c++) {
    DISPLAY[c] = c < 0x80 && c !== 0x0d && (c < 0x30 || c > 0x39) && c !== 0x09 && c !== 0x0b && c !== 0x0c
      ? undefined
      : displayOf(c);

    if (c >= 0xd800 && c <= 0xdfff) {
      KEY[c] = KEY_SEP; // surrogates are handled by the key loop itself
      continue;
    }
    if (c === ZWNJ_CODE) {
      KEY[c] = KEY_SEP;
      continue;
    }
    if (isArabicMark(c) || c === 0x0640 || isInvisibleJunk(c)) {
      KEY[c] = KEY_DROP;
      continue;
    }
    let folded = keyFold(c);
    if (folded.length === 0) {
      KEY[c] = KEY_DROP;
      continue;
    }
    if (folded.length === 1) {
      let f = folded.charCodeAt(0);
      const ch = String.fromCharCode(f);
      if (!LETTER_OR_NUMBER.test(ch)) {
        // Latin letters with combining accents still fold (é → e); other marks drop.
        KEY[c] = /\p{M}/u.test(ch) ? KEY_DROP : KEY_SEP;
        continue;
      }
      const nf = ch.normalize('NFKD');
      const base = nf.charCodeAt(0);
      if (nf.length > 1 && base < 0x250 && LETTER_OR_NUMBER.test(nf[0])) f = base; // é → e, ﬁ stays below
      else if (nf.length === 1 && nf !== ch && nf.charCodeAt(0) < 0x250) f = nf.charCodeAt(0); // fullwidth A → A
      const lower = String.fromCharCode(f).toLowerCase();
      KEY[c] = lower.length === 1 ? lower.charCodeAt(0) : f;
      continue;
    }
    // Multi-character expansions (lam-alef, ﷲ, ﷼, ligatures like ﬁ): keep only letters/digits.
    folded = folded.toLowerCase();
    let kept = '';
    for (const ch of folded) kept += LETTER_OR_NUMBER.test(ch) ? ch : ' ';
    kept = kept.trim().replace(/ +/g, ' ');
    if (kept.length === 0) KEY[c] = KEY_SEP;
    else {
      KEY[c] = KEY_EXPANDS;
      KEY_EXPAND.set(c, kept);
    }
  }
  // Latin ligatures (ﬁ ﬂ) are compatibility forms outside the Arabic blocks.
  for (let c = 0xfb00; c <= 0xfb06; c++) {
    KEY[c] = KEY_EXPANDS;
    KEY_EXPAND.set(c, String.fromCharCode(c).normalize('NFKC').toLowerCase());
  }
}

buildTables();

export const FA_LETTER_SET = new Set(FA_LETTERS);
export const NON_JOINING_SET = new Set(NON_JOINING);
