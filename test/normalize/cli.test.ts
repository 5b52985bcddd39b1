import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough, Readable } from 'node:stream';
import { Command } from 'commander';
import { registerNormalizeCommands } from '../../src/normalize/cli.ts';

async function run(args: string[], input = ''): Promise<{ out: string; err: string; code: number }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  const program = new Command().exitOverride();
  registerNormalizeCommands(program, { stdin: Readable.from([input]), stdout, stderr });
  const saved = process.exitCode;
  process.exitCode = 0;
  await program.parseAsync(['node', 'kaghaz', ...args]);
  const code = Number(process.exitCode ?? 0);
  process.exitCode = saved;
  return { out, err, code };
}

test('kaghaz normalize: line by line', async () => {
  const r = await run(['normalize'], 'شهرداري تبريز\nمي روند\n');
  assert.equal(r.out, 'شهرداری تبریز\nمی\u200cروند\n');
});

test('kaghaz normalize --key: match keys', async () => {
  const r = await run(['normalize', '--key'], 'شهرداري‌ها\nبین الملل\n');
  assert.equal(r.out, 'شهرداری ها\nبین الملل\n');
});

test('kaghaz date TEXT: ISO instant, or exit 1 with the error', async () => {
  const ok = await run(['date', '۰۹ خرداد ۱۴۰۲ - ۱۲:۲۷']);
  assert.equal(ok.out, '2023-05-30T08:57:00.000Z\n');
  assert.equal(ok.code, 0);
  const bad = await run(['date', '1402/12/30']);
  assert.equal(bad.out, '');
  assert.equal(bad.code, 1);
  assert.match(bad.err, /not a Jalali date/);
  const rel = await run(['date', '--now', '2023-06-01T10:00:00Z', '۳ ساعت پیش']);
  assert.equal(rel.out, '2023-06-01T07:00:00.000Z\n');
  const badNow = await run(['date', '--now', 'soon', 'دیروز']);
  assert.equal(badNow.code, 1);
  assert.match(badNow.err, /--now/);
});

test('kaghaz date --json: one object per stdin line', async () => {
  const r = await run(['date', '--json'], '1402/03/09 - 12:27\nnonsense\n');
  const rows = r.out.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(rows[0], { input: '1402/03/09 - 12:27', date: '2023-05-30T08:57:00.000Z' });
  assert.equal(rows[1].input, 'nonsense');
  assert.equal(rows[1].date, null);
  assert.match(rows[1].error, /no date found/);
});

test('bin/kaghaz.js normalize and date (runs once the lead wires registerNormalizeCommands)', async (t) => {
  const { readFileSync, existsSync } = await import('node:fs');
  const { spawnSync } = await import('node:child_process');
  const wired = ['src/cli.ts', 'src/app-cli.ts'].some(
    (f) => existsSync(f) && /registerNormalizeCommands/.test(readFileSync(f, 'utf8')),
  );
  if (!wired) {
    t.skip('the CLI root does not call registerNormalizeCommands yet');
    return;
  }
  const norm = spawnSync(process.execPath, ['bin/kaghaz.js', 'normalize', '--key'], { input: 'شهرداري‌ها\n', encoding: 'utf8' });
  assert.equal(norm.status, 0, norm.stderr);
  assert.equal(norm.stdout, 'شهرداری ها\n');
  const ok = spawnSync(process.execPath, ['bin/kaghaz.js', 'date', '1402/03/09 - 12:27'], { encoding: 'utf8' });
  assert.equal(ok.stdout.trim(), '2023-05-30T08:57:00.000Z');
  const bad = spawnSync(process.execPath, ['bin/kaghaz.js', 'date', '1402/12/30'], { encoding: 'utf8' });
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /not a Jalali date/);
});
