// Article-local official names learned from apposition: «رحیم صادقیان، شهردار تبریز، …»,
// «رحیم صادقیان شهردار تبریز …», «شهردار تبریز، رحیم صادقیان، …». Profiles often list no
// officials, and news names the mayor by apposition once and by surname afterwards; without
// this, «صادقیان: …» in the title is an unknown speaker and the mayor's own account of a
// problem reads as criticism of the municipality. A learned name counts in that article only.
import type { DictTag } from './dictionary.ts';
import { compactPhrase } from './fold.ts';
import type { PreparedField } from './fields.ts';
import type { Hit } from './mentions.ts';

type MentionTag = Extract<DictTag, { type: 'mention' }>;

export interface LearnedName {
  /** Folded tokens of the name as written in the apposition (honorifics stripped). */
  tokens: string[];
  /** Folded tokens of the surname (the last word; «کاظمی‌نیا» is two tokens). */
  surname: string[];
  /** The name as written (for Mention.person). */
  display: string;
  tag: MentionTag;
  /** The title mention the name stands in apposition to. */
  title: Hit;
}

/** Words before a body that make a title of it: «معاون … شهرداری تبریز», «مدیرعامل سازمان …». */
const TITLE_HEADS = new Set(
  ['مدیرعامل', 'معاون', 'رئیس', 'رییس', 'سخنگوی', 'سخنگو', 'مدیر', 'سرپرست', 'مشاور', 'دبیر', 'مدیرکل'].map(compactPhrase),
);

/** Honorifics stripped before a name. */
const HONORIFICS = new Set(['آقای', 'آقا', 'خانم', 'دکتر', 'مهندس', 'سید', 'سیده', 'حجت الاسلام', 'حاج'].map(compactPhrase));

/**
 * Never part of a name: pronouns, function words, and the words that most often stand right
 * before a title in news copy («انتقاد شهردار تبریز», «دیدار امروز شهردار تبریز»).
 */
const NOT_NAME = new Set(
  [
    'وی', 'او', 'این', 'آن', 'همین', 'همان', 'همچنین', 'نیز', 'هم', 'که', 'و', 'یا', 'را', 'از', 'به', 'با', 'در', 'بر',
    'برای', 'تا', 'اما', 'ولی', 'پس', 'سپس', 'بنابراین', 'گفت', 'افزود', 'گزارش', 'به گزارش', 'امروز', 'دیروز', 'فردا',
    'روز', 'صبح', 'عصر', 'شب', 'هفته', 'ماه', 'سال', 'امسال', 'نشست', 'جلسه', 'دیدار', 'سفر', 'حضور', 'سخنان', 'پیام',
    'گفتگو', 'گفت وگو', 'مصاحبه', 'انتقاد', 'گلایه', 'اعتراض', 'واکنش', 'دستور', 'نامه', 'تاکید', 'تأکید', 'خبر', 'اعلام',
    'هشدار', 'درخواست', 'پاسخ', 'جوابیه', 'استعفای', 'استعفا', 'انتخاب', 'برکناری', 'عزل', 'نصب', 'حکم', 'بازدید',
    'شهروندان', 'شهروند', 'مردم', 'ساکنان', 'اهالی', 'نماینده', 'عضو', 'اعضای', 'شورای', 'شورا', 'شهر', 'شهرداری',
    'شهردار', 'استاندار', 'فرماندار', 'دولت', 'وزیر', 'جدید', 'سابق', 'پیشین', 'فعلی', 'اسبق', 'منتخب', 'شدید',
    'دیگر', 'نخست', 'اول', 'دوم', 'یک', 'دو', 'سه', 'چند', 'همه', 'هر', 'کدام', 'چرا', 'آیا', 'است', 'بود', 'شد',
    'نه', 'نیست', 'ما', 'من', 'شما', 'آنها', 'ایشان', 'چنین', 'چه', 'کجا',
    // Adverbials that sit between commas after a title («شهردار تبریز، طی سخنانی، …»).
    'طی', 'ضمن', 'ضمنا', 'طبق', 'پیش', 'بعد', 'قبل', 'هنگام', 'حین', 'درباره', 'پیرامون', 'سخنانی', 'همراه', 'ابتدا',
    'نخستین', 'ظهر', 'بامداد', 'دیشب', 'گذشته', 'اخیر', 'اخیرا', 'تنها', 'فقط', 'اکنون', 'حالا', 'هنوز', 'علاوه',
    'بعلاوه', 'درضمن', 'گفتنی', 'یادآور', 'شنبه', 'یکشنبه', 'دوشنبه', 'سه شنبه', 'چهارشنبه', 'پنجشنبه', 'جمعه',
    // Verb parts: a clause of verbs is no name («یادآور می‌شود، …»).
    'می', 'نمی', 'شود', 'کرد', 'کرده', 'داشت', 'گفته', 'شده', 'اند', 'باید', 'خواهد',
  ].map(compactPhrase),
);

