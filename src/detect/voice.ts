// Whose voice an article is in, decided once per article: the municipality's own press release,
// an enforcement report, a thank-you. In such articles the problem words are the municipality's
// own account (the problems it fights or solved), not criticism of it.
import { ENFORCEMENT_HEADS, THANKS_WORDS, VIOLATIONS } from './cues.ts';
import { originalSpan } from './fields.ts';
import { PhraseMatcher } from './matcher.ts';
import type { MentionResult } from './mentions.ts';

/** How many times ch (a quotation mark) occurs in text. */
export function count(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

/** «به گزارش روابط عمومی شهرداری …», «به نقل از پایگاه اطلاع‌رسانی شهرداری …» in the first sentence after the title. */
const PR_SOURCE = /(^|\s)(به گزارش|به نقل از)\s[^،,.:]{0,40}?(روابط[\s\u200c]*عمومی|اطلاع[\s\u200c]*رسانی|ارتباطات|امور رسانه)/;

export function isPressRelease(m: MentionResult): boolean {
  const first = m.fields.find((f) => f.field === 'lead' || f.field === 'body');
  if (!first || first.sentences.length === 0) return false;
  const s0 = first.sentences[0];
  // Offsets stay valid: the letter swaps are one code unit for one.
  const pr = PR_SOURCE.exec(first.text.slice(s0.start, s0.end).replace(/[يى]/g, 'ی').replace(/ك/g, 'ک'));
  if (!pr) return false;
  // Our municipality must own the press office: our mention right after its name («روابط عمومی
  // شهرداری تبریز», «روابط عمومی سازمان پسماند شهرداری تبریز»), not another body's («… استانداری، شهرداری …»).
  const prEnd = s0.start + pr.index + pr[0].length;
  return m.mentionHits.some((h) => {
    if (h.field !== first || h.field.sentenceOfToken[h.firstToken] !== 0) return false;
    const at = originalSpan(h.field, h.start, h.end).start;
    return at >= prEnd && /^[\s\u200c]*$/.test(first.text.slice(prEnd, at));
  });
}

let enforcementMatcher: PhraseMatcher<'head' | 'violation'> | undefined;

/** A title that reports the municipality acting against violations: an enforcement word, then a violation. */
export function isEnforcementStory(m: MentionResult): boolean {
  const title = m.fields.find((f) => f.field === 'title');
  if (!title) return false;
  enforcementMatcher ??= new PhraseMatcher<'head' | 'violation'>([
    ...ENFORCEMENT_HEADS.map((phrase) => ({ phrase, tag: 'head' as const })),
    ...VIOLATIONS.map((phrase) => ({ phrase, suffixes: ['ی', 'ها', 'های'], tag: 'violation' as const })),
  ]);
  const hits = enforcementMatcher.match(title.c);
  const head = hits.find((h) => h.tag === 'head' && h.firstToken <= 1);
  return !!head && hits.some((h) => h.tag === 'violation' && h.firstToken > head.lastToken);
}

let thanksMatcher: PhraseMatcher<true> | undefined;

/** The title thanks us: a thanks word, and our mention after it. */
export function isThanks(m: MentionResult): boolean {
  const title = m.fields.find((f) => f.field === 'title');
  if (!title) return false;
  thanksMatcher ??= new PhraseMatcher<true>(THANKS_WORDS.map((phrase) => ({ phrase, suffixes: ['ی'], tag: true as const })));
  const word = thanksMatcher.match(title.c)[0];
  return !!word && m.mentionHits.some((h) => h.field === title && h.firstToken > word.lastToken);
}
