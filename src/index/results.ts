// Pieces both drivers share: request checking, hit building (with highlights), facet shaping.
import { highlight, snippet } from './highlight.ts';
import { hasPositive, parseQuery, positiveTerms, type ParsedQuery, type Term } from './query.ts';
import { SearchIndexError, type FacetValue, type SearchHit, type SearchRequest, type SortOrder } from './types.ts';

export const MAX_PER_PAGE = 100;
/** Deep pages cost both engines more and nobody reads them; narrow the query instead. */
export const MAX_OFFSET = 10_000;

export interface CheckedRequest {
  parsed: ParsedQuery;
  terms: Term[];
  sort: SortOrder;
  page: number;
  perPage: number;
  offset: number;
  facets: boolean;
}

export function checkRequest(req: SearchRequest): CheckedRequest {
  if (typeof req?.query !== 'string') throw new SearchIndexError('misuse', 'search: `query` must be a string (use "" for everything)');
  const page = req.page ?? 1;
  const perPage = req.perPage ?? 20;
  if (!Number.isInteger(page) || page < 1) throw new SearchIndexError('misuse', `search: page must be an integer ≥ 1, got ${page}`);
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PER_PAGE)
    throw new SearchIndexError('misuse', `search: perPage must be an integer from 1 to ${MAX_PER_PAGE}, got ${perPage}`);
  const offset = (page - 1) * perPage;
  if (offset + perPage > MAX_OFFSET)
    throw new SearchIndexError('misuse', `search: results past ${MAX_OFFSET} are not served; narrow the query with filters`);
  if (req.sort !== undefined && req.sort !== 'relevance' && req.sort !== 'date')
    throw new SearchIndexError('misuse', `search: sort must be "relevance" or "date", got ${String(req.sort)}`);
  const parsed = parseQuery(req.query);
  // Relevance needs words to be relevant to; a filter-only query lists newest first.
  const sort: SortOrder = hasPositive(parsed.text) ? (req.sort ?? 'relevance') : 'date';
  return { parsed, terms: positiveTerms(parsed.text), sort, page, perPage, offset, facets: req.facets ?? true };
}

/** A stored document as a driver reads it back: the hit's fields with the texts not yet highlighted. */
export type DisplayFields = Omit<SearchHit, 'title' | 'snippet'> & {
  title: string;
  kicker: string;
  lead: string;
  body: string;
};

export function toHit(d: DisplayFields, terms: Term[]): SearchHit {
  return {
    id: d.id,
    url: d.url,
    sourceId: d.sourceId,
    outletName: d.outletName,
    type: d.type,
    province: d.province,
    publishedAt: d.publishedAt,
    sortAt: d.sortAt,
    day: d.day,
    critical: d.critical,
    clusterId: d.clusterId,
    title: highlight(d.title, terms),
    snippet: snippet(d.kicker ? `${d.kicker} — ${d.lead}` : d.lead, d.body, terms),
  };
}

/** Counts → facet values: most frequent first, except days (newest first). */
export function shapeFacet(name: string, counts: Map<string, number>, labels?: Map<string, string>, limit = 30): FacetValue[] {
  const vals = [...counts].map(([value, count]) => {
    const label = labels?.get(value);
    return label && label !== value ? { value, label, count } : { value, count };
  });
  if (name === 'day') vals.sort((a, b) => (a.value < b.value ? 1 : -1));
  else vals.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
  return vals.slice(0, limit);
}
