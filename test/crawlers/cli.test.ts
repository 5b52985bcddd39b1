// The crawl-area CLI, run as a child process the way a user runs it (stdin, stdout, exit code).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { openDb } from '../../src/store/db.ts';
import { crawlCycle } from '../../src/crawlers/index.ts';
import { serve, html, source, articlePage, listing, rss } from './loopback.ts';

const RUNNER = `import { Command } from 'commander'; import { registerCrawlCommands } from './src/crawlers/cli.ts';
const p = new Command(); p.exitOverride(); registerCrawlCommands(p); await p.parseAsync(process.argv.slice(1), { from: 'user' });`;

function cli(args: string[], opts: { stdin?: string; env?: Record<string, string> } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', RUNNER, '--', ...args], { env: { ...process.env, ...opts.env }, cwd: process.cwd() }, (err, stdout, stderr) =>
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin!.end(opts.stdin ?? '');
  });
}

test('kaghaz extract reads a page on stdin and prints the article as JSON', async () => {
  const page = readFileSync('test/fixtures/nastooh/page.html', 'utf8');
  const r = await cli(['extract', '--url', 'https://www.hamshahrionline.ir/news/912345/kasht-nahal'], { stdin: page });
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.ok, true);
  assert.equal(out.article.sourceId, 'hamshahrionline');
  assert.equal(out.article.title, 'کاشت ده هزار نهال در کمربند سبز جنوب تهران');
  assert.equal(out.article.extractedBy, 'selectors:nastooh');

  const listingPage = readFileSync('test/fixtures/listing-nastooh/page.html', 'utf8');
  const rejected = await cli(['extract', '--url', 'https://www.hamshahrionline.ir/tags/3456/x', '--source', 'hamshahrionline'], { stdin: listingPage });
  assert.equal(rejected.code, 1);
  assert.deepEqual(JSON.parse(rejected.stdout), { ok: false, reason: 'listing-page' });

  const unknown = await cli(['extract', '--url', 'https://x.ir/news/1', '--source', 'no-such-outlet'], { stdin: page });
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /no outlet "no-such-outlet"/);
});

test('kaghaz sources check validates config and --live probes feeds and listing pages on loopback', async () => {
  const srv = await serve({
    '/rss': (_q, r) => {
      r.writeHead(200, { 'content-type': 'application/rss+xml' });
      r.end(rss([{ link: '/news/1', title: 'خبر یک' }, { link: '/news/2', title: 'خبر دو' }]));
    },
    '/': (_q, r) => html(r, listing(['/news/1', '/news/2', '/news/3'])),
    '/broken': (_q, r) => html(r, 'x', {}, 500),
  });
  const dir = mkdtempSync(join(tmpdir(), 'kaghaz-cli-'));
  try {
    const file = join(dir, 'sources.json');
    const sources = [
      source('feedy', srv.base, { feeds: [{ url: srv.base + '/rss', confidence: 'listed' }] }),
      source('listy', srv.base, { listingPages: [srv.base + '/'] }),
      source('broken', srv.base, { listingPages: [srv.base + '/broken'] }),
    ];
    writeFileSync(file, JSON.stringify({ version: 1, sources }));
    const env = { KAGHAZ_CONFIG_DIR: dir, KAGHAZ_SOURCES: file };
    const offline = await cli(['sources', 'check'], { env });
    assert.equal(offline.code, 0, offline.stderr);
    assert.match(offline.stdout, /config OK: 3 outlets/);
    assert.equal(srv.log.length, 0, 'without --live nothing is fetched');

    const live = await cli(['sources', 'check', '--live', '--min-interval', '5', '--timeout', '2000'], { env });
    assert.equal(live.code, 1);
    assert.match(live.stdout, /ok\s+feedy\s+feed\s+\S+\/rss — 2 items/);
    assert.match(live.stdout, /ok\s+listy\s+listing\s+\S+ — 3 article links/);
    assert.match(live.stdout, /FAIL broken\s+listing\s+\S+\/broken — http-500/);
    assert.match(live.stdout, /2\/3 reachable/);

    writeFileSync(file, JSON.stringify({ version: 1, sources: [{ ...sources[0], feed: [] }] }));
    const bad = await cli(['sources', 'check'], { env });
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /sources\[0\]: unknown key "feed": did you mean "feeds"\?/);
  } finally {
    await srv.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('kaghaz sources status shows health per outlet from the data directory', async () => {
  const srv = await serve({ '/': (_q, r) => html(r, listing(['/news/1'])), '/news/1': (_q, r) => html(r, articlePage('عنوان خبر آزمایشی', ['متن خبر آزمایشی.'])) });
  const dir = mkdtempSync(join(tmpdir(), 'kaghaz-status-'));
  try {
    const good = source('good', srv.base, { listingPages: [srv.base + '/'] });
    const bad = source('bad', srv.base, { listingPages: [srv.base + '/missing'] });
    writeFileSync(join(dir, 'sources.json'), JSON.stringify({ version: 1, sources: [good, bad] }));
    const db = openDb(dir);
    await crawlCycle([good, bad], { db, minIntervalMs: 1, timeoutMs: 1000, isKnown: () => false }, async () => ({ status: 'ok' }));
    db.close();
    const r = await cli(['sources', 'status', '--data', dir, '--sources', join(dir, 'sources.json'), '--json']);
    assert.equal(r.code, 0, r.stderr);
    const rows = JSON.parse(r.stdout) as { sourceId: string; consecutiveFailures: number; lastErrorKind: string | null; lastSuccessAt: string | null }[];
    const by = Object.fromEntries(rows.map((x) => [x.sourceId, x]));
    assert.equal(by.good.consecutiveFailures, 0);
    assert.ok(by.good.lastSuccessAt);
    assert.equal(by.bad.consecutiveFailures, 1);
    assert.equal(by.bad.lastErrorKind, 'http');
    const table = await cli(['sources', 'status', '--data', dir, '--sources', join(dir, 'sources.json')]);
    assert.match(table.stdout, /2 outlets, 1 failing, 0 never crawled/);
  } finally {
    await srv.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
