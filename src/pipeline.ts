// The order of the stages, stated once:
//   crawl → extract → normalize → detect → cluster → store → index → alerts
// Each stage is a function supplied in PipelineStages (src/app.ts wires the real ones), so
// this file knows the order and the bookkeeping (fates, cycles) but no stage's internals.
import type { Article, DraftArticle, Detection, Fate, NormalizedArticle } from './article.ts';
import type { Source } from './config.ts';
import type { Db } from './store/db.ts';
import type { CrawlReport, FetchedPage } from './crawlers/cycle.ts';
import type { ExtractResult } from './extract/index.ts';
import { articleId, type ArticleStore } from './store/articles.ts';
import { recordCycleEnd, recordCycleStart, recordFate, quarantine } from './store/cycles.ts';

// The crawler's own record types are the pipeline's: one definition, in src/crawlers/cycle.ts.
export type { CrawlReport, FetchedPage, SourceReport } from './crawlers/cycle.ts';

export type { ExtractResult } from './extract/index.ts';

export interface PipelineStages {
  crawl(
    sources: Source[],
    isKnown: (canonicalUrl: string) => boolean,
    handle: (page: FetchedPage) => Promise<Fate>,
    signal?: AbortSignal,
  ): Promise<CrawlReport>;
  extract(page: FetchedPage): ExtractResult;
  normalize(draft: DraftArticle): NormalizedArticle;
  detect(article: NormalizedArticle, source: Source): Detection;
  /** Assigns the republication cluster; returns the cluster id. */
  cluster(article: Omit<Article, 'clusterId'>): string;
  index(batch: { article: Article; source: Source }[]): Promise<void>;
  /** Called once per cycle with the cycle's new articles (alerts for critical ones). */
  afterCycle?(newArticles: Article[]): Promise<void>;
}

export interface CycleSummary {
  cycleId: number;
  report: CrawlReport;
  totals: { fetched: number; new: number; skipped: number; failed: number; mentioned: number; critical: number };
  newArticles: Article[];
}

/** How many new articles are indexed together; small enough that a kill loses little work. */
const INDEX_BATCH = 50;

/**
 * One crawl cycle. Every page ends with exactly one recorded fate. An article is stored
 * (and so counted "new") only after all stages before the store succeeded; a crash in a
 * stage for one page quarantines that page and the cycle goes on.
 */
export async function runCycle(
  db: Db,
  articles: ArticleStore,
  sources: Source[],
  stages: PipelineStages,
  opts: { signal?: AbortSignal } = {},
): Promise<CycleSummary> {
  const cycleId = recordCycleStart(db);
  const newArticles: Article[] = [];
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  let pending: { article: Article; source: Source }[] = [];

  const flush = async () => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    await stages.index(batch);
  };

  const handle = async (page: FetchedPage): Promise<Fate> => {
    const fate = await processPage(page);
    recordFate(db, cycleId, page.source.id, page.finalUrl || page.url, fate);
    return fate;
  };

  const processPage = async (page: FetchedPage): Promise<Fate> => {
    try {
      const extracted = stages.extract(page);
      if (!extracted.ok) return { status: 'skip', reason: extracted.reason };
      const draft = extracted.article;
      if (articles.has(draft.canonicalUrl)) return { status: 'skip', reason: 'known' };
      const normalized = stages.normalize(draft);
      const source = sourceById.get(page.source.id) ?? page.source;
      const detection = stages.detect(normalized, source);
      const base = { ...normalized, id: articleId(normalized.canonicalUrl), detection };
      const clusterId = stages.cluster(base);
      const article: Article = { ...base, clusterId };
      if (!articles.insert(article)) return { status: 'skip', reason: 'known' };
      newArticles.push(article);
      pending.push({ article, source });
      if (pending.length >= INDEX_BATCH) await flush();
      return { status: 'ok' };
    } catch (e) {
      const reason = `stage-error: ${(e as Error).message}`.slice(0, 300);
      quarantine(db, page.source.id, page.finalUrl || page.url, reason, page.html);
      return { status: 'quarantine', reason };
    }
  };

  let report: CrawlReport;
  try {
    report = await stages.crawl(sources, (url) => articles.has(url), handle, opts.signal);
    await flush();
    if (stages.afterCycle) await stages.afterCycle(newArticles);
  } catch (e) {
    recordCycleEnd(db, cycleId, 'failed', { error: (e as Error).message });
    throw e;
  }
  const totals = {
    fetched: sum(report.sources, (s) => s.fetched),
    new: newArticles.length,
    skipped: sum(report.sources, (s) => Object.values(s.skipped).reduce((a, b) => a + b, 0)),
    failed: report.sources.filter((s) => s.error || Object.keys(s.failed).length > 0).length,
    mentioned: newArticles.filter((a) => a.detection.mentioned).length,
    critical: newArticles.filter((a) => a.detection.critical).length,
  };
  recordCycleEnd(db, cycleId, opts.signal?.aborted ? 'stopped' : 'done', { totals, report });
  return { cycleId, report, totals, newArticles };
}

function sum<T>(xs: T[], f: (x: T) => number): number {
  return xs.reduce((a, x) => a + f(x), 0);
}
