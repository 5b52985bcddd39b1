// The display normalizer: Hazm's rule-based steps (hazm/normalizer.py) with the fixes news text
// needs. Steps, in order:
//   1. protect URLs and e-mail addresses (they pass through byte for byte);
//   2. character table (letters, presentation forms via NFKC, digits → Persian, diacritics, junk);
//   3. Persian style: "…" → «…», 12.5 → ۱۲٫۵, ... → …, % → ٪;
//   4. punctuation and digit spacing;
//   5. ZWNJ rules: می/نمی prefix, bound suffixes, ه + pronoun clitics.
// Numbers with separators (12,500  1402/03/09  12:27) are never split: the spacing rules that could
// touch them all skip digit–digit contexts. Every step is written so that running the whole
// function again changes nothing (tested as a property).

import { DISPLAY, FA_LETTERS, NON_JOINING, NON_JOINING_SET, ZWNJ } from './chars.ts';

const L = FA_LETTERS;
const D = '۰-۹';
const LH = L.replace('ء', '');
/**
 * A URL or e-mail address: kept verbatim. Trailing sentence punctuation is not part of it. Lengths are
 * bounded so that adversarial input («a.a.a.a…» with no @) cannot make the scan quadratic.
 */
const PROTECTED_RE =
  /(?:(?:https?|ftp):\/\/|\bwww\.)[^\s<>"«»\u200c]{1,2000}[^\s<>"«».,:;!?،؛؟)\]}'\u200c]|\b[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}\b(?!:\/\/)/g;
const PLACEHOLDER = '\ufffc'; // deleted from input by the character table, so it cannot collide

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function mapChars(text: string): string {
  let out = '';
  let runStart = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      // Digits glued to Latin letters (mp3, H2O, 4K) stay ASCII; all other digits become Persian.
      let j = i;
      while (j < n && text.charCodeAt(j) >= 0x30 && text.charCodeAt(j) <= 0x39) j++;
      if (isAsciiLetter(text.charCodeAt(i - 1)) || isAsciiLetter(text.charCodeAt(j))) {
        i = j - 1;
        continue;
      }
    }
    if (c === 0xfffc) continue; // URL placeholder
    let r = DISPLAY[c];
    if (r === undefined) continue;
    if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) r = ''; // CRLF → LF
    else if (c === 0x0654 || c === 0x0653 || c === 0x0655) {
      // Hamza and madda written as combining marks compose onto their seat instead of vanishing.
      const composed = i > 0 ? composeMark(text.charCodeAt(i - 1), c) : '';
      if (composed !== '') {
        if (i - 1 >= runStart) out += text.slice(runStart, i - 1) + composed;
        else out = out.slice(0, -1) + composed;
        runStart = i + 1;
        continue;
      }
    }
    out += text.slice(runStart, i) + r;
    runStart = i + 1;
  }
  return runStart === 0 ? text : out + text.slice(runStart);
}

function composeMark(base: number, mark: number): string {
  if (mark === 0x0653 && base === 0x0627) return 'آ';
  if (mark === 0x0654) {
    if (base === 0x0627) return 'أ';
    if (base === 0x0648) return 'ؤ';
    if (base === 0x064a || base === 0x06cc) return 'ئ';
    if (base === 0x0647 || base === 0x06d5) return 'ۀ';
  }
  if (mark === 0x0655 && base === 0x0627) return 'إ';
  return '';
}

const PUNC_AFTER = '.:!،؛؟»\\])}'; // no space before these
const PUNC_BEFORE = '«\\[({'; // no space after these

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Replacer = (substring: string, ...args: any[]) => string;
/**
 * [pattern, replacement, needles]: the rule runs only if the text contains one of the needles
 * (cheap `includes` checks skip most rules on most paragraphs). Every pattern starts with a
 * literal or a character class, never with a lookbehind, so V8 can scan for its first character.
 */
