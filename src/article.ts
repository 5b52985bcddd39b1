// The one record that flows through the pipeline. Each stage owns the fields it adds:
// crawl+extract → DraftArticle, normalize → NormalizedArticle, detect → Article.
// See docs/decisions.md for why one record grows instead of many tables per stage.

/** What the extractor produced from one fetched page (or feed item). */
export interface DraftArticle {
  /** Outlet id from config/sources.json — the spine of logs, fixtures and metrics. */
  sourceId: string;
  /** URL the article was fetched from (after redirects). */
  url: string;
  /** Canonical URL (rel=canonical / og:url, tracking parameters dropped): the store key. */
  canonicalUrl: string;
  title: string;
  /** روتیتر, the line above the headline. */
  kicker?: string;
  /** لید, the summary paragraph. */
  lead?: string;
  /** Main text, paragraphs separated by "\n\n"; boilerplate removed. */
  body: string;
  author?: string;
  /** UTC ISO instant, or null when the page gave no parseable date (never the crawl time). */
  publishedAt: string | null;
  /** The date text as found on the page, kept for audits and for re-parsing. */
  publishedRaw?: string;
  section?: string;
  image?: string;
  /** When kaghaz fetched it (UTC ISO). */
  fetchedAt: string;
  /** Which extraction path produced it: 'feed', 'selectors:<family>', 'jsonld', 'generic'. */
  extractedBy?: string;
}

/** After the Persian normalizer: display forms plus the match key used by detect, dedup and search. */
export interface NormalizedArticle extends DraftArticle {
  /** Match key of title + kicker + lead + body, produced by src/normalize matchKey(). */
  titleKey: string;
  textKey: string;
}

export type EntityKind =
  | 'municipality'
  | 'mayor'
  | 'official'
  | 'district'
  | 'subsidiary'
  | 'related';

export interface Mention {
  /** Canonical entity name from the profile (e.g. «شهرداری تبریز»). */
  entity: string;
  kind: EntityKind;
  /** The text as it appeared. */
  surface: string;
  field: 'title' | 'kicker' | 'lead' | 'body';
  /** Character offsets into that field's display text. */
  start: number;
  end: number;
  sentence: string;
  /** How the mention was tied to the profile's city: its own name, the article's context, or a local outlet. */
  resolvedBy?: 'name' | 'context' | 'outlet';
  /** The official named or meant (for «شهردار», the mayor in office on the article's date). */
  person?: string;
  /** District number for district-municipality mentions. */
  district?: number;
}

export type Severity = 'none' | 'low' | 'medium' | 'high';

export interface Evidence {
  sentence: string;
  cues: string[];
  /** Field the sentence came from. */
  field?: string;
  /** The sentence's scoped contribution to the criticism sum. */
  weight?: number;
}

export interface Detection {
  /** Profile city this detection is for (e.g. 'tabriz'). */
  city: string;
  mentioned: boolean;
  mentions: Mention[];
  critical: boolean;
  score: number;
  severity: Severity;
  evidence: Evidence[];
  /** True when the outlet is owned by the municipality (own coverage). */
  ownOutlet: boolean;
  /** The rule layer's score (equals score unless a trained model decided). */
  ruleScore?: number;
  /** Which layer made the critical/not-critical call. */
  decidedBy?: 'rules' | 'model';
}

/** A stored article: normalized, detected and assigned to a republication cluster. */
export interface Article extends NormalizedArticle {
  /** Stable id derived from the canonical URL. */
  id: string;
  detection: Detection;
  /** Republication cluster id (the id of the cluster's first article). */
  clusterId: string | null;
}

/** The fate of every fetched item, recorded exactly once per cycle (principle 3 of DESIGN.md). */
export type Fate =
  | { status: 'ok' }
  | { status: 'skip'; reason: string }
  | { status: 'quarantine'; reason: string }
  | { status: 'retry'; reason: string };
