// Target-aware criticism scoring. A cue counts only when the municipality is on the receiving
// end: in (or next to) a sentence that mentions it, not when the municipality is the one
// criticising, not inside a denial, not when the municipality acts against the problem
// («برخورد با تخلفات»), and not when the sentence is about another city's municipality.
import type { Evidence, Severity } from '../article.ts';
import { ANAPHORS, NO_LONGER, PRAISE_WORDS, COMPLAINANTS, COMPLAINT_FRAME, NEGATED_OR_DEMAND, REPORTING_VERBS, LIGHT_VERBS, PAIR_CUES, ARTS_SENSITIVE_CUES, ARTS_WORDS, CONCESSIVE_OPENERS, CONTINUATION_SUBJECTS, CONTRAST_WORDS, CUES, RESOLUTION_WORDS, ANSWER_WORDS, DENIAL_WORDS, ENFORCEMENT_WORDS, NEGATORS, STATEMENT_VERBS, TARGET_PREPOSITIONS, type Cue } from './cues.ts';
import { originalSpan, type PreparedField } from './fields.ts';
import { PhraseMatcher, type PhraseHit } from './matcher.ts';
import type { Hit, MentionResult } from './mentions.ts';
import { count, isEnforcementStory, isPressRelease, isThanks } from './voice.ts';

type CueTag = { t: 'cue'; cue: Cue } | { t: 'enf' } | { t: 'denial' } | { t: 'neg' } | { t: 'prep' } | { t: 'arts' } | { t: 'say' } | { t: 'cont' } | { t: 'concessive' } | { t: 'contrast' } | { t: 'resolved' } | { t: 'answer' } | { t: 'pairA'; pair: number } | { t: 'pairB'; pair: number } | { t: 'ana' } | { t: 'plaintiff' } | { t: 'report' } | { t: 'negv' } | { t: 'praise' } | { t: 'nolonger' };

let cueMatcher: PhraseMatcher<CueTag> | undefined;
function matcher(): PhraseMatcher<CueTag> {
  cueMatcher ??= new PhraseMatcher<CueTag>([
    ...CUES.map((cue) => ({ phrase: cue.phrase, suffixes: cue.suffixes, tag: { t: 'cue' as const, cue } })),
    ...ENFORCEMENT_WORDS.map((phrase) => ({ phrase, tag: { t: 'enf' as const } })),
    ...DENIAL_WORDS.map((phrase) => ({ phrase, suffixes: ['ی', 'ها', 'های'], tag: { t: 'denial' as const } })),
    ...NEGATORS.map((phrase) => ({ phrase, tag: { t: 'neg' as const } })),
    ...TARGET_PREPOSITIONS.map((phrase) => ({ phrase, tag: { t: 'prep' as const } })),
    ...ARTS_WORDS.map((phrase) => ({ phrase, suffixes: ['ها', 'های', 'ی'], tag: { t: 'arts' as const } })),
    ...STATEMENT_VERBS.map((phrase) => ({ phrase, suffixes: ['ه', 'ند', 'اند'], tag: { t: 'say' as const } })),
    ...CONTINUATION_SUBJECTS.map((phrase) => ({ phrase, tag: { t: 'cont' as const } })),
    ...CONCESSIVE_OPENERS.map((phrase) => ({ phrase, tag: { t: 'concessive' as const } })),
    ...CONTRAST_WORDS.map((phrase) => ({ phrase, tag: { t: 'contrast' as const } })),
    ...RESOLUTION_WORDS.map((phrase) => ({ phrase, tag: { t: 'resolved' as const } })),
    ...ANSWER_WORDS.map((phrase) => ({ phrase, tag: { t: 'answer' as const } })),
    ...PAIR_CUES.flatMap((p, pair) => [
      ...p.first.map((phrase) => ({ phrase, tag: { t: 'pairA' as const, pair } })),
      ...p.then.map((phrase) => ({ phrase, tag: { t: 'pairB' as const, pair } })),
    ]),
    ...ANAPHORS.map((phrase) => ({ phrase, tag: { t: 'ana' as const } })),
    ...COMPLAINANTS.map((phrase) => ({ phrase, suffixes: ['ی', 'ها', 'های', 'ان'], tag: { t: 'plaintiff' as const } })),
    ...REPORTING_VERBS.map((phrase) => ({ phrase, tag: { t: 'report' as const } })),
    ...NEGATED_OR_DEMAND.map((phrase) => ({ phrase, tag: { t: 'negv' as const } })),
    ...PRAISE_WORDS.map((phrase) => ({ phrase, tag: { t: 'praise' as const } })),
    ...NO_LONGER.map((phrase) => ({ phrase, tag: { t: 'nolonger' as const } })),
  ]);
  return cueMatcher;
}

