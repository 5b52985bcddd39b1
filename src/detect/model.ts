// The word model beside the rules: a logistic regression over the cues that fired and the words of
// the sentences about the municipality (title, the sentences that name it and their neighbours, the
// lead), leaving out the municipality's own voice; its logit and the rule sum are then combined.
//
// Why words and not only cues: a cue lexicon misses most of the open-ended ways Persian news
// criticises (measured in docs/detection.md: first-run recall 0.24–0.70 on unseen text). A model
// over words learns «واگذاری زمین به معاون سابق» or «۸۰ میلیارد تومان و چند پرسش» from labelled
// examples, while the rules keep what words cannot tell: who criticises whom, own voice, denials.
//
// Two models exist: the bundled one (src/detect/criticism-model.json, trained on the labelled set
// by `npm run train:criticism`), and a city's own, trained by `kaghaz detect train` from the media
// unit's verdicts with the bundled model as its prior (L2 towards it), so a handful of verdicts
// nudges the decision instead of overturning it.
import { readFileSync } from 'node:fs';
import type { Db } from '../store/db.ts';
import { RULE_THRESHOLD_SUM, type CriticismResult, type SentenceScore } from './criticism.ts';
import { KNOWN_CITIES } from './cities.ts';
import { foldKey } from './fold.ts';

export interface CriticismModel {
  version: 2;
  /** Final decision: σ(bias + ruleWeight·(rule sum − threshold) + wordWeight·z), z = the word model's logit. */
  bias: number;
  ruleWeight: number;
  wordWeight: number;
  /** The word model: z = wordBias + Σ weights[feature] · value (words scaled, see normalise). */
  wordBias: number;
  weights: Record<string, number>;
  trainedAt: string;
  examples: number;
  /** What it was trained on, for `kaghaz detect train` output and the docs. */
  trainedOn?: string;
  /** sha256 of the training data (bundled model: the labelled set), to notice a stale model. */
  dataHash?: string;
}

/** Rule weight a combiner fitted with no prior starts from (and is regularised towards). */
export const PRIOR_RULE_WEIGHT = 3;
/** Features seen in fewer examples than this are not learned (too little evidence). */
const MIN_FEATURE_COUNT = 2;
/** Sentences at least this close to a mention give their words (title 0.8–1.2, mention 1, neighbour 0.6, lead 0.5). */
const NEAR_SCOPE = 0.5;

/**
 * Function words and affixes the folded key splits off: they say how long an article is, not
 * whether it criticises (with them, the first model called long press releases critical).
 */
const STOPWORDS = new Set(
  [
    ...('از به که است این را با در و ها های هایی می نمی شده شد شود کرد کرده کند کنند دارد دارند بود بوده باشد ' +
      'برای تا بر یا هم نیز اما ولی آن آنها او وی ما ای ی ان اند ایم ام ترین تر هر همه یک دو سه چند پس پیش ' +
      'روز سال ماه امروز گفت افزود گزارش خبر خبرنگار اعلام شهر').split(' '),
    // Who, not what: the municipality's own names and the cities. Every example names the
    // municipality; counting how often taught the first model that naming it is criticism.
    ...'شهرداری شهرداریها شهردار منطقه سازمان شرکت کلانشهر'.split(' '),
    ...KNOWN_CITIES.map((c) => c.fa),
  ].map((w) => foldKey(w)),
);

/** Words of a sentence for the model: folded, letters only, no one-letter tokens, no function words. */
function words(sentence: string): string[] {
  return foldKey(sentence)
    .split(/\s+/)
    .filter((w) => w.length > 1 && !/^\d+$/.test(w) && !STOPWORDS.has(w));
}

/** The sentences whose words the model reads: near us, and not the municipality speaking or criticising others. */
function readSentences(c: CriticismResult): SentenceScore[] {
  return c.sentences.filter((s) => s.scope >= NEAR_SCOPE && !s.ownVoice && !s.critic);
}

function sentenceFeatures(s: SentenceScore, into: Map<string, number>): void {
  const prefix = s.field === 'title' ? 't:' : 'w:';
  const ws = words(s.sentence);
  for (let i = 0; i < ws.length; i++) {
    into.set(prefix + ws[i], 1);
    if (i + 1 < ws.length) into.set(`b:${ws[i]}_${ws[i + 1]}`, 1);
  }
}

/** Word features of a text this many words long count 1 each; longer texts' count less. */
const TYPICAL_WORDS = 64;

/**
 * Word features scaled to a fixed length (each √(TYPICAL_WORDS/n)): a long article has many more
 * words present, and unscaled, its sum drifts with its length instead of its content (the outlet
 * farm's long neutral articles were flagged at precision 0.69 unscaled, 0.94 scaled).
 */
function normalise(words: Map<string, number>): Map<string, number> {
  const k = words.size > 0 ? Math.sqrt(TYPICAL_WORDS / words.size) : 0;
  for (const key of words.keys()) words.set(key, k);
  return words;
}

