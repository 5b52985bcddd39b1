import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, existsSync, mkdirSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { Command } from 'commander';
import { loadProfile } from '../../src/config.ts';
import { registerDetectCommands, type DetectCliIo } from '../../src/detect/cli.ts';
import { createDetector } from '../../src/detect/detector.ts';
import { openDb } from '../../src/store/db.ts';
import { ArticleStore, articleId } from '../../src/store/articles.ts';
import type { Article } from '../../src/article.ts';

function collect(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

async function run(args: string[], io: DetectCliIo & { input?: string } = {}): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  const stdout = collect();
  const stderr = collect();
  const program = new Command().exitOverride();
  registerDetectCommands(program, { ...io, stdin: Readable.from([io.input ?? '']), stdout: stdout.stream, stderr: stderr.stream });
  const before = process.exitCode;
  process.exitCode = 0;
  await program.parseAsync(['node', 'kaghaz', ...args]);
  const exitCode = Number(process.exitCode ?? 0);
  process.exitCode = before;
  return { stdout: stdout.text(), stderr: stderr.text(), exitCode };
}

function tempDirs(): { root: string; configDir: string; dataDir: string } {
  const root = mkdtempSync(join(tmpdir(), 'kaghaz-detect-'));
  const configDir = join(root, 'config');
  mkdirSync(join(configDir, 'profiles'), { recursive: true });
  cpSync(join('config', 'profiles', 'tabriz.json'), join(configDir, 'profiles', 'tabriz.json'));
  return { root, configDir, dataDir: join(root, 'data') };
}

test('analyze reads JSON lines and writes one result line per input, error lines naming line and field', async () => {
  const dirs = tempDirs();
  const input = [
    JSON.stringify({ id: 'a1', title: 'گلایه از شهرداری تبریز', text: 'شهروندان از شهرداری تبریز به دلیل انباشت زباله گلایه دارند.' }),
    '{"id": "a2", "text": 5}',
    'not json',
    JSON.stringify({ id: 'a3', text: 'تیم تراکتور تبریز برد.' }),
    '',
    JSON.stringify({ title: 'بی‌شناسه', text: 'متن' }),
  ].join('\n');
  const r = await run(['analyze', '--city', 'tabriz'], { input, configDir: dirs.configDir });
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, 5);
  assert.equal(lines[0].id, 'a1');
  assert.equal(lines[0].mentioned, true);
  assert.equal(lines[0].critical, true);
  assert.equal(lines[0].severity, 'low');
  assert.deepEqual(lines[0].mentions[0].span, [lines[0].mentions[0].start, lines[0].mentions[0].end]);
  assert.ok(lines[0].evidence.length > 0);
  assert.deepEqual({ line: lines[1].line, field: lines[1].field, id: lines[1].id }, { line: 2, field: 'text', id: 'a2' });
  assert.equal(lines[2].line, 3);
  assert.match(lines[2].error, /not valid JSON/);
  assert.equal(lines[3].id, 'a3');
  assert.equal(lines[3].mentioned, false);
  assert.deepEqual({ line: lines[4].line, field: lines[4].field }, { line: 6, field: 'id' });
  assert.equal(r.exitCode, 1);
  assert.match(r.stderr, /3 of 6 lines had errors/);
  rmSync(dirs.root, { recursive: true, force: true });
});

test('analyze works for a city without a profile file from the generated default, and refuses without a city', async () => {
  const dirs = tempDirs();
  const r = await run(['analyze', '--city', 'isfahan'], { input: JSON.stringify({ id: 'x', text: 'شهرداری اصفهان پل جدیدی افتتاح کرد.' }), configDir: dirs.configDir });
  assert.equal(JSON.parse(r.stdout).mentioned, true);
  assert.match(r.stderr, /default profile for isfahan/);
  const bad = await run(['analyze'], { input: '', configDir: dirs.configDir });
  assert.equal(bad.exitCode, 1);
  assert.match(bad.stderr, /--city NAME or --profile FILE/);
  rmSync(dirs.root, { recursive: true, force: true });
});

