// Public entry of the search index (issue #6). Other areas import from here.
export { createSearchIndex, rebuildIndex, type RebuildResult } from './factory.ts';
export { Fts5Index } from './fts5.ts';
export { MeiliIndex, MEILI_SETTINGS, type MeiliOptions } from './meili.ts';
export { parseQuery, QueryError, type ParsedQuery, type QueryFilters, type QueryNode, type Term } from './query.ts';
export { toSearchDoc, type SearchDoc } from './document.ts';
export { TYPE_LABELS, PROVINCE_LABELS } from './labels.ts';
export {
  SearchIndexError,
  FACET_NAMES,
  type SearchIndex,
  type SearchIndexErrorKind,
  type IndexItem,
  type SearchRequest,
  type SearchResult,
  type SearchHit,
  type Segment,
  type FacetName,
  type FacetValue,
  type SortOrder,
  type WriteResult,
  type IndexStats,
  type IndexHealth,
} from './types.ts';