/** Far sentences (no mention in or next to them) together add at most this much. */
const FAR_SENTENCES_CAP = 0.35;
/** Factor on problem words in the municipality's own statements («شهردار گفت: مشکلات ...»). */
const OWN_VOICE_FACTOR = 0.4;
/**
 * …and such statements together add at most this much: well under the threshold, so a long
 * speech or press release listing the problems it will solve never flags itself (it did at 0.4
 * on long articles).
 */
const OWN_VOICE_CAP = 0.25;

/** Sum of cue contributions at which the rule layer calls an article critical (score 0.5). */
export const RULE_THRESHOLD_SUM = 0.6;

export interface CueFiring {
  cue: Cue;
  contribution: number;
  role: 'target' | 'unknown' | 'plain';
  /** Inside the municipality's own statement. */
  own?: boolean;
}

export interface SentenceScore {
  field: PreparedField['field'];
  sentence: string;
  scope: number;
  sum: number;
  firings: CueFiring[];
  /** The municipality's own statement (its problem words are its own account, not criticism). */
  ownVoice?: boolean;
  /** The part of sum that comes from cues inside the municipality's own statement. */
  ownSum?: number;
  /** The municipality criticises someone else here («شهردار از … انتقاد کرد»). */
  critic?: boolean;
}

export interface CriticismResult {
  /** Rule score in [0, 1): 1 − 2^(−S/0.6), S the scoped sum of cue contributions (0.5 at the threshold). */
  score: number;
  sum: number;
  critical: boolean;
  severity: Severity;
  evidence: (Evidence & { field: string; weight: number })[];
  sentences: SentenceScore[];
  /** The title reads as the municipality's own denial or rebuttal. */
  denial: boolean;
  /** The article is the municipality's own press release («به گزارش روابط عمومی شهرداری …»). */
  pressRelease: boolean;
  /** The title reports the municipality acting against violations («تخریب ۳۲ بنای غیرمجاز»). */
  enforcementStory: boolean;
}

const SEVERITY_RANK: Record<Severity, number> = { none: 0, low: 1, medium: 2, high: 3 };

type CH = PhraseHit<CueTag>;

