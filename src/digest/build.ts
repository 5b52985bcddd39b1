// buildDigest: the day's articles about the municipality, read from the store and arranged
// into the «کاغذ اخبار» model. Pure given the database: no clock, no randomness.
import type { Article, Mention } from '../article.ts';
import type { Profile, Source } from '../config.ts';
import type { Db } from '../store/db.ts';
import {
  addDays, addJalaliMonth, daysBetween, formatDay, gregorianIso, jalaliDayRange, jalaliOf, longDayFa,
  parseJalaliDay, timeFa, weekdayFa, type JalaliDay,
} from './jalali.ts';
import {
  KIND_PRIORITY, NO_PROVINCE_FA, OUTLET_TYPE_FA, PROVINCE_FA, SCOPE_FA, SEVERITY_FA, SEVERITY_RANK,
  UNKNOWN_DATE_FA, UNKNOWN_OUTLET_FA,
} from './labels.ts';
import type {
  ArticleRef, ClusterEntry, CoverageRow, CriticalItem, Digest, PickupRow, TopicGroup, TrendPoint,
} from './model.ts';
import { clusterMembers, articlesOfDay, firstFetchedAt, mentionInstants, ownArticles, type DigestArticle, type LightRow } from './queries.ts';
import { clipText } from './escape.ts';
import { evidenceToShow } from './evidence.ts';

export interface DigestOptions {
  profile: Profile;
  sources: Source[];
  /** Jalali day, «1405/09/01». */
  day: string;
}

export const TOP_STORIES = 5;
export const TREND_DAYS = 14;
export const LEAD_MAX = 420;
const UNTITLED_FA = '(بدون عنوان)';

type Placeable = Pick<Article, 'id' | 'sourceId' | 'title' | 'url' | 'publishedAt' | 'fetchedAt'>;

