// The learned layer over the rules: a logistic regression whose features are the rule sum,
// the cues that fired and word n-grams of the scoped sentences. Its prior reproduces the
// rules exactly (rule weight 3 around the rule threshold, all other weights 0), and training
// on the media unit's verdicts is L2-regularised towards that prior, so a handful of verdicts
// nudges the decision instead of overturning it.
import type { Db } from '../store/db.ts';
import { RULE_THRESHOLD_SUM, type CriticismResult } from './criticism.ts';

export interface CriticismModel {
  version: 1;
  bias: number;
  ruleWeight: number;
  weights: Record<string, number>;
  trainedAt: string;
  examples: number;
}

export const PRIOR_RULE_WEIGHT = 3;
/** Features seen in fewer verdicts than this are not learned (too little evidence). */
const MIN_FEATURE_COUNT = 2;

export function features(c: CriticismResult): Map<string, number> {
  const f = new Map<string, number>();
  for (const s of c.sentences) {
    if (s.scope === 0) continue;
    for (const x of s.firings) {
      f.set(`cue:${x.cue.id}`, 1);
      f.set(`cls:${x.cue.cls}`, Math.min(3, (f.get(`cls:${x.cue.cls}`) ?? 0) + 1));
      if (x.role === 'target') f.set('role:target', 1);
    }
    if (s.firings.length === 0) continue;
    const tokens = s.sentence.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    for (let i = 0; i < tokens.length; i++) {
      f.set(`w:${tokens[i]}`, 1);
      if (i + 1 < tokens.length) f.set(`b:${tokens[i]}_${tokens[i + 1]}`, 1);
    }
  }
  if (c.denial) f.set('denial', 1);
  return f;
}

function ruleInput(c: CriticismResult): number {
  return Math.min(4, c.sum) - RULE_THRESHOLD_SUM;
}

export function logit(m: CriticismModel, c: CriticismResult): number {
  let z = m.bias + m.ruleWeight * ruleInput(c);
  for (const [k, v] of features(c)) z += (m.weights[k] ?? 0) * v;
  return z;
}

export function probability(m: CriticismModel, c: CriticismResult): number {
  return 1 / (1 + Math.exp(-logit(m, c)));
}

export interface TrainingExample {
  c: CriticismResult;
  critical: boolean;
}

export function train(examples: TrainingExample[], opts: { epochs?: number; rate?: number; l2?: number } = {}): CriticismModel {
  const epochs = opts.epochs ?? 400;
  const rate = opts.rate ?? 0.2;
  const l2 = opts.l2 ?? 0.05;
  const feats = examples.map((e) => features(e.c));
  const counts = new Map<string, number>();
  for (const f of feats) for (const k of f.keys()) counts.set(k, (counts.get(k) ?? 0) + 1);
  const vocab = [...counts].filter(([, n]) => n >= MIN_FEATURE_COUNT).map(([k]) => k);
  const w = new Map<string, number>(vocab.map((k) => [k, 0]));
  let bias = 0;
  let ruleWeight = PRIOR_RULE_WEIGHT;
  const n = Math.max(1, examples.length);
  for (let ep = 0; ep < epochs; ep++) {
    let gb = 0;
    let gr = 0;
    const gw = new Map<string, number>();
    examples.forEach((e, i) => {
      let z = bias + ruleWeight * ruleInput(e.c);
      for (const [k, v] of feats[i]) z += (w.get(k) ?? 0) * v;
      const err = 1 / (1 + Math.exp(-z)) - (e.critical ? 1 : 0);
      gb += err;
      gr += err * ruleInput(e.c);
      for (const [k, v] of feats[i]) if (w.has(k)) gw.set(k, (gw.get(k) ?? 0) + err * v);
    });
    bias -= rate * (gb / n + l2 * bias);
    ruleWeight -= rate * (gr / n + l2 * (ruleWeight - PRIOR_RULE_WEIGHT));
    for (const [k, wk] of w) w.set(k, wk - rate * ((gw.get(k) ?? 0) / n + l2 * wk));
  }
  const weights: Record<string, number> = {};
  for (const [k, v] of w) if (Math.abs(v) > 1e-4) weights[k] = Math.round(v * 1e4) / 1e4;
  return { version: 1, bias, ruleWeight, weights, trainedAt: new Date().toISOString(), examples: examples.length };
}

export function loadModel(db: Db, city: string): CriticismModel | undefined {
  const row = db.prepare('SELECT model FROM detect_models WHERE city = ?').get(city) as { model: string } | undefined;
  if (!row) return undefined;
  const m = JSON.parse(row.model) as CriticismModel;
  return m.version === 1 ? m : undefined;
}

export function saveModel(db: Db, city: string, m: CriticismModel): void {
  db.prepare(
    `INSERT INTO detect_models (city, model, trained_at, examples) VALUES (?, ?, ?, ?)
     ON CONFLICT(city) DO UPDATE SET model = excluded.model, trained_at = excluded.trained_at, examples = excluded.examples`,
  ).run(city, JSON.stringify(m), m.trainedAt, m.examples);
}