export function features(c: CriticismResult): Map<string, number> {
  const w = new Map<string, number>();
  for (const s of readSentences(c)) sentenceFeatures(s, w);
  const f = normalise(w);
  for (const s of c.sentences) {
    if (s.scope === 0) continue;
    for (const x of s.firings) {
      if (x.own) continue;
      // Cue ids only: a feature per cue class («any failure word») learned to fire on every long
      // article, since nearly every one has some problem word somewhere.
      f.set(`cue:${x.cue.id}`, 1);
    }
  }
  if (c.denial) f.set('denial', 1);
  if (c.pressRelease) f.set('press-release', 1);
  if (c.enforcementStory) f.set('enforcement', 1);
  return f;
}

function ruleInput(c: CriticismResult): number {
  return Math.min(4, c.sum) - RULE_THRESHOLD_SUM;
}

function wordLogit(bias: number, weights: Record<string, number>, f: Map<string, number>): number {
  let z = bias;
  for (const [k, v] of f) z += (weights[k] ?? 0) * v;
  return z;
}

export function logit(m: CriticismModel, c: CriticismResult): number {
  return m.bias + m.ruleWeight * ruleInput(c) + m.wordWeight * wordLogit(m.wordBias, m.weights, features(c));
}

export function probability(m: CriticismModel, c: CriticismResult): number {
  return 1 / (1 + Math.exp(-logit(m, c)));
}

/**
 * The sentences that pushed the model towards "critical", with the words that weighed most in
 * each: the evidence of a decision the cues alone did not make.
 */
export function modelEvidence(m: CriticismModel, c: CriticismResult, limit = 3): { sentence: string; field: string; weight: number; cues: string[] }[] {
  const out: { sentence: string; field: string; weight: number; cues: string[] }[] = [];
  for (const s of readSentences(c)) {
    const f = new Map<string, number>();
    sentenceFeatures(s, f);
    const parts = [...f.keys()].map((k) => [k, m.weights[k] ?? 0] as const).filter(([, w]) => w > 0);
    const weight = parts.reduce((a, [, w]) => a + w, 0);
    if (weight <= 0) continue;
    const top = parts.sort((a, b) => b[1] - a[1]).slice(0, 3).map(([k]) => k.slice(2).replace('_', ' '));
    out.push({ sentence: s.sentence, field: s.field, weight: Math.round(weight * 1000) / 1000, cues: top });
  }
  return out.sort((a, b) => b.weight - a.weight).slice(0, limit);
}

export interface TrainingExample {
  c: CriticismResult;
  critical: boolean;
}

export interface TrainOptions {
  epochs?: number;
  rate?: number;
  l2?: number;
  /** Regularise towards this model instead of towards the rules alone. */
  prior?: CriticismModel;
  /**
   * Use this combiner instead of fitting one. The bundled model does: fitted on the labelled set,
   * which was used to write the rules, a combiner trusts the rules far more than unseen text
   * warrants (see BUNDLED_COMBINER).
   */
  combiner?: Combiner;
  trainedOn?: string;
  dataHash?: string;
}

/**
 * Trains in two steps, so the rules cannot drown the words: the word model is fitted without the
 * rule sum (the labelled set was used to write the rules, so with it the words would learn
 * nothing), then a three-weight combiner (bias, rules, words) is fitted on the word model's
 * out-of-fold logits, which are as good as the word model is on text it has not seen.
 */
export function train(examples: TrainingExample[], opts: TrainOptions = {}): CriticismModel {
  const feats = examples.map((e) => features(e.c));
  const rules = examples.map((e) => ruleInput(e.c));
  const labels = examples.map((e) => (e.critical ? 1 : 0));
  const prior = opts.prior;
  const all = examples.map((_, i) => i);
  const words = fitWords(all, feats, labels, opts);
  const comb = opts.combiner ?? fitCombiner(outOfFold(all, feats, labels, opts), rules, labels, prior);
  return {
    version: 2,
    bias: round4(comb.bias),
    ruleWeight: round4(comb.ruleWeight),
    wordWeight: round4(comb.wordWeight),
    wordBias: round4(words.bias),
    weights: words.weights,
    trainedAt: new Date().toISOString(),
    examples: examples.length,
    trainedOn: opts.trainedOn,
    dataHash: opts.dataHash,
  };
}

export interface Combiner {
  bias: number;
  ruleWeight: number;
  wordWeight: number;
}

/**
 * The bundled model's combiner, chosen by leave-one-split-out evaluation on the labelled set
 * (bench/eval-detect.ts): the rule sum and the word model's logit count about equally.
 */
export const BUNDLED_COMBINER: Combiner = { bias: 0, ruleWeight: 1, wordWeight: 1 };

const FOLDS = 5;
const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

