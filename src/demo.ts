// `npm run demo`: the whole job on synthetic outlets, with no internet and no servers.
// Starts the outlet farm (test/farm) on 127.0.0.1, writes a sources file pointing at it,
// crawls it once into the data directory, writes the digest and prints where it is.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startFarm, farmOutletId, type FaultKind } from '../test/farm/farm.ts';
import { formatCycleSummary, runOnce } from './app.ts';
import { openContext, outboxDir } from './context.ts';
import { configPaths, loadProfile, loadSources, profileFile, type Profile } from './config.ts';
import { dataDir as resolveDataDir } from './store/db.ts';
import { writeDigest, todayJalali } from './digest/index.ts';

const DEMO_MARKER = '.kaghaz-demo';

/** Refuses to wipe a data directory that holds real (non-demo) data. */
function prepareDataDir(dir: string): void {
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    if (!existsSync(join(dir, DEMO_MARKER))) {
      throw new Error(
        `${dir} already holds kaghaz data that is not from a demo; run the demo elsewhere with ` +
          `KAGHAZ_DATA_DIR=./data-demo npm run demo (or kaghaz --data DIR demo)`,
      );
    }
    rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, DEMO_MARKER), 'created by `kaghaz demo`; safe to delete\n');
}

export interface DemoOptions {
  outlets: number;
  log?: (line: string) => void;
}

export interface DemoResult {
  dataDir: string;
  digestPaths: string[];
  totals: { outlets: number; outletsWithArticles: number; articles: number; mentions: number; critical: number; clusters: number };
}

export async function runDemo(o: DemoOptions): Promise<DemoResult> {
  const log = o.log ?? ((l: string) => console.log(l));
  const dir = resolveDataDir();
  prepareDataDir(dir);
  // A few broken outlets show how faults are reported while the healthy ones are ingested.
  const faults: Record<string, FaultKind> = {};
  if (o.outlets >= 20) {
    faults[farmOutletId(3)] = 'http500';
    faults[farmOutletId(7)] = 'malformed-xml';
    faults[farmOutletId(11)] = 'bot-challenge';
    faults[farmOutletId(15)] = 'windows-1256';
  }
  const farm = await startFarm({ outlets: o.outlets, faults });
  try {
    const sourcesFile = join(dir, 'demo-sources.json');
    farm.writeSourcesFile(sourcesFile);
    log(`farm: ${farm.outlets.length} synthetic outlets on 127.0.0.1, ${farm.expected.length} articles; sources in ${sourcesFile}`);
    const started = Date.now();
    // The shipped profile has no recipients (the media unit fills them in); the demo adds
    // reserved example.org addresses so alerts and the digest e-mail land in data/outbox.
    const profile: Profile = {
      ...loadProfile(profileFile(configPaths(), 'tabriz')),
      recipients: { digest: ['modir@shahrdari.example.org'], alerts: ['ravabet-omumi@shahrdari.example.org'], routes: [] },
    };
    const summary = await runOnce({ sourcesFile, dataDir: dir, profile, minIntervalMs: 50, progress: process.stderr.isTTY });
    log(formatCycleSummary(summary));
    log(`cycle took ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const ctx = openContext({ dataDir: dir });
    try {
      const sources = loadSources(sourcesFile).sources;
      const now = new Date();
      const days = [todayJalali(new Date(now.getTime() - 24 * 3600 * 1000)), todayJalali(now)];
      const digestPaths: string[] = [];
      for (const day of days) {
        const w = await writeDigest(ctx.dataDir, ctx.db, { profile, sources, day, pdf: false, email: day === days[1] });
        digestPaths.push(w.htmlPath);
      }
      const count = (sql: string) => ctx.db.prepare(sql).pluck().get() as number;
      const totals = {
        outlets: farm.outlets.length,
        outletsWithArticles: count('SELECT count(DISTINCT source_id) FROM articles'),
        articles: count('SELECT count(*) FROM articles'),
        mentions: count('SELECT count(*) FROM articles WHERE mentioned = 1'),
        critical: count('SELECT count(*) FROM articles WHERE critical = 1'),
        clusters: count('SELECT count(*) FROM (SELECT cluster_id FROM articles GROUP BY cluster_id HAVING count(*) > 1)'),
      };
      log('');
      log(`articles: ${totals.articles} from ${totals.outletsWithArticles} of ${totals.outlets} outlets`);
      log(`about the municipality: ${totals.mentions}; critical (may need a rebuttal): ${totals.critical}`);
      log(`republication clusters (2+ outlets): ${totals.clusters}`);
      log(`digest: ${digestPaths.join('\n        ')}`);
      const outbox = outboxDir(ctx.dataDir);
      const mails = existsSync(outbox) ? readdirSync(outbox).filter((f) => f.endsWith('.eml')).length : 0;
      log(`e-mail (alerts for critical stories, today's digest): ${mails} messages in ${outbox} (no SMTP_URL set)`);
      log(`search the same data:  npx kaghaz search "شهرداری تبریز"${dir === resolveDataDir('data') ? '' : `   (with KAGHAZ_DATA_DIR=${dir})`}`);
      log(`browse it:             npx kaghaz serve`);
      log(`outlet health:         npx kaghaz sources status --sources ${sourcesFile}`);
      return { dataDir: dir, digestPaths, totals };
    } finally {
      ctx.close();
    }
  } finally {
    await farm.close();
  }
}
