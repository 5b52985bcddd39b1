// The indexed document: display text (for results and highlights) plus match keys (for matching),
// derived from an Article and its outlet's config entry.
import type { Article } from '../article.ts';
import type { Source } from '../config.ts';
import { matchKey } from '../normalize/index.ts';
import { jalaliDayOf } from './days.ts';
import type { IndexItem } from './types.ts';

export interface SearchDoc {
  id: string;
  url: string;
  sourceId: string;
  outletName: string;
  /** Match keys of the outlet's Persian and English names, for outlet:/site: by name. */
  outletKeys: string[];
  type: string | null;
  province: string | null;
  publishedAt: string | null;
  sortAt: string;
  day: string;
  critical: boolean;
  clusterId: string | null;
  /** Match keys of the detected entities' canonical names and kinds. */
  entityKeys: string[];
  title: string;
  kicker: string;
  lead: string;
  body: string;
  titleKey: string;
  /** Kicker and lead together: both are short framing text. */
  leadKey: string;
  bodyKey: string;
}

export function entityKeysOf(a: Article): string[] {
  const keys = new Set<string>();
  for (const m of a.detection?.mentions ?? []) {
    const k = matchKey(m.entity);
    if (k) keys.add(k);
    keys.add(m.kind);
  }
  return [...keys];
}

/** One spelling of instants (toISOString) so that they compare as strings. */
function isoInstant(v: string | null | undefined): string | null {
  if (!v) return null;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

export function toSearchDoc({ article: a, source }: IndexItem): SearchDoc {
  if (source && source.id !== a.sourceId)
    throw new Error(`index: article ${a.id} is from outlet "${a.sourceId}" but was given the config of "${source.id}"`);
  const sortAt = isoInstant(a.publishedAt) ?? isoInstant(a.fetchedAt);
  if (!sortAt) throw new Error(`index: article ${a.id} has neither a valid publishedAt nor fetchedAt`);
  const kicker = a.kicker ?? '';
  const lead = a.lead ?? '';
  return {
    id: a.id,
    url: a.url,
    sourceId: a.sourceId,
    outletName: source?.nameFa ?? a.sourceId,
    outletKeys: source ? [...new Set([matchKey(source.nameFa), matchKey(source.nameEn)].filter(Boolean))] : [],
    type: source?.type ?? null,
    province: source?.province ?? null,
    publishedAt: isoInstant(a.publishedAt),
    sortAt,
    day: jalaliDayOf(sortAt),
    critical: a.detection?.critical ?? false,
    clusterId: a.clusterId,
    entityKeys: entityKeysOf(a),
    title: a.title,
    kicker,
    lead,
    body: a.body,
    titleKey: matchKey(a.title),
    leadKey: matchKey(kicker + '\n' + lead),
    bodyKey: matchKey(a.body),
  };
}
