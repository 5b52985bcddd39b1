// The digest as data: buildDigest fills it from the store, the renderers only lay it out.
// Every list is in a total order (ties broken by id) so the same day always renders the same bytes.
import type { Severity } from '../article.ts';

/** One article as the digest shows it. */
export interface ArticleRef {
  id: string;
  sourceId: string;
  outletFa: string;
  title: string;
  url: string;
  /** ISO instant the article is placed at: publishedAt, else fetchedAt. */
  at: string;
  /** False when the page gave no date and the fetch time stands in for it. */
  dateKnown: boolean;
  /** «۰۹:۴۵», or «تاریخ نامعلوم» when the date is unknown. */
  timeFa: string;
  /** Jalali day of `at` in Tehran, «1405/09/01». */
  day: string;
}

export interface CriticalItem {
  clusterId: string;
  article: ArticleRef;
  lead: string;
  /** Sentences the detector flagged, in its order. */
  evidence: string[];
  severity: Severity;
  severityFa: string;
  score: number;
  /** Distinct outlets that carried the story (republication cluster size) up to the end of the day. */
  reach: number;
  /** Other outlets that carried it, earliest first. */
  carriers: ArticleRef[];
  /** Press Law art. 23: one month from publication, Jalali «1405/10/01». */
  deadline: string;
  deadlineFa: string;
  /** True when the publication date is unknown and the deadline counts from the fetch time. */
  deadlineApprox: boolean;
}

export interface ClusterEntry {
  clusterId: string;
  topic: string;
  /** The cluster's first article (the original), possibly from an earlier day. */
  original: ArticleRef;
  lead: string;
  /** Distinct outlets up to the end of the day. */
  reach: number;
  /** Articles of the cluster by other outlets than the original's. */
  reprints: number;
  /** Articles of the cluster on this day. */
  today: number;
  outletsFa: string[];
  critical: boolean;
}

export interface TopicGroup {
  topic: string;
  articles: number;
  clusters: ClusterEntry[];
}

export interface PickupRow {
  clusterId: string;
  title: string;
  original: ArticleRef;
  /** Outlets other than the municipality's own that reprinted it, earliest first. */
  reprintedByFa: string[];
  reprints: number;
  /** Of those, reprints placed on this day. */
  newToday: number;
}

export interface CoverageRow {
  key: string;
  labelFa: string;
  articles: number;
  outlets: number;
}

export interface TrendPoint {
  day: string;
  mentioned: number;
  critical: number;
}

export interface DigestTotals {
  /** Articles about the municipality placed on this day. */
  articles: number;
  critical: number;
  /** Critical republication clusters (= critical items listed). */
  criticalClusters: number;
  outlets: number;
  clusters: number;
  ownReleases: number;
  ownReprints: number;
  unknownDate: number;
}

export interface Digest {
  version: 1;
  city: string;
  cityFa: string;
  /** «1405/09/01» */
  day: string;
  /** «۱ آذر ۱۴۰۵» */
  dayFa: string;
  weekdayFa: string;
  /** Gregorian date of the day, «2026-11-22». */
  gregorian: string;
  /** Days since kaghaz first fetched anything, from 1; null for days before that (archive backfills). */
  issue: number | null;
  range: { from: string; to: string };
  totals: DigestTotals;
  topStories: ClusterEntry[];
  critical: CriticalItem[];
  groups: TopicGroup[];
  pickups: PickupRow[];
  coverage: { byType: CoverageRow[]; byScope: CoverageRow[]; byProvince: CoverageRow[] };
  trend: TrendPoint[];
}
