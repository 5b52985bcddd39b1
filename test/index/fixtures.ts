// Hand-written Persian fixtures for the search tests (not taken from real articles).
import type { Article, Detection } from '../../src/article.ts';
import type { Source } from '../../src/config.ts';
import { matchKey } from '../../src/normalize/index.ts';

export const SOURCES: Record<string, Source> = {
  irna: src('irna', 'ایرنا', 'IRNA', 'agency', 'national'),
  'asr-tabriz': src('asr-tabriz', 'عصر تبریز', 'Asr-e Tabriz', 'newspaper', 'local', 'east-azerbaijan'),
  'khorasan-news': src('khorasan-news', 'خبر خراسان', 'Khorasan News', 'site', 'provincial', 'khorasan-razavi'),
};

function src(id: string, nameFa: string, nameEn: string, type: Source['type'], scope: Source['scope'], province?: Source['province']): Source {
  return {
    id, nameFa, nameEn, type, scope, province, homepage: `https://${id}.example/`, cms: 'unknown',
    feeds: [{ url: `https://${id}.example/rss`, confidence: 'listed' }], listingPages: [], enabled: true,
  };
}

export interface Spec {
  id: string;
  source: keyof typeof SOURCES;
  title: string;
  lead?: string;
  kicker?: string;
  body?: string;
  publishedAt?: string | null;
  critical?: boolean;
  entities?: string[];
  clusterId?: string | null;
}

export function article(s: Spec): Article {
  const detection: Detection = {
    city: 'tabriz',
    mentioned: (s.entities ?? []).length > 0,
    mentions: (s.entities ?? []).map((e) => ({ entity: e, kind: 'municipality', surface: e, field: 'body', start: 0, end: e.length, sentence: e })),
    critical: s.critical ?? false,
    score: s.critical ? 0.8 : 0,
    severity: s.critical ? 'medium' : 'none',
    evidence: [],
    ownOutlet: false,
  };
  const body = s.body ?? 'متن خبر.';
  return {
    id: s.id,
    sourceId: s.source,
    url: `https://${s.source}.example/news/${s.id}`,
    canonicalUrl: `https://${s.source}.example/news/${s.id}`,
    title: s.title,
    kicker: s.kicker,
    lead: s.lead,
    body,
    publishedAt: s.publishedAt === undefined ? '2026-11-20T08:00:00Z' : s.publishedAt,
    fetchedAt: '2026-11-21T09:00:00Z',
    titleKey: matchKey(s.title),
    textKey: matchKey([s.title, s.kicker, s.lead, body].filter(Boolean).join('\n')),
    detection,
    clusterId: s.clusterId ?? null,
  };
}

export function item(s: Spec) {
  return { article: article(s), source: SOURCES[s.source] };
}
