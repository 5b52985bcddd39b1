// Crawl-area commands: `kaghaz extract`, `kaghaz sources status`, `kaghaz sources check [--live]`.
import type { Command } from 'commander';
import { checkConfig, configPaths, formatProblems, loadSources, SourceSchema, type Source } from '../config.ts';
import { openDb } from '../store/db.ts';
import { dataDir as resolveDataDir } from '../store/db.ts';
import { extractArticle } from '../extract/index.ts';
import { healthTable } from './health.ts';
import { HostGate } from './host-gate.ts';
import { httpGet, type HttpOptions } from './http.ts';
import { RobotsCache } from './robots.ts';
import { decodeBytes } from './charset.ts';
import { parseFeed } from './feeds.ts';
import { articleLinks } from './listing.ts';
import { toFetchError } from './errors.ts';
import { DEFAULT_USER_AGENT } from './cycle.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return decodeBytes(Buffer.concat(chunks)).text;
}

function sourcesOrEmpty(file: string): Source[] {
  try {
    return loadSources(file).sources;
  } catch {
    return [];
  }
}

/** The outlet for a URL: --source, else the outlet whose homepage host matches, else a generic stand-in. */
export function sourceForUrl(url: string, sources: Source[], id?: string): Source {
  if (id) {
    const s = sources.find((x) => x.id === id);
    if (!s) throw new Error(`--source: no outlet "${id}" in the sources file; see config/sources.json for ids`);
    return s;
  }
  const host = new URL(url).host.replace(/^www\./, '');
  const hit = sources.find((s) => new URL(s.homepage).host.replace(/^www\./, '') === host);
  return (
    hit ??
    SourceSchema.parse({
      id: host.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'unknown',
      nameFa: host,
      nameEn: host,
      homepage: new URL(url).origin + '/',
      type: 'site',
      scope: 'national',
      cms: 'unknown',
      enabled: false,
    })
  );
}

function pad(s: string | number, n: number): string {
  return String(s).padEnd(n);
}

export interface LiveCheck {
  sourceId: string;
  url: string;
  kind: 'feed' | 'listing';
  ok: boolean;
  detail: string;
}

/** Probes every feed and listing page of the given outlets once, politely. */
export async function checkLive(sources: Source[], o: { userAgent?: string; timeoutMs?: number; minIntervalMs?: number } = {}): Promise<LiveCheck[]> {
  const http: HttpOptions = {
    userAgent: o.userAgent ?? DEFAULT_USER_AGENT,
    timeoutMs: o.timeoutMs ?? 15_000,
    maxBytes: 5_000_000,
    minIntervalMs: o.minIntervalMs ?? 2000,
    gate: new HostGate(),
  };
  const robots = new RobotsCache(http);
  const out: LiveCheck[] = [];
  for (const s of sources) {
    const targets = [...s.feeds.map((f) => ({ url: f.url, kind: 'feed' as const })), ...s.listingPages.map((url) => ({ url, kind: 'listing' as const }))];
    for (const t of targets) {
      try {
        await robots.check(t.url);
        const res = await httpGet(t.url, http);
        const text = decodeBytes(res.bytes, res.headers['content-type'], s.encoding).text;
        const n = t.kind === 'feed' ? (await parseFeed(text, res.finalUrl)).length : articleLinks(text, res.finalUrl, s).length;
        out.push({ sourceId: s.id, url: t.url, kind: t.kind, ok: true, detail: `${n} ${t.kind === 'feed' ? 'items' : 'article links'}` });
      } catch (e) {
        const err = toFetchError(e, t.url);
        out.push({ sourceId: s.id, url: t.url, kind: t.kind, ok: false, detail: `${err.reason}: ${err.message}` });
      }
    }
  }
  return out;
}