type Rule = [RegExp, string | Replacer, string[]?];
const RULES: Rule[] = [
  // --- ZWNJ cleanup first: removing a ZWNJ can expose punctuation to the spacing rules ---
  [/\u200c{2,}/g, ZWNJ, [ZWNJ]],
  // Not between two letters, or after a non-joining letter. (The URL placeholder counts as a
  // letter: a ZWNJ glued to a URL is left as it is.)
  [
    new RegExp(`\\u200c(?:(?![${L}\\ufffc])|(?<![${L}\\ufffc]\\u200c)|(?<=[${NON_JOINING}]\\u200c))`, 'g'),
    '',
    [ZWNJ],
  ],
  // --- Persian style ---
  [/"([^"«»\n]+)"/g, '«$1»', ['"']],
  [/“([^“”«»\n]*)”/g, '«$1»', ['“']],
  [new RegExp(`%(?:(?<=[${D}\\s]%)|(?=[${D}]))`, 'g'), '٪', ['%']],
  // --- spacing ---
  [/[ \t]+/g, ' '],
  [/ ?\n ?/g, '\n', ['\n']],
  // (but « .۵» or « ،۵۰۰» stays apart: joining would turn two numbers into one)
  [new RegExp(` +(?=[${PUNC_AFTER}])(?![.،][${D}0-9])`, 'g'), ''],
  // ... → … with a space before it (Hazm's style), after the space-before-dot removal.
  [
    / *(?:\.{3,}|…)/g,
    (_m: string, off: number, s: string) => (off === 0 || s[off - 1] === '\n' ? '…' : ' …'),
    ['...', '…'],
  ],
  [new RegExp(`([${PUNC_BEFORE}]) +`, 'g'), '$1'],
  // 12.5 → ۱۲٫۵ once spacing is settled (a removed space can bring a dot next to a digit).
  [
    new RegExp(`([${D}]+)\\.([${D}]+)(?![.٫]?[${D}])`, 'g'),
    (m: string, a: string, b: string, off: number, s: string) =>
      off > 0 && /[۰-۹.٫]/.test(s[off - 1]) ? m : `${a}٫${b}`,
    ['.'],
  ],
  // One space after closing punctuation when a Persian word follows (Latin text such as
  // "node.js" and numbers such as ۱۲:۲۷ are left alone). Single-letter abbreviations (ق.ظ) stay.
  [
    new RegExp(`([.:!؟،؛»\\])}])(?=[${L}«])`, 'g'),
    (m: string, p: string, off: number, s: string) =>
      p === '.' && isSingleLetterBefore(s, off) ? m : p + ' ',
  ],
  [new RegExp(`([${L}${D}])(?=«)`, 'g'), '$1 ', ['«']],
  [new RegExp(`([${L}])(?=\\()`, 'g'), '$1 ', ['(']],
  // A space between a digit run and a Persian word (۵۰درصد → ۵۰ درصد), except ordinals (۲۰ام).
  // (Not for a lone hamza, which the match key ignores.)
  [new RegExp(`([${D}])(?=[${LH}])(?!م(?![${L}])|مین(?![${L}])|ام(?![${L}])|امین(?![${L}]))`, 'g'), '$1 '],
  [new RegExp(`([${LH}])(?=[${D}])`, 'g'), '$1 '],
  // --- ZWNJ ---
  // Prefix می/نمی joins the next word, but not the month «می» (۱۵ می ۲۰۲۳, ماه می).
  [
    new RegExp(`(ن?می) (?=[${L}])`, 'g'),
    (m: string, mi: string, off: number, s: string) =>
      isWordStart(s, off) && !isMonthMay(s, off) ? mi + ZWNJ : m,
    ['می '],
  ],
  // Bound suffixes; after a non-joining letter they attach without ZWNJ (بندرها, دورتر).
  [
    new RegExp(` (?<=[${LH}]{2} )(تر|ترین|گر|گری|ها|های|هایی)(?=[\\s${PUNC_AFTER}]|$)`, 'g'),
    (_m: string, suf: string, off: number, s: string) =>
      (NON_JOINING_SET.has(s[off - 1]) ? '' : ZWNJ) + suf,
    [' تر', ' گر', ' ها'],
  ],
  // ه glued to ها/های/هایی/تر/ترین renders as one blob: «رسانهها» → «رسانه‌ها», «سادهتر» → «ساده‌تر».
  // (Not after a single letter: «بهتر» is a word.)
  [
    new RegExp(`ه(?<=[${LH}]ه)(ها|های|هایی|تر|ترین)(?![${L}])`, 'g'),
    (m: string, suf: string, off: number, s: string) =>
      (suf[0] === 'ت' && !isLetter(s[off - 2])) ? m : 'ه' + ZWNJ + suf,
    ['هها', 'هتر'],
  ],
  // ه + ی/ام/ایم/اش/اند/ای/اید/ات (خانه ام → خانه‌ام), except after the function words که/چه/به/نه.
  [
    new RegExp(` (?<=[${L}]ه )(ی|ام|ایم|اش|اند|ای|اید|ات)(?=[\\s${PUNC_AFTER}]|$)`, 'g'),
    (m: string, clitic: string, off: number, s: string) =>
      isFunctionWordBefore(s, off) ? m : ZWNJ + clitic,
    ['ه '],
  ],
];

