// The search index seen by the rest of kaghaz: one interface, two drivers (SQLite FTS5, Meilisearch),
// both held to one contract suite (test/index/contract.ts).
import type { Article } from '../article.ts';
import type { Source } from '../config.ts';

export interface IndexItem {
  article: Article;
  /** The outlet's config entry; without it the outlet is known by its id only. */
  source?: Source;
}

export type SortOrder = 'relevance' | 'date';
export const FACET_NAMES = ['outlet', 'type', 'province', 'critical', 'day'] as const;
export type FacetName = (typeof FACET_NAMES)[number];

/** A piece of display text; `hit` pieces matched the query. Renderers escape `text` themselves. */
export interface Segment {
  text: string;
  hit: boolean;
}

export interface SearchRequest {
  /** Editor query syntax (src/index/query.ts). Empty means "everything", newest first. */
  query: string;
  sort?: SortOrder;
  /** 1-based. */
  page?: number;
  perPage?: number;
  /** Compute facet counts (default true). */
  facets?: boolean;
}

export interface SearchHit {
  id: string;
  url: string;
  sourceId: string;
  outletName: string;
  type: string | null;
  province: string | null;
  /** UTC ISO instant, or null when the page had no date. */
  publishedAt: string | null;
  /** The instant used for date filters and sorting: published, else fetched. */
  sortAt: string;
  /** Tehran-local Jalali day of sortAt, "1405/09/01" (ASCII digits). */
  day: string;
  critical: boolean;
  clusterId: string | null;
  title: Segment[];
  /** A window of lead or body around the first matches (or the opening of the lead). */
  snippet: Segment[];
}

export interface FacetValue {
  /** The value to filter on (outlet id, type id, province id, yes/no, Jalali day). */
  value: string;
  /** Display name when it differs from the value (the outlet's Persian name). */
  label?: string;
  count: number;
}

export interface SearchResult {
  hits: SearchHit[];
  total: number;
  /** False when the driver could only bound the count (Meilisearch OR queries past its hit cap). */
  totalExact: boolean;
  page: number;
  perPage: number;
  sort: SortOrder;
  facets: Partial<Record<FacetName, FacetValue[]>>;
  tookMs: number;
}

export interface WriteResult {
  /** Documents now searchable. */
  indexed: number;
  /** Documents waiting in the durable outbox (Meilisearch unreachable); 0 for FTS5. */
  pending: number;
}

export interface IndexStats {
  driver: 'fts5' | 'meilisearch';
  documents: number;
  /** Outbox rows still to send (Meilisearch only). */
  pending: number;
  /** Outbox rows the server refused, with the last error (Meilisearch only). */
  failed: number;
  lastError?: string;
}

export interface IndexHealth {
  ok: boolean;
  driver: 'fts5' | 'meilisearch';
  detail: string;
}

export interface SearchIndex {
  readonly driver: 'fts5' | 'meilisearch';
  upsert(items: IndexItem[]): Promise<WriteResult>;
  delete(ids: string[]): Promise<WriteResult>;
  search(req: SearchRequest): Promise<SearchResult>;
  stats(): Promise<IndexStats>;
  health(): Promise<IndexHealth>;
  /** Removes every document (used by rebuilds). */
  clear(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Why a search-index call failed, in the three kinds callers treat differently:
 * connect — the server could not be reached (retry later; writes wait in the outbox);
 * server  — the server answered with an error (a bug or a bad setting; do not retry blindly);
 * misuse  — the caller passed something invalid (fix the call).
 */
export type SearchIndexErrorKind = 'connect' | 'server' | 'misuse';

export class SearchIndexError extends Error {
  constructor(
    readonly kind: SearchIndexErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SearchIndexError';
  }
}