const MAX_NAME_WORDS = 3;
/** Tokens a name may span (compound surnames, one honorific). */
const MAX_NAME_TOKENS = 6;
const MIN_NAME_LETTERS = 3;

/** Title kinds that are a person's office by themselves (no head word needed). */
const PERSONAL_KINDS = new Set(['mayor', 'official', 'district']);

function sameSentence(f: PreparedField, a: number, b: number): boolean {
  return f.sentenceOfToken[a] === f.sentenceOfToken[b];
}

/** First token of the title phrase ending in mention h, or -1 when h is no personal title. */
function titleStart(h: Hit): number {
  const f = h.field;
  // A head up to five words before the body: «معاون خدمات شهری شهرداری تبریز».
  for (let t = h.firstToken - 1; t >= 0 && t >= h.firstToken - 5; t--) {
    if (!sameSentence(f, t, h.firstToken) || f.clauseStart[t + 1]) break;
    if (TITLE_HEADS.has(f.tokenText[t])) return t;
    if (NOT_NAME.has(f.tokenText[t]) && !['شهر', 'شهرداری', 'شورای'].includes(f.tokenText[t])) break;
  }
  return PERSONAL_KINDS.has((h.tag as MentionTag).kind) ? h.firstToken : -1;
}

/** Parts of a compound surname written with a space as often as with a ZWNJ («کاظمی نیا»). */
const SURNAME_PARTS = new Set(['نیا', 'زاده', 'پور', 'فر', 'راد', 'نژاد', 'منش', 'کیا', 'وند', 'لو', 'مند', 'فرد', 'پناه', 'دوست'].map(compactPhrase));

/** Token t continues the previous token's word: joined by a ZWNJ only («کاظمی‌نیا»), or a surname part. */
function continuesWord(f: PreparedField, t: number): boolean {
  if (t === 0) return false;
  if (f.clauseStart[t]) return false;
  if (SURNAME_PARTS.has(f.tokenText[t])) return true;
  const prevEnd = f.kwm.map[f.c.keyIndex[f.c.tokens[t - 1].end - 1]] + 1;
  const start = f.kwm.map[f.c.keyIndex[f.c.tokens[t].start]];
  return start > prevEnd && /^[\u200c\u200d]+$/.test(f.text.slice(prevEnd, start));
}

/** Start token of the word ending at token b - 1. */
function wordStartBefore(f: PreparedField, b: number): number {
  let a = b - 1;
  while (a > 0 && continuesWord(f, a)) a--;
  return a;
}

function isNameToken(s: string): boolean {
  return s.length >= 2 && !NOT_NAME.has(s) && !/[0-9]/.test(s);
}

/**
 * Tokens [a, b) as a name: leading honorifics stripped, then 1–3 words (minWords at least) with no
 * common word, the surname (last word) distinctive. Returns the name's first token, or null.
 */
function cleanName(f: PreparedField, a: number, b: number, minWords: number): number | null {
  while (a < b && HONORIFICS.has(f.tokenText[a]) && !continuesWord(f, a + 1)) a++;
  if (a >= b || continuesWord(f, a)) return null;
  let words = 0;
  for (let t = a; t < b; t++) {
    if (!isNameToken(f.tokenText[t]) || HONORIFICS.has(f.tokenText[t])) return null;
    if (!continuesWord(f, t)) words++;
  }
  if (words < minWords || words > MAX_NAME_WORDS) return null;
  let letters = 0;
  for (let t = wordStartBefore(f, b); t < b; t++) letters += f.tokenText[t].length;
  return letters >= MIN_NAME_LETTERS ? a : null;
}

function learned(f: PreparedField, a: number, b: number, tag: MentionTag, title: Hit): LearnedName {
  const start = f.kwm.map[f.c.keyIndex[f.c.tokens[a].start]];
  const end = f.kwm.map[f.c.keyIndex[f.c.tokens[b - 1].end - 1]] + 1;
  return { tokens: f.tokenText.slice(a, b), surname: f.tokenText.slice(wordStartBefore(f, b), b), display: f.text.slice(start, end), tag, title };
}

