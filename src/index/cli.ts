// kaghaz search QUERY · kaghaz index rebuild · kaghaz index stats
import type { Command } from 'commander';
import { openContext, resolveSources } from '../context.ts';
import type { Source } from '../config.ts';
import { createSearchIndex, rebuildIndex } from './factory.ts';
import { QueryError } from './query.ts';
import type { SearchHit, Segment, SortOrder } from './types.ts';

function fail(message: string): void {
  console.error(`kaghaz: ${message}`);
  process.exitCode = 1;
}

const marked = (segs: Segment[]) => segs.map((s) => (s.hit ? `⟦${s.text}⟧` : s.text)).join('');

function printHit(h: SearchHit, n: number): void {
  const crit = h.critical ? ' [انتقادی]' : '';
  console.log(`${n}. ${h.day} · ${h.outletName}${crit}\n   ${marked(h.title)}\n   ${marked(h.snippet).replace(/\s+/g, ' ')}\n   ${h.url}`);
}

/** Outlet names/types/provinces for the index; a missing or broken sources file is reported, not fatal. */
export function sourcesOrWarn(paths: ReturnType<typeof openContext>['paths']): Source[] {
  try {
    return resolveSources(paths).sources;
  } catch (e) {
    console.error(`kaghaz: warning: outlets indexed by id only, sources not loaded: ${(e as Error).message.split('\n')[0]}`);
    return [];
  }
}

export function registerSearchCommands(program: Command): void {
  program
    .command('search')
    .description('search stored articles: words, "phrases", OR, -word, site: type: province: from: to: critical: entity: cluster:')
    .argument('<query...>', 'query in the editors\' syntax, e.g. «قطار شهری site:ایرنا from:1405/09/01»')
    .option('--json', 'print the result as JSON')
    .option('--limit <n>', 'results per page (1–100)', '20')
    .option('--page <n>', 'page number', '1')
    .option('--sort <order>', 'relevance or date', 'relevance')
    .action(async (words: string[], flags: { json?: boolean; limit: string; page: string; sort: string }) => {
      const perPage = Number(flags.limit);
      const page = Number(flags.page);
      if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100) return fail(`--limit must be a whole number from 1 to 100, got «${flags.limit}»`);
      if (!Number.isInteger(page) || page < 1) return fail(`--page must be a whole number from 1, got «${flags.page}»`);
      if (flags.sort !== 'relevance' && flags.sort !== 'date') return fail(`--sort must be "relevance" or "date", got «${flags.sort}»`);
      const ctx = openContext();
      const index = createSearchIndex(ctx.db);
      try {
        const r = await index.search({ query: words.join(' '), perPage, page, sort: flags.sort as SortOrder });
        if (flags.json) {
          console.log(JSON.stringify(r, null, 2));
          return;
        }
        const from = r.total === 0 ? 0 : (r.page - 1) * r.perPage + 1;
        console.log(`${r.total}${r.totalExact ? '' : '+'} results (${index.driver}, sorted by ${r.sort}, ${r.tookMs} ms); showing ${from}–${from + r.hits.length - Math.min(1, r.hits.length)}`);
        r.hits.forEach((h, i) => printHit(h, from + i));
        const o = r.facets.outlet?.slice(0, 8).map((f) => `${f.label ?? f.value} ${f.count}`).join(' · ');
        if (o) console.log(`outlets: ${o}`);
      } catch (e) {
        if (e instanceof QueryError) fail(`query: ${e.message}`);
        else fail((e as Error).message);
      } finally {
        await index.close();
        ctx.close();
      }
    });

  const idx = program.command('index').description('the search index (SQLite FTS5, or Meilisearch when MEILI_URL is set)');
  idx
    .command('rebuild')
    .description('empty the search index and re-index every stored article')
    .action(async () => {
      const ctx = openContext();
      const index = createSearchIndex(ctx.db);
      try {
        const t0 = performance.now();
        const r = await rebuildIndex(ctx.db, index, sourcesOrWarn(ctx.paths));
        const s = (performance.now() - t0) / 1000;
        console.log(`index rebuilt (${index.driver}): ${r.articles} articles, ${r.indexed} indexed, ${r.pending} waiting for Meilisearch, ${s.toFixed(1)} s`);
        if (r.unknownOutlets.length) console.error(`kaghaz: warning: outlets not in sources.json (indexed by id): ${r.unknownOutlets.join(', ')}`);
        if (r.pending) process.exitCode = 1;
      } catch (e) {
        fail((e as Error).message);
      } finally {
        await index.close();
        ctx.close();
      }
    });
  idx
    .command('stats')
    .description('documents in the index, and writes waiting for or refused by Meilisearch')
    .action(async () => {
      const ctx = openContext();
      const index = createSearchIndex(ctx.db);
      try {
        const [st, h] = await Promise.all([index.stats(), index.health()]);
        console.log(JSON.stringify({ ...st, health: h }, null, 2));
        if (!h.ok) process.exitCode = 1;
      } finally {
        await index.close();
        ctx.close();
      }
    });
}
