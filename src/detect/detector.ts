// The detect stage as the pipeline calls it: mentions, criticism (the rules, combined with the
// city's trained model from the database or else the bundled one), own-outlet flag.
import type { Detection, NormalizedArticle } from '../article.ts';
import type { Profile, Source } from '../config.ts';
import type { Db } from '../store/db.ts';
import { scoreCriticism, type CriticismResult } from './criticism.ts';
import { MentionFinder, type ArticleFields, type MentionResult } from './mentions.ts';
import { bundledModel, loadModel, modelEvidence, probability, type CriticismModel } from './model.ts';

export interface DetectorOptions {
  sources?: Source[];
  db?: Db;
  /**
   * Use this model instead of the city's trained one (from db) or the bundled one; null for the
   * rules alone (tests, evaluation).
   */
  model?: CriticismModel | null;
}

export type DetectInput = Pick<NormalizedArticle, 'title' | 'body' | 'publishedAt' | 'sourceId'> &
  Partial<Pick<NormalizedArticle, 'kicker' | 'lead' | 'fetchedAt'>>;

export interface Detector {
  readonly profile: Profile;
  readonly model: CriticismModel | undefined;
  detect(a: DetectInput, source?: Source): Detection;
  /** The full analysis behind a detection (for training and explanations). */
  analyse(a: DetectInput, source?: Source): { mentions: MentionResult; criticism: CriticismResult };
}

export function createDetector(profile: Profile, opts: DetectorOptions = {}): Detector {
  const finder = new MentionFinder(profile);
  const sources = new Map((opts.sources ?? []).map((s) => [s.id, s]));
  const own = new Set(profile.ownOutlets);
  let model: CriticismModel | undefined;
  if (opts.model !== undefined) model = opts.model ?? undefined;
  else {
    if (opts.db) {
      try {
        model = loadModel(opts.db, profile.city);
      } catch {
        model = undefined; // a database without the detect tables: the bundled model
      }
    }
    model ??= bundledModel();
  }

  const analyse = (a: DetectInput, source?: Source) => {
    const src = source ?? sources.get(a.sourceId);
    const fields: ArticleFields = { title: a.title, kicker: a.kicker, lead: a.lead, body: a.body };
    const mentions = finder.find(fields, a.publishedAt ?? a.fetchedAt ?? null, src);
    return { mentions, criticism: scoreCriticism(mentions) };
  };

  return {
    profile,
    model,
    analyse,
    detect(a, source) {
      const { mentions, criticism } = analyse(a, source);
      const mentioned = mentions.mentions.length > 0;
      let critical = criticism.critical;
      let score = criticism.score;
      let decidedBy: Detection['decidedBy'] = 'rules';
      if (model && mentioned) {
        score = Math.round(probability(model, criticism) * 1000) / 1000;
        critical = score >= 0.5;
        decidedBy = 'model';
      }
      let severity = criticism.severity;
      if (critical && severity === 'none') severity = 'low';
      if (!critical) severity = 'none';
      // A flag the cues did not raise is explained by the sentences and words that weighed most.
      let evidence = criticism.evidence;
      if (critical && model && evidence.length === 0) evidence = modelEvidence(model, criticism);
      return {
        city: profile.city,
        mentioned,
        mentions: mentions.mentions,
        critical,
        score: mentioned ? score : 0,
        severity,
        evidence: critical ? evidence : [],
        ownOutlet: own.has(a.sourceId),
        ruleScore: criticism.score,
        decidedBy,
      };
    },
  };
}