function isLetter(c: string | undefined): boolean {
  return c !== undefined && LETTER_SET.has(c);
}

function isWordStart(s: string, at: number): boolean {
  if (at === 0) return true;
  const c = s[at - 1];
  return c === ' ' || c === '\n' || c === '«' || c === '(' || c === '[' || c === '{';
}

const LETTER_SET = new Set(FA_LETTERS);
const FUNCTION_WORDS = new Set(['که', 'چه', 'به', 'نه']);

function isSingleLetterBefore(s: string, dotAt: number): boolean {
  const before = s[dotAt - 1];
  const before2 = s[dotAt - 2];
  return before !== undefined && LETTER_SET.has(before) && (before2 === undefined || !LETTER_SET.has(before2));
}

function wordBefore(s: string, at: number): string {
  let i = at - 1;
  while (i >= 0 && s[i] === ' ') i--;
  const end = i + 1;
  while (i >= 0 && s[i] !== ' ' && s[i] !== '\n') i--;
  return s.slice(i + 1, end);
}

function isMonthMay(s: string, miAt: number): boolean {
  const prev = wordBefore(s, miAt);
  return prev === 'ماه' || /[۰-۹0-9]$/.test(prev);
}

function isFunctionWordBefore(s: string, spaceAt: number): boolean {
  return FUNCTION_WORDS.has(wordBefore(s, spaceAt + 0));
}

function normalizePlain(text: string): string {
  let s = text;
  for (const [re, rep, needles] of RULES) {
    if (needles !== undefined && !needles.some((n) => s.includes(n))) continue;
    s = s.replace(re, rep as string);
  }
  return s;
}

/** Display normalizer: Persian text as it should be shown (see docs/normalization.md). */
export function normalize(text: string): string {
  let out = normalizeOnce(text);
  // A URL or e-mail glued to another one or to a ZWNJ can be delimited differently once the
  // characters around it are cleaned; only then more passes are needed to reach the fixed point.
  if (!needsAnotherPass) return out;
  for (let i = 0; i < 3; i++) {
    const again = normalizeOnce(out);
    if (again === out) break;
    out = again;
  }
  return out;
}

let needsAnotherPass = false;
const GLUED_PLACEHOLDER = /\ufffc[\ufffc\u200c]|\u200c\ufffc/;

function normalizeOnce(text: string): string {
  const protectedSpans: string[] = [];
  const input = text.includes(PLACEHOLDER) ? text.replaceAll(PLACEHOLDER, '') : text;
  const withPlaceholders = input.replace(PROTECTED_RE, (m) => {
    protectedSpans.push(m);
    return PLACEHOLDER;
  });
  let s = normalizePlain(mapChars(withPlaceholders)).trim();
  needsAnotherPass = protectedSpans.length > 0 && GLUED_PLACEHOLDER.test(s);
  if (protectedSpans.length > 0) {
    let j = 0;
    s = s.replace(/\ufffc/g, () => protectedSpans[j++] ?? '');
  }
  return s;
}
