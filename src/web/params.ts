// The search page's URL parameters and how they become one editor query. The query box keeps
// the editor's words; filters picked in the form or by a facet click are separate parameters,
// shown as removable chips, and appended to the query as filter terms.
import type { SortOrder } from '../index/types.ts';

export interface UiParams {
  q: string;
  sort: SortOrder;
  page: number;
  outlet: string[];
  type: string;
  province: string;
  critical: '' | 'yes' | 'no';
  from: string;
  to: string;
  /** A day picked from the day facet ("1405/08/29"); same as from=to=day. */
  day: string;
}

const clean = (v: string | null) => (v ?? '').replace(/["«»“”]/g, '').trim().slice(0, 200);

export function readParams(sp: URLSearchParams): UiParams {
  const page = Number(sp.get('page') ?? '1');
  const critical = sp.get('critical');
  return {
    q: (sp.get('q') ?? '').slice(0, 2000),
    sort: sp.get('sort') === 'date' ? 'date' : 'relevance',
    page: Number.isInteger(page) && page >= 1 && page <= 500 ? page : 1,
    outlet: sp.getAll('outlet').map(clean).filter(Boolean),
    type: clean(sp.get('type')),
    province: clean(sp.get('province')),
    critical: critical === 'yes' || critical === 'no' ? critical : '',
    from: clean(sp.get('from')),
    to: clean(sp.get('to')),
    day: clean(sp.get('day')),
  };
}

export function composeQuery(p: UiParams): string {
  const parts = [p.q.trim()];
  for (const o of p.outlet) parts.push(`outlet:«${o}»`);
  if (p.type) parts.push(`type:«${p.type}»`);
  if (p.province) parts.push(`province:«${p.province}»`);
  if (p.critical) parts.push(`critical:${p.critical}`);
  if (p.day) parts.push(`from:${p.day} to:${p.day}`);
  else {
    if (p.from) parts.push(`from:«${p.from}»`);
    if (p.to) parts.push(`to:«${p.to}»`);
  }
  return parts.filter(Boolean).join(' ');
}

export function toSearchParams(p: UiParams): URLSearchParams {
  const sp = new URLSearchParams();
  if (p.q) sp.set('q', p.q);
  for (const o of p.outlet) sp.append('outlet', o);
  for (const k of ['type', 'province', 'critical', 'from', 'to', 'day'] as const) if (p[k]) sp.set(k, p[k]);
  if (p.sort !== 'relevance') sp.set('sort', p.sort);
  if (p.page > 1) sp.set('page', String(p.page));
  return sp;
}

/** The page URL with some parameters changed (any change but the page number resets to page 1). */
export function pageUrl(p: UiParams, change: Partial<UiParams>): string {
  const next = { ...p, page: 1, ...change };
  const qs = toSearchParams(next).toString();
  return qs ? `/?${qs}` : '/';
}
