// Target-aware criticism scoring. A cue counts only when the municipality is on the receiving
// end: in (or next to) a sentence that mentions it, not when the municipality is the one
// criticising, not inside a denial, not when the municipality acts against the problem
// («برخورد با تخلفات»), and not when the sentence is about another city's municipality.
import type { Evidence, Severity } from '../article.ts';
import { ARTS_SENSITIVE_CUES, ARTS_WORDS, CUES, DENIAL_WORDS, ENFORCEMENT_WORDS, NEGATORS, TARGET_PREPOSITIONS, type Cue } from './cues.ts';
import type { PreparedField } from './fields.ts';
import { PhraseMatcher, type PhraseHit } from './matcher.ts';
import type { Hit, MentionResult } from './mentions.ts';

type CueTag = { t: 'cue'; cue: Cue } | { t: 'enf' } | { t: 'denial' } | { t: 'neg' } | { t: 'prep' } | { t: 'arts' };

let cueMatcher: PhraseMatcher<CueTag> | undefined;
function matcher(): PhraseMatcher<CueTag> {
  cueMatcher ??= new PhraseMatcher<CueTag>([
    ...CUES.map((cue) => ({ phrase: cue.phrase, suffixes: cue.suffixes, tag: { t: 'cue' as const, cue } })),
    ...ENFORCEMENT_WORDS.map((phrase) => ({ phrase, tag: { t: 'enf' as const } })),
    ...DENIAL_WORDS.map((phrase) => ({ phrase, suffixes: ['ی', 'ها', 'های'], tag: { t: 'denial' as const } })),
    ...NEGATORS.map((phrase) => ({ phrase, tag: { t: 'neg' as const } })),
    ...TARGET_PREPOSITIONS.map((phrase) => ({ phrase, tag: { t: 'prep' as const } })),
    ...ARTS_WORDS.map((phrase) => ({ phrase, suffixes: ['ها', 'های', 'ی'], tag: { t: 'arts' as const } })),
  ]);
  return cueMatcher;
}

/** Sum of cue contributions at which the rule layer calls an article critical (score 0.5). */
export const RULE_THRESHOLD_SUM = Math.log(2);

export interface CueFiring {
  cue: Cue;
  contribution: number;
  role: 'target' | 'unknown' | 'plain';
}

export interface SentenceScore {
  field: PreparedField['field'];
  sentence: string;
  scope: number;
  sum: number;
  firings: CueFiring[];
}

export interface CriticismResult {
  /** Rule score in [0, 1): 1 − exp(−S), S the scoped sum of cue contributions. */
  score: number;
  sum: number;
  critical: boolean;
  severity: Severity;
  evidence: (Evidence & { field: string; weight: number })[];
  sentences: SentenceScore[];
  /** The title reads as the municipality's own denial or rebuttal. */
  denial: boolean;
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
  let titleDenial = false;

  for (const f of m.fields) {
    const hits = m.fields.length ? matcher().match(f.c) : [];
    const ours = tokensOf(m.mentionHits, f);
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
      const scope = scopeOf(f, si, mentioned, mentionSentences, otherSentences, aboutUsUpFront, key);
      if (scope === 0 || denial) {
        sentences.push({ field: f.field, sentence: s.text, scope, sum: 0, firings: [] });
        return;
      }
      const cuesHere = longestCues(sh.filter((h) => h.tag.t === 'cue'));
      const preps = sh.filter((h) => h.tag.t === 'prep').map((h) => h.firstToken);
      const blockers = sh.filter((h) => h.tag.t === 'enf' || h.tag.t === 'neg');
      const firings: CueFiring[] = [];
      let municipalityCriticises = false;
      const arts = sh.some((h) => h.tag.t === 'arts');
      for (const h of cuesHere) {
        const cue = (h.tag as Extract<CueTag, { t: 'cue' }>).cue;
        if (arts && ARTS_SENSITIVE_CUES.has(cue.phrase)) continue;
        // «برخورد با تخلفات»: the municipality acts against the problem. A blocker governs
        // only the next cue, at most two words on (so «رسیدگی به مشکلات کوتاهی کرد» still counts).
        if (
          blockers.some(
            (b) =>
              b.lastToken < h.firstToken &&
              b.lastToken >= h.firstToken - 3 &&
              !cuesHere.some((o) => o !== h && o.firstToken > b.lastToken && o.lastToken < h.firstToken),
          )
        ) continue;
        if (cue.cls === 'speech') {
          const c0 = clauseOf(f, h.firstToken, s.t0);
          const role = cue.passive
            ? [...ours].some((t) => t >= c0 && t < h.firstToken) ? 'target' : 'unknown'
            : speechRole(h, cue, f, preps, ours, c0, s.t1);
          if (role === 'critic') {
            municipalityCriticises = true;
            continue;
          }
          firings.push({ cue, role, contribution: cue.weight * (role === 'target' ? 1.3 : 0.9) });
        } else {
          firings.push({ cue, role: 'plain', contribution: cue.weight });
        }
      }
      // The municipality criticising someone else: the sentence's other cues describe them.
      if (municipalityCriticises && !firings.some((x) => x.role === 'target')) firings.length = 0;
      const sum = Math.min(1.6, firings.reduce((a, x) => a + x.contribution, 0)) * scope;
      sentences.push({ field: f.field, sentence: s.text, scope, sum, firings });
    });
  }

  let sum = sentences.reduce((a, s) => a + s.sum, 0);
  if (titleDenial) sum *= 0.3;
  const score = 1 - Math.exp(-sum);
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
  return { score: round(score), sum, critical, severity, evidence, sentences, denial: titleDenial };
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
function speechRole(h: CH, cue: Cue, f: PreparedField, preps: number[], ours: Set<number>, t0: number, t1: number): 'target' | 'critic' | 'unknown' {
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
  if (after !== undefined) {
    if (has(after + 1, Math.min(t1, after + 9))) return 'target';
    if (has(h.lastToken + 1, after)) return 'critic';
  }
  const before = preps.filter((p) => p < h.firstToken && p >= Math.max(t0, h.firstToken - 12));
  if (before.length > 0) {
    const first = before[0];
    if (has(first + 1, h.firstToken)) return 'target';
    if (has(t0, first)) return 'critic';
  }
  return 'unknown';
}