export function registerCrawlCommands(program: Command): void {
  program
    .command('extract')
    .description('extract one article from an HTML page on stdin and print it as JSON')
    .requiredOption('--url <url>', 'the URL the page was fetched from')
    .option('--source <id>', 'outlet id in the sources file (default: matched by host)')
    .option('--sources <file>', 'sources file (default config/sources.json)')
    .action(async (o: { url: string; source?: string; sources?: string }) => {
      const sources = sourcesOrEmpty(o.sources ?? configPaths().sourcesFile);
      let source: Source;
      try {
        source = sourceForUrl(o.url, sources, o.source);
      } catch (e) {
        console.error((e as Error).message);
        process.exitCode = 2;
        return;
      }
      const html = await readStdin();
      const r = extractArticle({ html, url: o.url, source, fetchedAt: new Date().toISOString() });
      console.log(JSON.stringify(r, null, 2));
      if (!r.ok) process.exitCode = 1;
    });

  const sources = program.command('sources').description('outlets: health and configuration checks');
  sources
    .command('status')
    .description('health per outlet: last success, last error, consecutive failures, articles per day, extraction completeness')
    .option('--sources <file>', 'sources file (default config/sources.json)')
    .option('--data <dir>', 'data directory (default KAGHAZ_DATA_DIR or ./data)')
    .option('--json', 'print JSON')
    .option('--failing', 'only outlets whose last attempt failed')
    .action((o: { sources?: string; data?: string; json?: boolean; failing?: boolean }) => {
      const file = o.sources ?? configPaths().sourcesFile;
      const list = loadSources(file).sources.filter((s) => s.enabled);
      const db = openDb(resolveDataDir(o.data));
      try {
        let rows = healthTable(db, list.map((s) => s.id));
        if (o.failing) rows = rows.filter((r) => r.consecutiveFailures > 0);
        if (o.json) {
          console.log(JSON.stringify(rows, null, 2));
          return;
        }
        console.log(`${pad('outlet', 24)} ${pad('last success', 21)} ${pad('fails', 5)} ${pad('per day', 7)} ${pad('complete', 8)} last error`);
        for (const r of rows) {
          const complete = r.completeness === null ? '-' : `${Math.round(r.completeness * 100)}%`;
          const err = r.lastErrorKind ? `${r.lastErrorKind} (${r.lastErrorAt?.slice(0, 16)}): ${(r.lastError ?? '').slice(0, 80)}` : '';
          console.log(`${pad(r.sourceId, 24)} ${pad(r.lastSuccessAt?.slice(0, 19) ?? 'never', 21)} ${pad(r.consecutiveFailures, 5)} ${pad(r.articlesPerDay, 7)} ${pad(complete, 8)} ${err}`);
        }
        const failing = rows.filter((r) => r.consecutiveFailures > 0).length;
        console.log(`${rows.length} outlets, ${failing} failing, ${rows.filter((r) => !r.lastAttemptAt).length} never crawled`);
      } finally {
        db.close();
      }
    });
  sources
    .command('check')
    .description('validate config/sources.json and profiles; --live also probes every feed and listing page once')
    .option('--live', 'fetch each feed/listing page (polite, honest User-Agent)')
    .option('--only <ids>', 'comma-separated outlet ids to probe with --live')
    .option('--timeout <ms>', 'per-request timeout for --live', (v) => Number(v), 15_000)
    .option('--min-interval <ms>', 'minimum ms between requests to one host for --live', (v) => Number(v), 2000)
    .action(async (o: { live?: boolean; only?: string; timeout: number; minInterval: number }) => {
      const paths = configPaths();
      const problems = checkConfig(paths);
      if (problems.length) {
        console.error(formatProblems(problems));
        process.exitCode = 1;
        return;
      }
      const all = loadSources(paths.sourcesFile).sources;
      console.log(`config OK: ${all.length} outlets (${all.filter((s) => s.enabled).length} enabled)`);
      if (!o.live) return;
      const only = o.only?.split(',').map((s) => s.trim()).filter(Boolean);
      const chosen = all.filter((s) => (only ? only.includes(s.id) : s.enabled));
      const results = await checkLive(chosen, { timeoutMs: o.timeout, minIntervalMs: o.minInterval });
      for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${pad(r.sourceId, 24)} ${pad(r.kind, 7)} ${r.url} — ${r.detail}`);
      const failed = results.filter((r) => !r.ok).length;
      console.log(`${results.length - failed}/${results.length} reachable`);
      if (failed) process.exitCode = 1;
    });
}
