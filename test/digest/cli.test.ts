import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { registerDigestCommands } from '../../src/digest/cli.ts';
import { openDb } from '../../src/store/db.ts';
import { ArticleStore } from '../../src/store/articles.ts';
import { PROFILE, SOURCES, SPECS, makeArticle } from './fixtures.ts';

async function run(args: string[]): Promise<{ out: string; err: string; code: number }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = console.log;
  const error = console.error;
  const write = process.stdout.write.bind(process.stdout);
  console.log = (...a: unknown[]) => void out.push(a.join(' '));
  console.error = (...a: unknown[]) => void err.push(a.join(' '));
  process.stdout.write = ((chunk: string) => (out.push(String(chunk)), true)) as typeof process.stdout.write;
  process.exitCode = undefined;
  try {
    const program = new Command().exitOverride();
    registerDigestCommands(program);
    await program.parseAsync(args, { from: 'user' });
  } finally {
    console.log = log;
    console.error = error;
    process.stdout.write = write;
  }
  const code = typeof process.exitCode === 'number' ? process.exitCode : 0;
  process.exitCode = undefined;
  return { out: out.join('\n'), err: err.join('\n'), code };
}

test('kaghaz digest / alerts list / alerts send against a data and config directory', async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'kaghaz-cli-'));
  const data = join(root, 'data');
  const config = join(root, 'config');
  mkdirSync(join(config, 'profiles'), { recursive: true });
  writeFileSync(join(config, 'sources.json'), JSON.stringify({ version: 1, sources: SOURCES }));
  writeFileSync(join(config, 'profiles', 'tabriz.json'), JSON.stringify(PROFILE));
  const saved = { d: process.env.KAGHAZ_DATA_DIR, c: process.env.KAGHAZ_CONFIG_DIR, s: process.env.SMTP_URL };
  process.env.KAGHAZ_DATA_DIR = data;
  process.env.KAGHAZ_CONFIG_DIR = config;
  delete process.env.SMTP_URL;
  t.after(() => {
    for (const [k, v] of [['KAGHAZ_DATA_DIR', saved.d], ['KAGHAZ_CONFIG_DIR', saved.c], ['SMTP_URL', saved.s]] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    rmSync(root, { recursive: true, force: true });
  });
  const db = openDb(data);
  const store = new ArticleStore(db);
  for (const s of SPECS) store.insert(makeArticle(s));
  db.close();

  const bad = await run(['digest', '--date', '1405/13/01']);
  assert.equal(bad.code, 1);
  assert.match(bad.err, /--date: "1405\/13\/01" is not a valid Jalali date/);

  const r = await run(['digest', '--date', '۱۴۰۵/۰۹/۰۱', '--city', 'tabriz', '--no-pdf', '--email']);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /digest 1405\/09\/01 \(tabriz, issue 22\): 14 articles, 3 critical items/);
  assert.match(r.out, /email: queued; sent 1, failed 0, pending 0/);
  assert.ok(existsSync(join(data, 'digests', '1405-09-01.html')));
  assert.equal(readdirSync(join(data, 'outbox')).length, 1);

  const stored = await run(['digest', '--date', '1405/09/01', '--stored']);
  assert.match(stored.out, /^کاغذ اخبار — مرور رسانه‌ای روزانهٔ شهرداری تبریز/);
  const missing = await run(['digest', '--date', '1405/08/01', '--stored']);
  assert.equal(missing.code, 1);
  assert.match(missing.err, /no stored digest for tabriz 1405\/08\/01/);

  const list = await run(['alerts', 'list']);
  assert.match(list.out, /^sent +digest/m);
  const json = JSON.parse((await run(['alerts', 'list', '--json'])).out) as { kind: string; status: string }[];
  assert.deepEqual(json.map((m) => [m.kind, m.status]), [['digest', 'sent']]);
  const send = await run(['alerts', 'send']);
  assert.equal(send.code, 0);
  assert.match(send.out, /via outbox .*: sent 0, failed 0, still pending 0/);

  const noCity = await run(['digest', '--city', 'nowhere', '--no-pdf']);
  assert.equal(noCity.code, 1);
  assert.match(noCity.err, /nowhere\.json: \(top level\): file not found/);
});
