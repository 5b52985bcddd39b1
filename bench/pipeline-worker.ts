// One measured crawl cycle in its own process (so peak memory is this cycle's alone), against
// a farm running in ANOTHER process: what is measured is kaghaz's overhead, not the farm's.
// Usage: node --import tsx bench/pipeline-worker.ts SOURCES_FILE DATA_DIR MIN_INTERVAL_MS
// Prints one JSON line: { seconds, articles, stages: {name: seconds}, maxRssMb }.
import { performance } from 'node:perf_hooks';
import { createStages } from '../src/app.ts';
import { openContext, resolveProfile } from '../src/context.ts';
import { loadSources } from '../src/config.ts';
import { runCycle, type PipelineStages } from '../src/pipeline.ts';
import { createSearchIndex } from '../src/index/factory.ts';

const [sourcesFile, dataDir, minInterval] = process.argv.slice(2);
const ctx = openContext({ dataDir });
const sources = loadSources(sourcesFile).sources;
const profile = resolveProfile(ctx.paths, { city: 'tabriz' });
const index = createSearchIndex(ctx.db);
const stages = createStages({ ctx, sources, profile, index, minIntervalMs: Number(minInterval) });

const spent: Record<string, number> = {};
function timed<K extends keyof PipelineStages>(name: K): void {
  const f = stages[name] as unknown as (...a: unknown[]) => unknown;
  (stages as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
    const t0 = performance.now();
    const r = f(...args);
    if (r instanceof Promise) return r.finally(() => (spent[name] = (spent[name] ?? 0) + performance.now() - t0));
    spent[name] = (spent[name] ?? 0) + performance.now() - t0;
    return r;
  };
}
for (const s of ['extract', 'normalize', 'detect', 'cluster', 'index', 'afterCycle'] as const) timed(s);

const t0 = performance.now();
const summary = await runCycle(ctx.db, ctx.articles, sources, stages);
const total = performance.now() - t0;
const inStages = Object.values(spent).reduce((a, b) => a + b, 0);
const stageSeconds: Record<string, number> = { 'crawl+store (rest)': (total - inStages) / 1000 };
for (const [k, v] of Object.entries(spent)) stageSeconds[k] = v / 1000;
stages.close();
await index.close();
ctx.close();
console.log(
  JSON.stringify({
    seconds: total / 1000,
    articles: summary.totals.new,
    stages: stageSeconds,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
