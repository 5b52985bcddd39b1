// The installed command as a user runs it: bin/kaghaz.js through a real child process.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startFarm, type Farm } from '../farm/farm.ts';

const BIN = join(process.cwd(), 'bin', 'kaghaz.js');
// The commands run against the embedded default (SQLite FTS5), whatever the CI environment says.
delete process.env.MEILI_URL;
delete process.env.MEILI_API_KEY;
let farm: Farm;
let work: string;
let sourcesFile: string;

/** Runs the CLI without blocking this process: the farm serving it lives in this event loop. */
function kaghaz(args: string[], env: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, KAGHAZ_DATA_DIR: join(work, 'data'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.once('close', (status) => resolve({ status, stdout, stderr })));
}

before(async () => {
  farm = await startFarm({ outlets: 4, articlesPerOutlet: 3, seed: 3, minDelayMs: 0 });
  work = mkdtempSync(join(tmpdir(), 'kaghaz-cli-'));
  sourcesFile = join(work, 'sources.json');
  farm.writeSourcesFile(sourcesFile);
});

after(async () => {
  await farm?.close();
});

test('config check exits 0 on the shipped config and 1 with file, path and fix on a broken one', async () => {
  const ok = await kaghaz(['config', 'check']);
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /config OK/);

  const bad = join(work, 'bad-config');
  mkdirSync(bad, { recursive: true });
  cpSync('config/profiles', join(bad, 'profiles'), { recursive: true });
  writeFileSync(join(bad, 'sources.json'), JSON.stringify({ version: 1, sources: [{ id: 'X Y', nameFa: 'x' }] }));
  const r = await kaghaz(['--config', bad, 'config', 'check']);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /sources\.json: sources\[0\]\.id: use lowercase latin letters/);
  assert.match(r.stderr, /sources\[0\]\.homepage/);
});

test('run --once refuses to start on invalid config, naming the file', async () => {
  const bad = join(work, 'broken.json');
  writeFileSync(bad, '{"version": 2, "sources": []}');
  const r = await kaghaz(['run', '--once', '--sources', bad]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /broken\.json: version/);
});

test('run --once crawls and prints a per-outlet summary; search answers from the same data', async () => {
  const r = await kaghaz(['run', '--once', '--sources', sourcesFile, '--min-interval', '0']);
  assert.equal(r.status, 0, r.stderr);
  for (const o of farm.outlets) assert.match(r.stdout, new RegExp(o.id));
  const stored = farm.expected.filter((e) => e.discoverable).length;
  assert.match(r.stdout, new RegExp(`${stored} new`));

  const s = await kaghaz(['search', 'شهرداری', '--json']);
  assert.equal(s.status, 0, s.stderr);
  const res = JSON.parse(s.stdout);
  assert.ok(res.total > 0);
});

test('start stops cleanly on SIGTERM: no cycle left running, and a later run loses nothing', async () => {
  const dataDir = join(work, 'service');
  const slowFarm = await startFarm({ outlets: 3, articlesPerOutlet: 6, seed: 9, minDelayMs: 150 });
  const slowSources = join(work, 'slow-sources.json');
  slowFarm.writeSourcesFile(slowSources);
  try {
    const child = spawn(process.execPath, [BIN, 'start', '--sources', slowSources, '--port', '0'], {
      env: { ...process.env, KAGHAZ_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    child.stdout.on('data', (d: Buffer) => (log += d.toString()));
    // Wait until the first cycle has started fetching, then stop mid-cycle.
    const deadline = Date.now() + 60_000;
    while (!/cycle: \d+ outlets due/.test(log) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 1500));
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    assert.equal(code, 0, log);
    assert.match(log, /stopped cleanly/);

    const db = new Database(join(dataDir, 'kaghaz.sqlite'), { readonly: true });
    const running = db.prepare(`SELECT count(*) FROM cycles WHERE status = 'running'`).pluck().get();
    db.close();
    assert.equal(running, 0, 'the interrupted cycle was closed, not left half-written');

    const again = await kaghaz(['run', '--once', '--sources', slowSources, '--min-interval', '0'], { KAGHAZ_DATA_DIR: dataDir });
    assert.equal(again.status, 0, again.stderr);
    const db2 = new Database(join(dataDir, 'kaghaz.sqlite'), { readonly: true });
    const urls = db2.prepare('SELECT canonical_url FROM articles').pluck().all() as string[];
    db2.close();
    const expected = slowFarm.expected.filter((e) => e.discoverable).map((e) => e.url).sort();
    assert.deepEqual([...urls].sort(), expected, 'after the restart every article is stored exactly once');
  } finally {
    await slowFarm.close();
  }
});
