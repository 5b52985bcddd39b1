import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { openDb } from '../../src/store/db.ts';
import { ArticleStore } from '../../src/store/articles.ts';
import { registerSearchCommands } from '../../src/index/cli.ts';
import { CORPUS } from './contract.ts';
import { article, SOURCES } from './fixtures.ts';

let dir: string;
const saved = { data: process.env.KAGHAZ_DATA_DIR, config: process.env.KAGHAZ_CONFIG_DIR, meili: process.env.MEILI_URL };

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'kaghaz-cli-'));
  mkdirSync(join(dir, 'config', 'profiles'), { recursive: true });
  writeFileSync(join(dir, 'config', 'sources.json'), JSON.stringify({ version: 1, sources: Object.values(SOURCES) }));
  process.env.KAGHAZ_DATA_DIR = join(dir, 'data');
  process.env.KAGHAZ_CONFIG_DIR = join(dir, 'config');
  delete process.env.MEILI_URL;
  const db = openDb(join(dir, 'data'));
  const store = new ArticleStore(db);
  for (const s of CORPUS) store.insert(article(s));
  db.close();
});
after(() => {
  for (const [k, v] of [['KAGHAZ_DATA_DIR', saved.data], ['KAGHAZ_CONFIG_DIR', saved.config], ['MEILI_URL', saved.meili]] as const)
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  rmSync(dir, { recursive: true, force: true });
});

async function run(...args: string[]): Promise<{ out: string; err: string; code: number }> {
  const program = new Command().exitOverride();
  registerSearchCommands(program);
  const out: string[] = [];
  const err: string[] = [];
  const log = console.log;
  const error = console.error;
  console.log = (...a: unknown[]) => void out.push(a.join(' '));
  console.error = (...a: unknown[]) => void err.push(a.join(' '));
  process.exitCode = 0;
  try {
    await program.parseAsync(args, { from: 'user' });
  } finally {
    console.log = log;
    console.error = error;
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { out: out.join('\n'), err: err.join('\n'), code };
}

test('index rebuild indexes every stored article with outlet names from sources.json', async () => {
  const r = await run('index', 'rebuild');
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /index rebuilt \(fts5\): 7 articles, 7 indexed, 0 waiting/);
  const again = await run('index', 'rebuild');
  assert.match(again.out, /7 articles, 7 indexed/);
  const st = await run('index', 'stats');
  assert.equal(JSON.parse(st.out).documents, 7);
});

test('search prints highlighted hits, or JSON', async () => {
  const r = await run('search', 'قطار', 'site:ایرنا');
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^1 results \(fts5/);
  assert.match(r.out, /1\. 1405\/08\/29 · ایرنا/);
  assert.match(r.out, /⟦قطار⟧/);
  const j = await run('search', '--json', '--sort', 'date', '--limit', '2', 'تبریز');
  const parsed = JSON.parse(j.out) as { total: number; hits: { id: string }[]; sort: string };
  assert.equal(parsed.total, 2);
  assert.equal(parsed.sort, 'date');
  assert.deepEqual(parsed.hits.map((h) => h.id), ['d2', 'd1']);
});

test('search reports bad queries and bad options without a stack trace', async () => {
  const q = await run('search', 'NEAR(قطار', 'شهری)');
  assert.equal(q.code, 1);
  assert.match(q.err, /^kaghaz: query: NEAR/);
  const o = await run('search', '--limit', '1000', 'قطار');
  assert.equal(o.code, 1);
  assert.match(o.err, /--limit must be/);
  const s = await run('search', '--sort', 'oldest', 'قطار');
  assert.match(s.err, /--sort must be/);
});
