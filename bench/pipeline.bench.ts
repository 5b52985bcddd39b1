// End-to-end crawl-cycle throughput on the outlet farm (articles/second, median of runs),
// per-stage time shares and peak memory, for 120, 500 and 1,000 outlets.
// The farm runs in its own process and each measured cycle in another, so the numbers are
// kaghaz's own cost, not the farm's, and each cycle's peak RSS is its own.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, fmt } from './stats.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

interface WorkerResult {
  seconds: number;
  articles: number;
  stages: Record<string, number>;
  maxRssMb: number;
}

async function startFarmProcess(outlets: number, articles: number, sourcesFile: string): Promise<() => void> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/farm/main.ts', '--outlets', String(outlets), '--articles', String(articles), '--sources', sourcesFile],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Ctrl-C') && existsSync(sourcesFile)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`farm exited early with ${code}: ${out}`)));
  });
  return () => child.kill('SIGTERM');
}

function runWorker(sourcesFile: string, dataDir: string): WorkerResult {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', 'bench/pipeline-worker.ts', sourcesFile, dataDir, '0'],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const line = out.trim().split('\n').pop()!;
  return JSON.parse(line) as WorkerResult;
}

export async function run(opts: { quick: boolean }): Promise<void> {
  const sizes = opts.quick ? [30] : [120, 500, 1000];
  const runs = opts.quick ? 1 : 3;
  const perOutlet = 10;
  console.log(`farm cycle, ${perOutlet} articles per outlet, minimum interval per host 0 ms (farm on loopback), ${runs} run(s) each`);
  console.log('outlets  articles  seconds(median)  articles/s  peak RSS MB  stage shares');
  for (const outlets of sizes) {
    const dir = mkdtempSync(join(tmpdir(), 'kaghaz-bench-pipeline-'));
    const sourcesFile = join(dir, 'sources.json');
    const stopFarm = await startFarmProcess(outlets, perOutlet, sourcesFile);
    try {
      const results: WorkerResult[] = [];
      for (let i = 0; i < runs; i++) {
        const dataDir = join(dir, `data-${i}`);
        results.push(runWorker(sourcesFile, dataDir));
        rmSync(dataDir, { recursive: true, force: true });
      }
      const secs = median(results.map((r) => r.seconds));
      const rate = median(results.map((r) => r.articles / r.seconds));
      const rss = Math.max(...results.map((r) => r.maxRssMb));
      const stageNames = Object.keys(results[0].stages);
      const shares = stageNames
        .map((s) => {
          const t = median(results.map((r) => r.stages[s] ?? 0));
          return `${s} ${fmt((100 * t) / secs, 0)}%`;
        })
        .join(', ');
      console.log(
        `${String(outlets).padEnd(8)} ${String(results[0].articles).padEnd(9)} ${fmt(secs).padEnd(16)} ${fmt(rate).padEnd(11)} ${fmt(rss, 0).padEnd(12)} ${shares}`,
      );
    } finally {
      stopFarm();
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