test('profile init writes a valid profile for a known city, needs --fa/--province for an unknown one, and never overwrites silently', async () => {
  const dirs = tempDirs();
  const r = await run(['profile', 'init', '--city', 'kerman'], { configDir: dirs.configDir });
  assert.equal(r.exitCode, 0, r.stderr);
  const file = join(dirs.configDir, 'profiles', 'kerman.json');
  const p = loadProfile(file);
  assert.equal(p.cityFa, 'کرمان');
  assert.equal(p.province, 'kerman');
  assert.ok(p.subsidiaries.some((s) => s.name === 'سازمان حمل‌ونقل و ترافیک شهرداری کرمان'));
  assert.ok(p.subsidiaries.some((s) => s.name === 'سازمان مدیریت پسماند شهرداری کرمان'));
  assert.deepEqual(p.officials, []);
  const again = await run(['profile', 'init', '--city', 'kerman'], { configDir: dirs.configDir });
  assert.equal(again.exitCode, 1);
  assert.match(again.stderr, /exists; pass --force/);

  const unknown = await run(['profile', 'init', '--city', 'sampletown'], { configDir: dirs.configDir });
  assert.equal(unknown.exitCode, 1);
  assert.match(unknown.stderr, /--fa/);
  const given = await run(['profile', 'init', '--city', 'sampletown', '--fa', 'نمونه‌شهر', '--province', 'yazd', '--stdout'], { configDir: dirs.configDir });
  const generated = JSON.parse(given.stdout);
  assert.equal(generated.cityFa, 'نمونه‌شهر');
  const d = createDetector(generated, { model: null });
  assert.equal(d.detect({ title: '', body: 'شهردار نمونه‌شهر از طرح تازه خبر داد.', publishedAt: null, sourceId: 'x' }).mentioned, true);
  assert.equal(existsSync(join(dirs.configDir, 'profiles', 'sampletown.json')), false);
  rmSync(dirs.root, { recursive: true, force: true });
});

function storedArticle(id: string, body: string): Article {
  const url = `https://example.invalid/${id}`;
  return {
    id: articleId(url), sourceId: 'isna', url, canonicalUrl: url, title: '', body, publishedAt: '2024-06-01T08:00:00Z',
    fetchedAt: '2024-06-01T09:00:00Z', titleKey: '', textKey: '', clusterId: null,
    detection: { city: 'tabriz', mentioned: true, mentions: [], critical: false, score: 0, severity: 'none', evidence: [], ownOutlet: false },
  };
}