const instant = (a: Placeable) => a.publishedAt ?? a.fetchedAt;
/** Earliest first; ties by id so the order is total. */
const byInstant = (a: Placeable, b: Placeable) => cmp(instant(a), instant(b)) || cmp(a.id, b.id);
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function buildDigest(db: Db, opts: DigestOptions): Digest {
  const { profile } = opts;
  const jday = parseJalaliDay(opts.day);
  const range = jalaliDayRange(jday);
  const sourceById = new Map(opts.sources.map((s) => [s.id, s]));
  const outletFa = (id: string) => sourceById.get(id)?.nameFa ?? `${UNKNOWN_OUTLET_FA} (${id})`;
  const ownIds = new Set(profile.ownOutlets);
  const isOwn = (r: { sourceId: string; ownOutlet?: boolean }) => r.ownOutlet === true || ownIds.has(r.sourceId);

  const ref = (a: Placeable): ArticleRef => {
    const at = instant(a);
    const known = a.publishedAt !== null;
    return {
      id: a.id,
      sourceId: a.sourceId,
      outletFa: outletFa(a.sourceId),
      title: clipText(a.title, 300) || UNTITLED_FA,
      url: a.url,
      at,
      dateKnown: known,
      timeFa: known ? timeFa(new Date(at)) : UNKNOWN_DATE_FA,
      day: formatDay(jalaliOf(new Date(at))),
    };
  };

  const articles = articlesOfDay(db, profile.city, range.from, range.to)
    .filter((a) => !a.detection.city || a.detection.city === profile.city)
    .sort(byInstant);

  const clusterKey = (a: { id: string; clusterId: string | null }) => a.clusterId ?? a.id;
  const dayByCluster = groupBy(articles, clusterKey);

  // Every member of the touched clusters up to the end of the day, articles without a cluster as singletons.
  const own = ownArticles(db, [...ownIds], range.from, range.to);
  const clusterIds = [...new Set([...articles, ...own].map(clusterKey))].sort();
  const members = new Map<string, LightRow[]>();
  for (const m of clusterMembers(db, clusterIds, range.to)) push(members, clusterKey(m), m);
  const lightOf = (a: DigestArticle): LightRow => ({
    id: a.id, sourceId: a.sourceId, title: a.title, url: a.url, publishedAt: a.publishedAt, fetchedAt: a.fetchedAt,
    clusterId: a.clusterId, critical: a.detection.critical, ownOutlet: a.detection.ownOutlet,
  });
  const membersOf = (key: string, fallback: LightRow): LightRow[] => {
    const list = members.get(key) ?? [fallback];
    return [...list].sort(byInstant);
  };
  const outletsIn = (list: LightRow[]) => [...new Set(list.map((m) => m.sourceId))];

  // Clusters of the day, each with its topic and counts.
  const entries: ClusterEntry[] = [];
  for (const [key, dayArticles] of dayByCluster) {
    const all = membersOf(key, lightOf(dayArticles[0]));
    const original = all[0];
    const originalArticle = dayArticles.find((a) => a.id === original.id);
    const outlets = outletsIn(all);
    entries.push({
      clusterId: key,
      topic: topicOf(dayArticles, profile),
      original: ref(original),
      lead: clipText((originalArticle ?? dayArticles[0]).lead ?? '', LEAD_MAX),
      reach: outlets.length,
      reprints: all.filter((m) => m.sourceId !== original.sourceId).length,
      today: dayArticles.length,
      outletsFa: outlets.map(outletFa),
      critical: dayArticles.some((a) => a.detection.critical),
    });
  }
  const entryOrder = (a: ClusterEntry, b: ClusterEntry) =>
    b.reach - a.reach || b.today - a.today || cmp(a.original.at, b.original.at) || cmp(a.clusterId, b.clusterId);
  entries.sort(entryOrder);
  const entryByKey = new Map(entries.map((e) => [e.clusterId, e]));

  // Critical items: one per republication cluster, the day's earliest critical article standing for it.
  const critical: CriticalItem[] = [];
  for (const [key, dayArticles] of dayByCluster) {
    const crit = dayArticles.filter((a) => a.detection.critical);
    if (crit.length === 0) continue;
    const worst = [...crit].sort(
      (a, b) => SEVERITY_RANK[b.detection.severity] - SEVERITY_RANK[a.detection.severity] || byInstant(a, b),
    )[0];
    const main = crit[0];
    const all = membersOf(key, lightOf(main));
    const publishedDay = jalaliOf(new Date(instant(main)));
    const deadline = addJalaliMonth(publishedDay);
    critical.push({
      clusterId: key,
      article: ref(main),
      lead: clipText(main.lead ?? '', LEAD_MAX),
      evidence: evidenceToShow([...main.detection.evidence, ...worst.detection.evidence].map((e) => e.sentence), main),
      severity: worst.detection.severity,
      severityFa: SEVERITY_FA[worst.detection.severity],
      score: Math.max(...crit.map((a) => a.detection.score)),
      reach: entryByKey.get(key)!.reach,
      carriers: all.filter((m) => m.id !== main.id).map(ref),
      deadline: formatDay(deadline),
      deadlineFa: longDayFa(deadline),
      deadlineApprox: main.publishedAt === null,
    });
  }
  critical.sort(
    (a, b) =>
      SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || b.score - a.score || b.reach - a.reach ||
      cmp(a.article.at, b.article.at) || cmp(a.clusterId, b.clusterId),
  );

  // The rest of the day's news grouped by topic, clusters inside by reach.
  const groupsByTopic = new Map<string, ClusterEntry[]>();
  for (const e of entries) push(groupsByTopic, e.topic, e);
  const groups: TopicGroup[] = [...groupsByTopic].map(([topic, clusters]) => ({
    topic,
    clusters,
    articles: clusters.reduce((n, c) => n + c.today, 0),
  }));
  groups.sort((a, b) => b.articles - a.articles || cmp(a.topic, b.topic));

  // Press-release pickups: clusters whose original comes from the municipality's own outlets.
  const pickups: PickupRow[] = [];
  const pickupKeys = new Set<string>();
  for (const a of [...articles.map(lightOf), ...own]) {
    const key = clusterKey(a);
    if (pickupKeys.has(key)) continue;
    const all = membersOf(key, a);
    if (!isOwn(all[0])) continue;
    pickupKeys.add(key);
    const reprints = all.filter((m) => !isOwn(m));
    pickups.push({
      clusterId: key,
      title: clipText(all[0].title, 300) || UNTITLED_FA,
      original: ref(all[0]),
      reprintedByFa: outletsIn(reprints).map(outletFa),
      reprints: reprints.length,
      newToday: reprints.filter((m) => instant(m) >= range.from).length,
    });
  }
  pickups.sort((a, b) => b.reprints - a.reprints || cmp(a.original.at, b.original.at) || cmp(a.clusterId, b.clusterId));

  const coverage = {
    byType: coverageBy(articles, (a) => {
      const t = sourceById.get(a.sourceId)?.type;
      return t ? [t, OUTLET_TYPE_FA[t]] : ['unknown', 'نامشخص'];
    }),
    byScope: coverageBy(articles, (a) => {
      const s = sourceById.get(a.sourceId)?.scope;
      return s ? [s, SCOPE_FA[s]] : ['unknown', 'نامشخص'];
    }),
    byProvince: coverageBy(articles, (a) => {
      const p = sourceById.get(a.sourceId)?.province;
      return p ? [p, PROVINCE_FA[p]] : ['none', NO_PROVINCE_FA];
    }),
  };

  return {
    version: 1,
    city: profile.city,
    cityFa: profile.cityFa,
    day: formatDay(jday),
    dayFa: longDayFa(jday),
    weekdayFa: weekdayFa(jday),
    gregorian: gregorianIso(jday),
    issue: issueNumber(db, jday),
    range,
    totals: {
      articles: articles.length,
      critical: articles.filter((a) => a.detection.critical).length,
      criticalClusters: critical.length,
      outlets: new Set(articles.map((a) => a.sourceId)).size,
      clusters: entries.length,
      ownReleases: pickups.length,
      ownReprints: pickups.reduce((n, p) => n + p.reprints, 0),
      unknownDate: articles.filter((a) => a.publishedAt === null).length,
    },
    topStories: entries.slice(0, TOP_STORIES),
    critical,
    groups,
    pickups,
    coverage,
    trend: trend(db, profile.city, jday),
  };
}