export function scoreCriticism(m: MentionResult): CriticismResult {
  const mentioned = m.mentions.length > 0;
  const sentences: SentenceScore[] = [];
  const mentionSentences = new Set<string>();
  const otherSentences = new Set<string>();
  const key = (f: PreparedField, si: number) => `${f.index}:${si}`;
  const tokensOf = (hits: Hit[], f: PreparedField) => {
    const set = new Set<number>();
    for (const h of hits) if (h.field === f) for (let t = h.firstToken; t <= h.lastToken; t++) set.add(t);
    return set;
  };
  for (const h of m.mentionHits) mentionSentences.add(key(h.field, h.field.sentenceOfToken[h.firstToken]));
  for (const h of m.otherMunicipalityHits) otherSentences.add(key(h.field, h.field.sentenceOfToken[h.firstToken]));
  const aboutUsUpFront = m.mentionHits.some((h) => h.field.field !== 'body');
  // The whole article is the municipality's own text («به گزارش روابط عمومی شهرداری …»).
  const pressRelease = isPressRelease(m);
  // «تخریب ۳۲ بنای غیرمجاز»: the violations in it are what the municipality acts against.
  const enforcementStory = isEnforcementStory(m);
  // «تشکر از شهرداری …»: a thank-you; its problem words are the problems solved.
  const thanks = isThanks(m);
  let titleDenial = false;

  // The municipality was the last speaker («وی افزود» continues it, from the headline on), and
  // how deep we are in a quotation it opened («… گفت: «… . … .»» runs over several sentences).
  let speakerUs = false;
  let ourQuoteDepth = 0;
  for (const f of m.fields) {
    const hits = matcher().match(f.c);
    const ours = tokensOf(m.mentionHits, f);
    // Mention start token → its last token, for subject checks.
    const oursStarts = new Map(m.mentionHits.filter((h) => h.field === f).map((h) => [h.firstToken, h.lastToken] as [number, number]));
    const bySentence = new Map<number, CH[]>();
    for (const h of hits) {
      const si = f.sentenceOfToken[h.firstToken];
      let arr = bySentence.get(si);
      if (!arr) bySentence.set(si, (arr = []));
      arr.push(h);
    }
    f.sentences.forEach((s, si) => {
      const sh = bySentence.get(si) ?? [];
      const denial = sh.some((h) => h.tag.t === 'denial');
      if (denial && f.field === 'title') titleDenial = true;
      let scope = scopeOf(f, si, mentioned, mentionSentences, otherSentences, aboutUsUpFront, key);
      // «این نهاد …», «مدیریت شهری …» in an article that names us: as good as a mention here.
      // Not inside someone's quoted statement («وی تأکید کرد: مدیریت شهری آماده همکاری است»),
      // where it is as often the speaker's own body.
      if (scope > 0 && scope < 1 && sh.some((h) => h.tag.t === 'ana' && !sh.some((v) => v.tag.t === 'say' && v.lastToken < h.firstToken))) scope = 1;
      // The municipality speaking: «شهردار تبریز ... گفت» (mention before the statement verb,
      // early in the sentence), or «وی افزود» right after such a sentence.
      const say = sh.find((h) => h.tag.t === 'say');
      const preps = sh.filter((h) => h.tag.t === 'prep').map((h) => h.firstToken);
      const firstOurs = [...ours].filter((t) => t >= s.t0 && t < s.t1).sort((a, b) => a - b)[0];
      const clause0 = firstOurs === undefined ? s.t0 : clauseOf(f, firstOurs, s.t0);
      // «به گفته شهردار، …»: the sentence reports our words.
      const reported = reportedBy(sh, f, s.t0, s.t1);
      const reportsUs =
        reported !== undefined &&
        (headsPhrase(f, oursStarts, reported.by.lastToken + 1, reported.speakerEnd) ||
          (speakerUs && sh.some((h) => h.tag.t === 'cont' && h.firstToken === reported.by.lastToken + 1)));
      const ownVoice =
        reportsUs ||
        (say !== undefined &&
          ((firstOurs !== undefined && firstOurs < say.firstToken && headsPhrase(f, oursStarts, clause0, say.firstToken)) ||
            (speakerUs && sh.some((h) => h.tag.t === 'cont' && h.firstToken - s.t0 < 3))));
      // «شهردار تبریز: …» — a headline or sentence quoting us after a colon is our own voice.
      const quotesUs = m.mentionHits.some(
        (mh) => mh.field === f && mh.firstToken === s.t0 && /^\s*:/.test(f.text.slice(originalSpan(f, mh.start, mh.end).end)),
      );
      const insideOurQuote = ourQuoteDepth > 0;
      const ownVoiceFinal = ownVoice || quotesUs || insideOurQuote || pressRelease || enforcementStory || thanks;
      const quoteBalance = count(s.text, '«') - count(s.text, '»');
      if (insideOurQuote || ((ownVoice || quotesUs) && quoteBalance > 0)) ourQuoteDepth = Math.max(0, ourQuoteDepth + quoteBalance);
      else ourQuoteDepth = 0;
      // Someone else speaking ends our turn; a sentence with no statement verb leaves it open.
      if (ownVoiceFinal) speakerUs = true;
      else if (say) speakerUs = false;
      // Where the municipality's voice ends: at a contrast word after the statement, or, in a
      // sentence opened by «در حالی که», at the clause break after the statement.
      let ownVoiceEnd = s.t1;
      // A statement followed by a colon quotes the speaker to the end: a contrast inside stays theirs.
      const quoted = say !== undefined && /^\s*:/.test(f.text.slice(originalSpan(f, say.start, say.end).end));
      if (ownVoice && say && !quoted) {
        const contrast = sh.find((h) => h.tag.t === 'contrast' && h.firstToken > say.lastToken);
        if (contrast) ownVoiceEnd = contrast.firstToken;
        if (sh.some((h) => h.tag.t === 'concessive' && h.firstToken - s.t0 < 2)) {
          for (let t = say.lastToken + 1; t < ownVoiceEnd; t++) {
            if (f.clauseStart[t]) {
              ownVoiceEnd = t;
              break;
            }
          }
        }
      }
      if (scope === 0 || denial) {
        sentences.push({ field: f.field, sentence: s.text, scope, sum: 0, firings: [] });
        return;
      }
      const cuesHere = longestCues([...sh.filter((h) => h.tag.t === 'cue'), ...pairHits(sh)]);
      const questionSentence = /[؟?]/.test(s.text);
      const blockers = sh.filter((h) => h.tag.t === 'enf' || h.tag.t === 'neg');
      const firings: CueFiring[] = [];
      let municipalityCriticises = false;
      const arts = sh.some((h) => h.tag.t === 'arts');
      for (const h of cuesHere) {
        const cue = (h.tag as Extract<CueTag, { t: 'cue' }>).cue;
        if (arts && ARTS_SENSITIVE_CUES.has(cue.phrase)) continue;
        // «دیگر نگرانی … ندارند»: a problem that is over.
        if (noLonger(sh, h)) continue;
        // «برخورد با تخلفات»: the municipality acts against the problem. A blocker governs
        // only the next cue, at most two words on (so «رسیدگی به مشکلات کوتاهی کرد» still counts).
        // A predicate («کوتاهی کرده», «محقق نشد», «گلایه دارند») says what someone did or failed to
        // do; it is never the object of the enforcement word before it.
        if (
          !cue.undone &&
          !isPredicate(f, h, cue) &&
          blockers.some(
            (b) =>
              b.lastToken < h.firstToken &&
              b.lastToken >= h.firstToken - 3 &&
              !cuesHere.some((o) => o !== h && o.firstToken > b.lastToken && o.lastToken < h.firstToken),
          )
        ) continue;
        // «بدون هماهنگی با شهرداری», «بی‌توجهی به شهرداری»: we are the one let down, not the culprit.
        if (cue.cls !== 'speech' && weAreComplement(f, h, oursStarts)) continue;
        if (cue.cls !== 'speech' && sh.some((r) => r.tag.t === 'resolved' && r.firstToken > h.lastToken && r.firstToken <= h.lastToken + 3)) continue;
        if (cue.question) {
          // A question asked in a sentence about us is asked of us; no question mark, no question.
          if (!questionSentence) continue;
          if (ownVoiceFinal && h.firstToken < ownVoiceEnd) continue;
          const role = scope >= 1 ? 'target' : 'unknown';
          firings.push({ cue, role, contribution: cue.weight * (role === 'target' ? 1.3 : 0.9) });
          continue;
        }
        if (cue.cls === 'speech') {
          const c0 = clauseOf(f, h.firstToken, s.t0);
          const role = cue.passive
            ? [...ours].some((t) => t >= c0 && t < h.firstToken) ? 'target' : 'unknown'
            : cue.accuse
              ? accuseRole(h, f, ours, oursStarts, s.t0)
              : speechRole(h, cue, f, preps, ours, oursStarts, c0, s.t1);
          if (role === 'critic') {
            municipalityCriticises = true;
            continue;
          }
          // Our own statement about complaints, or complaints being answered, is a response.
          if (role === 'unknown' && ownVoiceFinal && h.firstToken < ownVoiceEnd) continue;
          if (sh.some((r) => r.tag.t === 'answer' && r.firstToken > h.lastToken && r.firstToken <= h.lastToken + 2)) continue;
          // An accusation with no known accused is weak evidence about us.
          firings.push({ cue, role, contribution: cue.weight * (role === 'target' ? 1.3 : cue.accuse ? 0.5 : 0.9) });
        } else {
          const inOwnVoice = ownVoiceFinal && h.firstToken < ownVoiceEnd;
          firings.push({ cue, role: 'plain', contribution: cue.weight * (inOwnVoice ? OWN_VOICE_FACTOR : 1), own: inOwnVoice });
        }
      }
      // An oversight body that praises («رتبه نخست», «تقدیر») is no finding against us.
      if (firings.length > 0 && firings.every((x) => x.cue.institution) && sh.some((h) => h.tag.t === 'praise')) firings.length = 0;
      // «ساکنان می‌گویند شهرداری … نکرده است»: a complainant reports on us with a negated verb or a demand.
      if (!municipalityCriticises && !ownVoiceFinal && complaintFrame(sh, ours, s.t1, reported)) firings.push({ cue: COMPLAINT_FRAME, role: 'target', contribution: COMPLAINT_FRAME.weight });
      // The municipality criticising someone else: the sentence's other cues describe them.
      if (municipalityCriticises && !firings.some((x) => x.role === 'target')) firings.length = 0;
      const part = (own: boolean) => Math.min(1.6, firings.filter((x) => !!x.own === own).reduce((a, x) => a + x.contribution, 0)) * scope;
      const ownSum = part(true);
      const sum = part(false) + ownSum;
      sentences.push({ field: f.field, sentence: s.text, scope, sum, firings, ownVoice: ownVoiceFinal, ownSum, critic: municipalityCriticises });
      // «شهردار از … انتقاد کرد. وی گفت: …»: the critic goes on speaking.
      if (municipalityCriticises) speakerUs = true;
    });
  }

  const own = sentences.reduce((a, s) => a + (s.ownSum ?? 0), 0);
  const near = sentences.filter((s) => s.scope > 0.35).reduce((a, s) => a + s.sum - (s.ownSum ?? 0), 0);
  const far = sentences.filter((s) => s.scope <= 0.35).reduce((a, s) => a + s.sum - (s.ownSum ?? 0), 0);
  let sum = near + Math.min(FAR_SENTENCES_CAP, far) + Math.min(OWN_VOICE_CAP, own);
  if (titleDenial) sum *= 0.3;
  // 0 for no cue, 0.5 at the threshold, towards 1 as evidence accumulates.
  const score = 1 - Math.pow(2, -sum / RULE_THRESHOLD_SUM);
  const critical = mentioned && sum >= RULE_THRESHOLD_SUM;
  let severity: Severity = 'none';
  if (critical) {
    for (const s of sentences) {
      for (const x of s.firings) {
        if (x.contribution * s.scope >= 0.25 && SEVERITY_RANK[x.cue.severity] > SEVERITY_RANK[severity]) severity = x.cue.severity;
      }
    }
    if (severity === 'none') severity = 'low';
  }
  const evidence = sentences
    .filter((s) => s.sum > 0)
    .sort((a, b) => b.sum - a.sum)
    .slice(0, 5)
    .map((s) => ({ sentence: s.sentence, cues: [...new Set(s.firings.map((x) => x.cue.phrase))], field: s.field, weight: round(s.sum) }));
  return { score: round(score), sum, critical, severity, evidence, sentences, denial: titleDenial, pressRelease, enforcementStory };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function scopeOf(
  f: PreparedField,
  si: number,
  mentioned: boolean,
  mentionSentences: Set<string>,
  otherSentences: Set<string>,
  aboutUsUpFront: boolean,
  key: (f: PreparedField, si: number) => string,
): number {
  if (!mentioned) return 0;
  const here = mentionSentences.has(key(f, si));
  if (here) return f.field === 'title' ? 1.2 : 1;
  if (otherSentences.has(key(f, si))) return 0;
  if (f.field === 'title' || f.field === 'kicker') return 0.8;
  if (mentionSentences.has(key(f, si - 1)) || mentionSentences.has(key(f, si + 1))) return 0.6;
  if (f.field === 'lead') return 0.5;
  return aboutUsUpFront ? 0.35 : 0.2;
}

/** Our mention right after the cue, behind «با»/«به» (or «از» but not «از سوی»): the complement of the failure. */
function weAreComplement(f: PreparedField, h: CH, oursStarts: Map<number, number>): boolean {
  const p = f.tokenText[h.lastToken + 1];
  if (p !== 'با' && p !== 'به' && p !== 'از') return false;
  if (p === 'از' && ['سوی', 'طرف', 'جانب', 'ناحیه'].includes(f.tokenText[h.lastToken + 2] ?? '')) return false;
  return oursStarts.has(h.lastToken + 2) || (OFFICIAL_HEADS.has(f.tokenText[h.lastToken + 2] ?? '') && oursStarts.has(h.lastToken + 3));
}

/** «به گفته X، …» opening the sentence: the «به گفته» hit, and where X ends (the clause break, or t1). */
function reportedBy(sh: CH[], f: PreparedField, t0: number, t1: number): { by: CH; speakerEnd: number } | undefined {
  const by = sh.find((x) => x.tag.t === 'report' && x.firstToken - t0 < 2 && f.tokenText[x.firstToken] === 'به');
  if (!by) return undefined;
  let speakerEnd = by.lastToken + 1;
  while (speakerEnd < t1 && !f.clauseStart[speakerEnd]) speakerEnd++;
  return { by, speakerEnd };
}

/** A complainant, then a reporting verb within 8 tokens, then our mention and a negated verb or demand after the verb. */
function complaintFrame(sh: CH[], ours: Set<number>, t1: number, reported: ReturnType<typeof reportedBy>): boolean {
  if (sh.some((x) => x.tag.t === 'praise')) return false;
  const negated = (from: number) => sh.some((x) => x.tag.t === 'negv' && x.firstToken > from && !sh.some((d) => d.tag.t === 'nolonger' && d.firstToken < x.firstToken && d.firstToken >= x.firstToken - 6));
  for (const p of sh) {
    if (p.tag.t !== 'plaintiff') continue;
    const r = sh.find((x) => x.tag.t === 'report' && x.firstToken > p.lastToken && x.firstToken <= p.lastToken + 8);
    if (!r) continue;
    // «به گفته» opens the sentence before the complainant; otherwise the verb follows the complainant.
    const from = r.lastToken + 1;
    let usAt = -1;
    for (let t = from; t < t1; t++) if (ours.has(t)) { usAt = t; break; }
    if (usAt < 0) continue;
    if (negated(from)) return true;
  }
  // «به گفته مسافران، …»: whoever speaks there, unless it is us, is a third party.
  if (reported && reported.speakerEnd < t1) {
    const { by, speakerEnd } = reported;
    if (![...ours].some((t) => t > by.lastToken && t < speakerEnd) && [...ours].some((t) => t > by.lastToken && t < t1) && negated(by.lastToken)) return true;
  }
  return false;
}

/** The cue sits between «دیگر» and a negated verb close after it («دیگر نگرانی … ندارند»). */
function noLonger(sh: CH[], h: CH): boolean {
  return sh.some(
    (d) => d.tag.t === 'nolonger' && d.lastToken < h.firstToken && d.lastToken >= h.firstToken - 2 &&
      sh.some((n) => n.tag.t === 'negv' && n.firstToken > h.lastToken && n.firstToken <= h.lastToken + 6),
  );
}

/** Two-part cues with a gap («به فکر … نیست»), as one hit spanning both parts. */
function pairHits(sh: CH[]): CH[] {
  const out: CH[] = [];
  for (const a of sh) {
    if (a.tag.t !== 'pairA') continue;
    const pair = a.tag.pair;
    const b = sh.find((x) => x.tag.t === 'pairB' && x.tag.pair === pair && x.firstToken > a.lastToken && x.firstToken <= a.lastToken + PAIR_CUES[pair].within);
    if (b) out.push({ tag: { t: 'cue', cue: PAIR_CUES[pair].cue }, start: a.start, end: b.end, firstToken: a.firstToken, lastToken: b.lastToken });
  }
  return out;
}

const LIGHT = new Set(LIGHT_VERBS.filter((v) => !v.includes(' ')));
const PREDICATE_END = /^(ن\S*(د|دند|ده)|نیست|نیستند|نبود|نبودند|نمی\S*|است|اند)$/;

/** The cue is a predicate: it ends in a (negated) finite verb, or a light verb follows it. */
function isPredicate(f: PreparedField, h: CH, cue: Cue): boolean {
  const words = cue.phrase.split(/\s+/);
  const last = words[words.length - 1].replace(/\u200c/g, '');
  if (words.length > 1 && (PREDICATE_END.test(last) || LIGHT.has(last))) return true;
  const next = f.tokenText[h.lastToken + 1];
  if (next === undefined || f.clauseStart[h.lastToken + 1]) return false;
  if (LIGHT.has(next)) return true;
  return (next === 'می' || next === 'نمی') && ['کند', 'کنند'].includes(f.tokenText[h.lastToken + 2] ?? '');
}

/** Keeps the longest cue where cues overlap («انتقاد کرد» over «انتقاد»), one per span. */
function longestCues(hits: CH[]): CH[] {
  return hits.filter(
    (h, i) =>
      !hits.some(
        (o, j) =>
          o !== h &&
          o.start <= h.start &&
          h.end <= o.end &&
          (o.end - o.start > h.end - h.start || (o.start === h.start && o.end === h.end && j < i)),
      ),
  );
}

/** First token of the clause holding token t (clauses split at commas, colons, quotes). */
function clauseOf(f: PreparedField, t: number, t0: number): number {
  for (let i = t; i > t0; i--) if (f.clauseStart[i]) return i;
  return t0;
}

/** Words that end the noun phrase after a cue: a verb or a new clause begins. */
const CLAUSE_END = new Set(['که', 'گفت', 'گفتند', 'اما', 'ولی', 'کرد', 'کردند', 'کرده', 'است', 'شد', 'شدند', 'دارند', 'دارد', 'میگویند', 'میگوید']);
const VERBAL_CUE_END = /(کرد|کردند|کرده|شد|شدند|داد)$/;

/**
 * Who is criticised by a speech cue. «X از Y انتقاد کرد» / «انتقاد X از Y»: Y is the target,
 * X the critic. Returns 'target' when our municipality is Y, 'critic' when it is X.
 */
/** Heads of a noun phrase that make «X شهرداری» the municipality itself speaking («معاون شهرداری»). */
const OFFICIAL_HEADS = new Set(['شرکت', 'مدیرعامل', 'معاون', 'رئیس', 'رییس', 'سخنگوی', 'سخنگو', 'مدیر', 'سرپرست', 'مشاور', 'دبیر', 'مدیرکل', 'روابط']);

/** «X Y را … متهم کرد»: our municipality heading the clause accuses; mentioned before the verb, it is accused. */
function accuseRole(h: CH, f: PreparedField, ours: Set<number>, oursStarts: Map<number, number>, t0: number): 'target' | 'critic' | 'unknown' {
  const c0 = clauseOf(f, h.firstToken, t0);
  // The accuser may head the sentence before an adverbial clause («شهردار در نشست …، X را … متهم کرد»).
  if (headsPhrase(f, oursStarts, c0, h.firstToken) || headsPhrase(f, oursStarts, t0, h.firstToken)) return 'critic';
  for (let t = c0; t < h.firstToken; t++) if (ours.has(t)) return 'target';
  return 'unknown';
}

/** Our municipality heads the phrase [a, b): it starts there, or right after an official's title. */
function headsPhrase(f: PreparedField, oursStarts: Map<number, number>, a: number, b: number): boolean {
  if (a >= b) return false;
  // A mention followed by the object marker «را» is the object, never the subject.
  const subjectAt = (t: number) => oursStarts.has(t) && f.tokenText[oursStarts.get(t)! + 1] !== 'را';
  if (subjectAt(a)) return true;
  if (!OFFICIAL_HEADS.has(f.tokenText[a]) || a + 1 >= b) return false;
  // The title may run several words before the body it belongs to («معاون خدمات شهری و محیط زیست
  // شهرداری …», «مدیرعامل سازمان پسماند شهرداری …»), but never across a preposition or a clause break.
  for (let t = a + 1; t <= a + 8 && t < b; t++) {
    if (subjectAt(t)) return true;
    if (f.clauseStart[t] || TITLE_STOP.has(f.tokenText[t])) return false;
  }
  return false;
}

/** Words that end an official's title: prepositions, verbs («و» does not: «معاون فنی و عمرانی شهرداری …»). */
const TITLE_STOP = new Set(['از', 'به', 'با', 'در', 'بر', 'برای', 'که', 'را', 'گفت', 'اعلام', 'خبر']);

function speechRole(
  h: CH,
  cue: Cue,
  f: PreparedField,
  preps: number[],
  ours: Set<number>,
  oursStarts: Map<number, number>,
  t0: number,
  t1: number,
): 'target' | 'critic' | 'unknown' {
  // Our municipality heads the subject phrase [a, b): «شهردار تبریز …», «معاون شهرداری …»,
  // not «مسافران خط مترو …» where it only qualifies someone else.
  const headsSubject = (a: number, b: number) => headsPhrase(f, oursStarts, a, b);
  const has = (a: number, b: number) => {
    for (let t = a; t < b; t++) if (ours.has(t)) return true;
    return false;
  };
  // «انتقاد شهروندان از X»: the target follows, unless the cue is already a finished verb.
  let after: number | undefined;
  if (!VERBAL_CUE_END.test(cue.phrase.replace(/\s+/g, ''))) {
    for (let t = h.lastToken + 1; t < Math.min(t1, h.lastToken + 5); t++) {
      if (f.clauseStart[t] || CLAUSE_END.has(f.tokenText[t])) break;
      if (preps.includes(t)) {
        after = t;
        break;
      }
    }
  }
  // «X از Y انتقاد کرد»: the first preposition of the clause opens the target; the critic is the
  // noun phrase before it, from the last «و» on («... کوتاهی کرده و کارگران از ... شکایت دارند»).
  const before = preps.filter((p) => p < h.firstToken && p >= t0);
  const subjectStart = (p: number) => {
    for (let t = p - 1; t >= t0; t--) if (f.tokenText[t] === 'و') return t + 1;
    // «رحیم صادقی، شهردار تبریز، از …»: an empty clause before the preposition means the
    // subject sits in the appositive clause before it.
    if (p === t0) {
      let prev = t0 - 1;
      while (prev > 0 && !f.clauseStart[prev]) prev--;
      for (let t = Math.max(0, prev); t < t0; t++) if (oursStarts.has(t)) return t;
    }
    return t0;
  };
  // The municipality as the critic comes first: then a mention inside the target is incidental
  // («شهردار از کندی اعتبارات قطار شهری انتقاد کرد»).
  if (before.length > 0 && headsSubject(subjectStart(before[0]), before[0])) return 'critic';
  if (after !== undefined && before.length === 0 && headsSubject(t0, h.firstToken)) return 'critic';
  if (after !== undefined) {
    if (headsSubject(h.lastToken + 1, after)) return 'critic';
    if (has(after + 1, Math.min(t1, after + 9))) return 'target';
  }
  if (before.length > 0 && has(before[0] + 1, h.firstToken)) return 'target';
  return 'unknown';
}