/** Word logits of each example from a word model trained on the other folds: as good as the model is on unseen text. */
function outOfFold(all: number[], feats: Map<string, number>[], labels: number[], opts: TrainOptions): Float64Array {
  const folds = Math.min(FOLDS, all.length);
  const oof = new Float64Array(all.length);
  for (let k = 0; k < folds; k++) {
    const fold = fitWords(all.filter((i) => i % folds !== k), feats, labels, opts);
    for (let i = k; i < all.length; i += folds) oof[i] = wordLogit(fold.bias, fold.weights, feats[i]);
  }
  return oof;
}

/** L2-regularised logistic regression over the features of the examples in idx (towards the prior's words). */
function fitWords(
  idx: number[],
  feats: Map<string, number>[],
  labels: number[],
  opts: TrainOptions,
): { bias: number; weights: Record<string, number> } {
  const epochs = opts.epochs ?? 300;
  const rate = opts.rate ?? 0.5;
  const l2 = opts.l2 ?? 0.01;
  const prior = opts.prior;
  const counts = new Map<string, number>();
  for (const i of idx) for (const k of feats[i].keys()) counts.set(k, (counts.get(k) ?? 0) + 1);
  const vocab = new Set([...counts].filter(([, n]) => n >= MIN_FEATURE_COUNT).map(([k]) => k));
  if (prior) for (const k of Object.keys(prior.weights)) vocab.add(k);
  const keys = [...vocab];
  const index = new Map(keys.map((k, j) => [k, j]));
  // Sparse rows: an epoch is linear in the features present.
  const rows = idx.map((i) => [...feats[i]].filter(([k]) => index.has(k)).map(([k, v]) => [index.get(k)!, v] as const));
  const p0 = Float64Array.from(keys, (k) => prior?.weights[k] ?? 0);
  const w = Float64Array.from(p0);
  const priorBias = prior?.wordBias ?? 0;
  let bias = priorBias;
  const n = Math.max(1, idx.length);
  const g = new Float64Array(keys.length);
  for (let ep = 0; ep < epochs; ep++) {
    let gb = 0;
    g.fill(0);
    idx.forEach((i, r) => {
      let z = bias;
      for (const [j, v] of rows[r]) z += w[j] * v;
      const err = 1 / (1 + Math.exp(-z)) - labels[i];
      gb += err;
      for (const [j, v] of rows[r]) g[j] += err * v;
    });
    bias -= rate * (gb / n + l2 * (bias - priorBias));
    for (let j = 0; j < w.length; j++) w[j] -= rate * (g[j] / n + l2 * (w[j] - p0[j]));
  }
  const out: Record<string, number> = {};
  keys.forEach((k, j) => {
    if (Math.abs(w[j]) > 1e-3) out[k] = round4(w[j]);
  });
  return { bias, weights: out };
}

/** Logistic regression of the label on (rule input, word logit), towards the prior's combiner or the rules alone. */
function fitCombiner(
  z: Float64Array,
  rules: number[],
  labels: number[],
  prior?: CriticismModel,
): Combiner {
  const p = prior ? [prior.bias, prior.ruleWeight, prior.wordWeight] : [0, PRIOR_RULE_WEIGHT, 0];
  const c = [...p];
  const n = Math.max(1, labels.length);
  const l2 = 0.01;
  for (let ep = 0; ep < 2000; ep++) {
    const g = [0, 0, 0];
    for (let i = 0; i < labels.length; i++) {
      const x = [1, rules[i], z[i]];
      const err = 1 / (1 + Math.exp(-(c[0] + c[1] * x[1] + c[2] * x[2]))) - labels[i];
      for (let d = 0; d < 3; d++) g[d] += err * x[d];
    }
    for (let d = 0; d < 3; d++) c[d] -= 0.1 * (g[d] / n + l2 * (c[d] - p[d]));
  }
  return { bias: c[0], ruleWeight: c[1], wordWeight: c[2] };
}

const BUNDLED_URL = new URL('./criticism-model.json', import.meta.url);
let bundled: CriticismModel | null | undefined;

/** The model trained on the labelled set and shipped with kaghaz (undefined when the file is missing). */
export function bundledModel(): CriticismModel | undefined {
  if (bundled === undefined) {
    try {
      const m = JSON.parse(readFileSync(BUNDLED_URL, 'utf8')) as CriticismModel;
      bundled = m.version === 2 ? m : null;
    } catch {
      bundled = null;
    }
  }
  return bundled ?? undefined;
}

export function loadModel(db: Db, city: string): CriticismModel | undefined {
  const row = db.prepare('SELECT model FROM detect_models WHERE city = ?').get(city) as { model: string } | undefined;
  if (!row) return undefined;
  const m = JSON.parse(row.model) as CriticismModel;
  // A model of an older feature set would read features it was not trained on: ignore it.
  return m.version === 2 ? m : undefined;
}

export function saveModel(db: Db, city: string, m: CriticismModel): void {
  db.prepare(
    `INSERT INTO detect_models (city, model, trained_at, examples) VALUES (?, ?, ?, ?)
     ON CONFLICT(city) DO UPDATE SET model = excluded.model, trained_at = excluded.trained_at, examples = excluded.examples`,
  ).run(city, JSON.stringify(m), m.trainedAt, m.examples);
}