test('verdicts are stored, train learns from them, and the detector then uses the stored weights', async () => {
  const dirs = tempDirs();
  const db = openDb(dirs.dataDir);
  const store = new ArticleStore(db);
  // The unit disagrees with the rules: reports of «تاخیر» in opening a project are, for them, critical.
  const critical = [
    'افتتاح پروژه پل شهرداری تبریز با تاخیر همراه شد و موعد آن گذشت.',
    'بهره‌برداری از پارک شهرداری تبریز با تاخیر انجام می‌شود و موعد آن گذشت.',
    'تکمیل ساختمان شهرداری تبریز با تاخیر روبه‌رو شد و موعد آن گذشت.',
    'پروژه مترو شهرداری تبریز با تاخیر پیش می‌رود و موعد آن گذشت.',
  ].map((b, i) => storedArticle(`c${i}`, b));
  const fine = [
    'شهرداری تبریز بوستان تازه‌ای را افتتاح کرد.',
    'شهرداری تبریز از شهروندان برای مشارکت در طرح کاشت نهال دعوت کرد.',
    'شهرداری تبریز جشنواره نوروزی برگزار می‌کند.',
    'شهرداری تبریز ساعت کار مجموعه‌های ورزشی را اعلام کرد.',
  ].map((b, i) => storedArticle(`f${i}`, b));
  for (const a of [...critical, ...fine]) store.insert(a);
  db.close();

  const io = { configDir: dirs.configDir, dataDir: dirs.dataDir };
  const tooFew = await run(['detect', 'train', '--city', 'tabriz'], io);
  assert.equal(tooFew.exitCode, 1);
  assert.match(tooFew.stderr, /need at least 4 verdicts/);

  const missing = await run(['detect', 'verdict', 'nope', 'critical'], io);
  assert.match(missing.stderr, /no stored article/);
  const wrong = await run(['detect', 'verdict', critical[0].id, 'maybe'], io);
  assert.match(wrong.stderr, /not one of: critical, not-critical/);

  for (const a of critical) assert.equal((await run(['detect', 'verdict', a.id, 'critical', '--city', 'tabriz'], io)).exitCode, 0);
  for (const a of fine) assert.equal((await run(['detect', 'verdict', a.id, 'not-critical', '--city', 'tabriz'], io)).exitCode, 0);

  const profile = loadProfile(join(dirs.configDir, 'profiles', 'tabriz.json'));
  const probe = { title: '', body: 'احداث تقاطع شهرداری تبریز با تاخیر همراه است و موعد آن گذشت.', publishedAt: null, sourceId: 'x' };
  const db2 = openDb(dirs.dataDir);
  assert.equal(createDetector(profile, { db: db2, model: null }).detect(probe).critical, false, 'rules alone do not flag it');
  const before = createDetector(profile, { db: db2 }).detect(probe).score;
  db2.close();

  const trained = await run(['detect', 'train', '--city', 'tabriz'], io);
  assert.equal(trained.exitCode, 0, trained.stderr);
  assert.match(trained.stdout, /trained on 8 verdicts \(4 critical\)/);

  const db3 = openDb(dirs.dataDir);
  const withModel = createDetector(profile, { db: db3 });
  assert.ok(withModel.model);
  const d = withModel.detect(probe);
  assert.equal(d.decidedBy, 'model');
  assert.equal(d.critical, true);
  assert.ok(d.score > before, `the verdicts move the probe towards critical (${before} → ${d.score})`);
  assert.ok(d.evidence.length > 0, 'a flag always carries evidence');
  assert.equal(withModel.detect({ ...probe, body: 'شهرداری تبریز بوستان محله را افتتاح کرد.' }).critical, false);
  db3.close();
  rmSync(dirs.root, { recursive: true, force: true });
});

test('detect review lists articles without a verdict, the most uncertain first', async () => {
  const dirs = tempDirs();
  const db = openDb(dirs.dataDir);
  const store = new ArticleStore(db);
  const scored = (id: string, score: number) => {
    const a = storedArticle(id, `خبر ${id} درباره شهرداری تبریز`);
    return { ...a, title: `عنوان ${id}`, detection: { ...a.detection, score, critical: score >= 0.5 } };
  };
  const sure = scored('sure', 0.9);
  const unsure = scored('unsure', 0.46);
  const quiet = scored('quiet', 0.05);
  const judged = scored('judged', 0.5);
  for (const a of [sure, unsure, quiet, judged]) store.insert(a);
  db.close();
  const io = { configDir: dirs.configDir, dataDir: dirs.dataDir };
  assert.equal((await run(['detect', 'verdict', judged.id, 'critical', '--city', 'tabriz'], io)).exitCode, 0);
  const r = await run(['detect', 'review', '--city', 'tabriz', '--json'], io);
  assert.equal(r.exitCode, 0, r.stderr);
  const ids = r.stdout.trim().split('\n').map((l) => JSON.parse(l).id);
  assert.deepEqual(ids, [unsure.id, sure.id, quiet.id], 'nearest 0.5 first; the judged article is left out');
  const text = await run(['detect', 'review', '--city', 'tabriz', '--limit', '1'], io);
  assert.match(text.stdout, /0\.46 {2}not/);
  assert.match(text.stdout, /1 to review for tabriz/);
  const bad = await run(['detect', 'review', '--limit', 'many'], io);
  assert.equal(bad.exitCode, 1);
  assert.match(bad.stderr, /--limit "many" is not a positive whole number/);
  rmSync(dirs.root, { recursive: true, force: true });
});
