// The composition root: wires the real stage implementations into the pipeline, and
// builds the one-cycle run and the long-running service from them.
import type { Article, DraftArticle, NormalizedArticle } from './article.ts';
import type { Profile, Source } from './config.ts';
import { openContext, resolveProfile, resolveSources, type AppContext } from './context.ts';
import { runCycle, type CycleSummary, type PipelineStages } from './pipeline.ts';
import { closeInterruptedCycles } from './store/cycles.ts';
import { normalize, matchKey } from './normalize/index.ts';
import { crawlCycle, createProgress } from './crawlers/index.ts';
import { dueSources } from './crawlers/schedule.ts';
import { extractArticle } from './extract/index.ts';
import { createDetector } from './detect/detector.ts';
import { ClusterIndex } from './detect/cluster.ts';
import { createSearchIndex } from './index/factory.ts';
import type { SearchIndex } from './index/types.ts';
import { createMailer, deliverQueued, queueAlerts } from './alerts/index.ts';
import { runDailyDigest } from './digest/index.ts';
import { startWebServer } from './web/server.ts';
import { startScheduler } from './scheduler.ts';

export const USER_AGENT = 'kaghaz/0.1 (+https://github.com/kaghaz/kaghaz; press monitoring for a municipality)';

/** The normalize stage for a whole article: display forms of every text field plus match keys. */
export function normalizeArticle(d: DraftArticle): NormalizedArticle {
  const n = (s: string | undefined) => (s === undefined ? undefined : normalize(s));
  const title = normalize(d.title);
  const kicker = n(d.kicker);
  const lead = n(d.lead);
  const body = normalize(d.body);
  return {
    ...d,
    title,
    kicker,
    lead,
    body,
    author: n(d.author),
    section: n(d.section),
    titleKey: matchKey(title),
    textKey: matchKey([title, kicker, lead, body].filter(Boolean).join('\n')),
  };
}

export interface StageOptions {
  ctx: AppContext;
  sources: Source[];
  profile: Profile;
  index: SearchIndex;
  minIntervalMs?: number;
  /** Outlets (hosts) crawled at the same time; each host still gets one request at a time. */
  concurrency?: number;
  /** Backfill: also walk listing pages and skip feed items published before this instant. */
  since?: Date;
  progress?: boolean;
  now?: () => Date;
}

/** The real stages, plus close() for what they hold open (the SMTP connection pool). */
export function createStages(o: StageOptions): PipelineStages & { close(): void } {
  const detector = createDetector(o.profile, { sources: o.sources, db: o.ctx.db });
  // The municipality's own copy of a story is its original, whatever outlet printed it first.
  const clusters = new ClusterIndex(o.ctx.db, { preferredSources: o.profile.ownOutlets });
  const mailer = createMailer(process.env, o.ctx.dataDir);
  const now = o.now ?? (() => new Date());
  return {
    crawl: async (sources, isKnown, handle, signal) => {
      const progress = o.progress ? createProgress() : undefined;
      try {
        return await crawlCycle(
          sources,
          {
            db: o.ctx.db,
            userAgent: USER_AGENT,
            minIntervalMs: o.minIntervalMs,
            concurrency: o.concurrency,
            since: o.since,
            isKnown,
            signal,
            onProgress: progress?.onProgress,
          },
          handle,
        );
      } finally {
        progress?.stop();
      }
    },
    extract: (page) => extractArticle({ html: page.html ?? '', url: page.finalUrl || page.url, source: page.source, feedItem: page.feedItem, fetchedAt: page.fetchedAt }),
    normalize: normalizeArticle,
    detect: (a, source) => detector.detect(a, source),
    cluster: (a) => clusters.assign(a).clusterId,
    index: async (batch) => {
      await o.index.upsert(batch);
    },
    afterCycle: async (newArticles: Article[]) => {
      queueAlerts(o.ctx.db, { profile: o.profile, sources: o.sources, articles: newArticles, now: now() });
      await deliverQueued(o.ctx.db, mailer, now());
    },
    close: () => mailer.close(),
  };
}

export interface RunOptions {
  sourcesFile?: string;
  city?: string;
  only?: string[];
  minIntervalMs?: number;
  since?: Date;
  progress?: boolean;
  dataDir?: string;
  /** Use this profile instead of loading config/profiles/<city>.json (the demo adds recipients). */
  profile?: Profile;
  signal?: AbortSignal;
}