/** Names standing in apposition to our resolved personal titles. */
export function learnNames(resolvedHits: readonly Hit[], otherCityHits: readonly Hit[] = []): LearnedName[] {
  const out: LearnedName[] = [];
  for (const h of resolvedHits) {
    const tag = h.tag as MentionTag;
    if (tag.type !== 'mention' || tag.related || tag.official) continue;
    const f = h.field;
    // A generic title followed by another city's name («مدیرعامل قطار شهری اصفهان») is theirs,
    // however the article's context resolved the generic words.
    if (otherCityHits.some((o) => o.field === f && o.firstToken === h.lastToken + 1)) continue;
    const t0 = titleStart(h);
    if (t0 < 0) continue;
    const personTag: MentionTag = { ...tag, kind: PERSONAL_KINDS.has(tag.kind) ? tag.kind : 'official' };
    const sentence = f.sentenceOfToken[t0];
    const s = f.sentences[sentence];
    const after = h.lastToken + 1;
    const closesAfter = after >= s.t1 || f.clauseStart[after] === 1;
    // «<Name>، <title>،» — the name fills the whole clause before the title.
    if (f.clauseStart[t0] && closesAfter) {
      let a = t0 - 1;
      while (a > s.t0 && !f.clauseStart[a]) a--;
      if (a >= s.t0 && t0 - a <= MAX_NAME_TOKENS) {
        const from = cleanName(f, a, t0, 1);
        if (from !== null) out.push(learned(f, from, t0, personTag, h));
      }
    }
    // «<Name> <title>» — no comma: a first name and surname (2–3 words) opening the clause or
    // following a preposition («با رحیم صادقیان شهردار تبریز»).
    if (!f.clauseStart[t0] && t0 > s.t0) {
      let a = t0;
      // Back over name words (at most three, plus honorifics); stop at the clause start or a
      // common word. cleanName then counts the words.
      while (a > s.t0 && t0 - a < MAX_NAME_TOKENS && !f.clauseStart[a] && isNameToken(f.tokenText[a - 1])) a--;
      while (a < t0 && continuesWord(f, a)) a++;
      const boundary = a === s.t0 || f.clauseStart[a] === 1 || ['با', 'از', 'به', 'توسط', 'سوی'].includes(f.tokenText[a - 1]);
      if (boundary) {
        const from = cleanName(f, a, t0, 2);
        if (from !== null) out.push(learned(f, from, t0, personTag, h));
      }
    }
    // «<title>، <Name>،» — the name fills the clause after the title.
    if (after < s.t1 && f.clauseStart[after]) {
      let b = after + 1;
      while (b < s.t1 && !f.clauseStart[b]) b++;
      if (b < s.t1 && b - after <= MAX_NAME_TOKENS) {
        const from = cleanName(f, after, b, 1);
        if (from !== null) out.push(learned(f, from, b, personTag, h));
      }
    }
  }
  return out;
}

/**
 * Every occurrence of a learned full name, and of its surname alone, in the article's fields,
 * except where a mention already stands. Linear in the number of tokens (a map by first token).
 */
export function findLearnedNames(names: readonly LearnedName[], fields: readonly PreparedField[], taken: readonly Hit[]): { hit: Hit; person: string }[] {
  if (names.length === 0) return [];
  // Longest form first per first token: the full name beats its surname.
  const byFirst = new Map<string, { tokens: string[]; name: LearnedName }[]>();
  const add = (tokens: string[], name: LearnedName) => {
    let arr = byFirst.get(tokens[0]);
    if (!arr) byFirst.set(tokens[0], (arr = []));
    if (!arr.some((x) => x.tokens.join(' ') === tokens.join(' '))) arr.push({ tokens, name });
    arr.sort((x, y) => y.tokens.length - x.tokens.length);
  };
  for (const n of names) {
    add(n.tokens, n);
    if (n.surname.length < n.tokens.length) add(n.surname, n);
  }
  const out: { hit: Hit; person: string }[] = [];
  for (const f of fields) {
    const busy = new Uint8Array(f.tokenText.length);
    for (const h of taken) if (h.field === f) for (let t = h.firstToken; t <= h.lastToken; t++) busy[t] = 1;
    for (let t = 0; t < f.tokenText.length; t++) {
      const cands = byFirst.get(f.tokenText[t]);
      if (!cands || busy[t]) continue;
      for (const c of cands) {
        const last = t + c.tokens.length - 1;
        if (last >= f.tokenText.length) continue;
        let ok = true;
        for (let k = 1; k < c.tokens.length && ok; k++) ok = f.tokenText[t + k] === c.tokens[k] && !busy[t + k] && sameSentence(f, t, t + k);
        // Whole words only: «کاظمی» is not in «کاظمی‌نیا».
        if (!ok || continuesWord(f, t) || (last + 1 < f.tokenText.length && continuesWord(f, last + 1))) continue;
        const hit: Hit = { tag: c.name.tag, start: f.c.tokens[t].start, end: f.c.tokens[last].end, firstToken: t, lastToken: last, field: f };
        out.push({ hit, person: c.name.display });
        t = last;
        break;
      }
    }
  }
  return out;
}