/** The topic of a cluster: the most specific entity its day's articles mention. */
function topicOf(dayArticles: DigestArticle[], profile: Profile): string {
  let best: Mention | undefined;
  for (const a of dayArticles) {
    for (const m of a.detection.mentions) {
      if (
        !best || KIND_PRIORITY[m.kind] < KIND_PRIORITY[best.kind] ||
        (KIND_PRIORITY[m.kind] === KIND_PRIORITY[best.kind] && cmp(m.entity, best.entity) < 0)
      ) best = m;
    }
  }
  return best?.entity ?? `شهرداری ${profile.cityFa}`;
}

function coverageBy(articles: DigestArticle[], keyOf: (a: DigestArticle) => [string, string]): CoverageRow[] {
  const rows = new Map<string, { labelFa: string; articles: number; outlets: Set<string> }>();
  for (const a of articles) {
    const [key, labelFa] = keyOf(a);
    const row = rows.get(key) ?? { labelFa, articles: 0, outlets: new Set<string>() };
    row.articles++;
    row.outlets.add(a.sourceId);
    rows.set(key, row);
  }
  return [...rows]
    .map(([key, r]) => ({ key, labelFa: r.labelFa, articles: r.articles, outlets: r.outlets.size }))
    .sort((a, b) => b.articles - a.articles || cmp(a.key, b.key));
}

function trend(db: Db, city: string, day: JalaliDay): TrendPoint[] {
  const first = addDays(day, -(TREND_DAYS - 1));
  const points = new Map<string, TrendPoint>();
  for (let i = 0; i < TREND_DAYS; i++) {
    const d = formatDay(addDays(first, i));
    points.set(d, { day: d, mentioned: 0, critical: 0 });
  }
  const from = jalaliDayRange(first).from;
  const to = jalaliDayRange(day).to;
  for (const r of mentionInstants(db, city, from, to)) {
    const p = points.get(formatDay(jalaliOf(new Date(r.at))));
    if (!p) continue;
    p.mentioned++;
    if (r.critical) p.critical++;
  }
  return [...points.values()];
}

function issueNumber(db: Db, day: JalaliDay): number | null {
  const first = firstFetchedAt(db);
  if (!first) return null;
  const n = daysBetween(jalaliOf(new Date(first)), day) + 1;
  return n >= 1 ? n : null;
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) push(m, key(it), it);
  return m;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