function selectSources(all: Source[], only?: string[]): Source[] {
  const enabled = all.filter((s) => s.enabled);
  if (!only || only.length === 0) return enabled;
  const unknown = only.filter((id) => !all.some((s) => s.id === id));
  if (unknown.length) throw new Error(`--only: unknown outlet id(s) ${unknown.join(', ')}; see config/sources.json`);
  return all.filter((s) => only.includes(s.id));
}

/** One cycle over every enabled outlet (or --only ones). Refuses to start on invalid config. */
export async function runOnce(o: RunOptions = {}): Promise<CycleSummary> {
  const ctx = openContext({ dataDir: o.dataDir });
  try {
    const sources = resolveSources(ctx.paths, o.sourcesFile).sources;
    const profile = o.profile ?? resolveProfile(ctx.paths, { city: o.city });
    closeInterruptedCycles(ctx.db);
    const index = createSearchIndex(ctx.db);
    try {
      const stages = createStages({ ctx, sources, profile, index, minIntervalMs: o.minIntervalMs, since: o.since, progress: o.progress });
      try {
        return await runCycle(ctx.db, ctx.articles, selectSources(sources, o.only), stages, { signal: o.signal });
      } finally {
        stages.close();
      }
    } finally {
      await index.close();
    }
  } finally {
    ctx.close();
  }
}

/** Plain-text per-outlet summary: fetched, new, skipped and why, failed and why. */
export function formatCycleSummary(s: CycleSummary): string {
  const lines: string[] = [];
  const pad = (x: string | number, n: number) => String(x).padEnd(n);
  lines.push(`${pad('outlet', 28)} ${pad('fetched', 8)} ${pad('new', 5)} skipped / failed`);
  for (const r of s.report.sources) {
    const skipped = Object.entries(r.skipped).map(([k, v]) => `${k}:${v}`).join(' ');
    const failed = Object.entries(r.failed).map(([k, v]) => `${k}:${v}`).join(' ');
    const err = r.error ? ` ERROR ${r.error.kind}: ${r.error.message}` : '';
    lines.push(`${pad(r.sourceId, 28)} ${pad(r.fetched, 8)} ${pad(r.new, 5)} ${skipped}${failed ? ' | failed ' + failed : ''}${err}`);
  }
  const t = s.totals;
  lines.push(
    `cycle ${s.cycleId}: ${s.report.sources.length} outlets, ${t.fetched} fetched, ${t.new} new, ${t.skipped} skipped, ` +
      `${t.failed} outlets with failures; ${t.mentioned} mention the municipality, ${t.critical} critical`,
  );
  return lines.join('\n');
}

export interface ServiceOptions {
  sourcesFile?: string;
  city?: string;
  port: number;
  host: string;
}

/** `kaghaz start`: scheduler + web server until SIGINT/SIGTERM; a running cycle finishes its pages first. */
export async function startService(o: ServiceOptions): Promise<void> {
  const ctx = openContext();
  const sources = resolveSources(ctx.paths, o.sourcesFile).sources;
  const profile = resolveProfile(ctx.paths, { city: o.city });
  closeInterruptedCycles(ctx.db);
  const index = createSearchIndex(ctx.db);
  const web = await startWebServer({ db: ctx.db, index, dataDir: ctx.dataDir, host: o.host, port: o.port, triageCity: profile.city });
  const log = (m: string) => console.error(`[${new Date().toISOString()}] ${m}`);
  log(`web server at ${web.url}`);
  const stages = createStages({ ctx, sources, profile, index });
  const lastAttempt = new Map<string, Date>();
  const scheduler = startScheduler(
    {
      crawlDue: async (now, signal) => {
        const due = dueSources(sources.filter((s) => s.enabled), lastAttempt, now);
        if (due.length === 0) return;
        for (const s of due) lastAttempt.set(s.id, now);
        log(`cycle: ${due.length} outlets due`);
        const summary = await runCycle(ctx.db, ctx.articles, due, stages, { signal });
        log(`cycle ${summary.cycleId} done: ${summary.totals.new} new, ${summary.totals.critical} critical`);
      },
      dailyDigest: async (now) => {
        const r = await runDailyDigest(ctx.dataDir, ctx.db, { profile, sources, now });
        log(`digest ${r.day} written to ${r.htmlPath}`);
      },
      log,
    },
    { digestTime: profile.digest.time },
  );
  await new Promise<void>((resolve) => {
    const stop = async (sig: string) => {
      log(`${sig}: stopping — finishing the running cycle`);
      await scheduler.stop();
      stages.close();
      await web.close();
      await index.close();
      ctx.close();
      log('stopped cleanly');
      resolve();
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
  });
}
