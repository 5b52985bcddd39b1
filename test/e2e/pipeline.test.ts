// End to end on the outlet farm: one cycle stores what a well-behaved crawler can reach, a
// second cycle adds nothing, broken outlets are reported with their reason while healthy ones
// are ingested, and the digest and search work from the same data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFarm, farmOutletId, type Farm } from '../farm/farm.ts';
import { runOnce } from '../../src/app.ts';
import { openContext, resolveProfile } from '../../src/context.ts';
import { configPaths, loadProfile, loadSources, profileFile } from '../../src/config.ts';
import { readdirSync } from 'node:fs';
import { simpleParser } from 'mailparser';
import { matchKey } from '../../src/normalize/index.ts';
import { writeDigest } from '../../src/digest/index.ts';
import { createSearchIndex } from '../../src/index/factory.ts';
import { todayJalali } from '../../src/digest/index.ts';

// This test is about the embedded default (SQLite FTS5); the Meilisearch driver has its own
// contract suite. Without this, a CI run with MEILI_URL set would share one Meilisearch index
// between tests.
delete process.env.MEILI_URL;
delete process.env.MEILI_API_KEY;

let farm: Farm;
let dataDir: string;
let sourcesFile: string;
const BROKEN = { [farmOutletId(2)]: 'http500', [farmOutletId(4)]: 'malformed-xml', [farmOutletId(6)]: 'redirect-loop' } as const;
const WIN1256 = farmOutletId(5);

before(async () => {
  farm = await startFarm({
    outlets: 10,
    articlesPerOutlet: 5,
    seed: 42,
    faults: { ...BROKEN, [WIN1256]: 'windows-1256' },
  });
  dataDir = mkdtempSync(join(tmpdir(), 'kaghaz-e2e-'));
  sourcesFile = join(dataDir, 'sources.json');
  farm.writeSourcesFile(sourcesFile);
});

after(async () => {
  await farm?.close();
});

// The shipped profile with recipients, as a media unit would fill it in.
const profile = () => ({
  ...loadProfile(profileFile(configPaths(), 'tabriz')),
  recipients: { digest: [], alerts: ['ravabet@shahrdari.example.org'], routes: [] },
});
const run = () => runOnce({ sourcesFile, dataDir, profile: profile(), minIntervalMs: 10 });

test('first cycle stores every reachable article once, reports broken outlets, second cycle adds none', async () => {
  const first = await run();
  const ctx = openContext({ dataDir });
  try {
    const stored = ctx.articles.list();
    const storedUrls = new Set(stored.map((a) => a.canonicalUrl));
    const reachable = farm.expected.filter((e) => e.discoverable);
    assert.ok(reachable.length >= 30, 'the farm serves enough healthy articles to make the test meaningful');
    const missing = reachable.filter((e) => !storedUrls.has(e.url)).map((e) => e.url);
    assert.deepEqual(missing, [], 'every reachable article is stored');
    assert.equal(stored.length, reachable.length, 'nothing from broken outlets, nothing twice');
    assert.equal(first.totals.new, reachable.length);

    // Broken outlets are reported with the reason, and did not stop the others.
    for (const [id, fault] of Object.entries(BROKEN)) {
      const r = first.report.sources.find((s) => s.sourceId === id);
      assert.ok(r, `outlet ${id} is in the report`);
      assert.equal(r.new, 0);
      const reported = JSON.stringify([r.error, r.failed]);
      const expectedKind = { http500: /500/, 'malformed-xml': /malformed/, 'redirect-loop': /redirect/ }[fault];
      assert.match(reported, expectedKind, `${id} (${fault}) is reported with its reason: ${reported}`);
    }

    // windows-1256 pages come out as the same Persian text.
    const win = reachable.filter((e) => e.outletId === WIN1256);
    assert.ok(win.length > 0);
    for (const e of win) {
      const a = stored.find((s) => s.canonicalUrl === e.url)!;
      assert.equal(a.titleKey, matchKey(e.title), `title of ${e.url} decoded from windows-1256`);
    }

    // Detection agrees with the farm's ground truth on its plain cases.
    const truthMention = reachable.filter((e) => e.mentionsMunicipality).length;
    const detectedMention = stored.filter((a) => a.detection.mentioned).length;
    assert.ok(Math.abs(truthMention - detectedMention) <= Math.ceil(0.1 * truthMention), `mentions ${detectedMention} vs truth ${truthMention}`);
    // Critical stories were mailed in the same cycle (to the outbox: no SMTP_URL), one per story.
    const outbox = join(dataDir, 'outbox');
    const alerts = readdirSync(outbox).filter((f) => f.startsWith('alert.'));
    const criticalStories = new Set(stored.filter((a) => a.detection.critical).map((a) => a.clusterId));
    assert.ok(alerts.length > 0, 'alerts were written');
    assert.ok(alerts.length <= criticalStories.size, `one alert per critical story (${alerts.length} for ${criticalStories.size})`);
    const mail = await simpleParser(readFileSync(join(outbox, alerts[0])));
    assert.equal((mail.to as { text: string }).text, 'ravabet@shahrdari.example.org');
    const titles = stored.filter((a) => a.detection.critical).map((a) => a.title);
    assert.ok(titles.some((t) => mail.subject?.includes(t)), `the Persian subject names a critical headline: ${mail.subject}`);
  } finally {
    ctx.close();
  }

  const second = await run();
  assert.equal(second.totals.new, 0, 'a second cycle inserts nothing');
  const ctx2 = openContext({ dataDir });
  try {
    assert.equal(ctx2.articles.count(), first.totals.new);
  } finally {
    ctx2.close();
  }
});

test('the digest lists critical items first, and search answers from the same data', async () => {
  const ctx = openContext({ dataDir });
  try {
    const profile = resolveProfile(ctx.paths, { city: 'tabriz' });
    const sources = loadSources(sourcesFile).sources;
    // The day with the most critical articles of the farm.
    const critical = ctx.articles.list({ mentionedOnly: true }).filter((a) => a.detection.critical);
    assert.ok(critical.length > 0, 'the farm has critical articles');
    const byDay = new Map<string, number>();
    for (const a of critical) {
      const d = todayJalali(new Date(a.publishedAt ?? a.fetchedAt));
      byDay.set(d, (byDay.get(d) ?? 0) + 1);
    }
    const day = [...byDay.entries()].sort((a, b) => b[1] - a[1])[0][0];
    const w = await writeDigest(ctx.dataDir, ctx.db, { profile, sources, day, pdf: false });
    assert.ok(existsSync(w.htmlPath));
    const html = readFileSync(w.htmlPath, 'utf8');
    assert.match(html, /dir="rtl"/);
    const criticalSection = html.indexOf('<section class="critical"');
    const newsSection = html.indexOf('<section class="news"');
    assert.ok(criticalSection >= 0 && newsSection >= 0);
    assert.ok(criticalSection < newsSection, 'critical items come before the rest of the news');
    const criticalHtml = html.slice(criticalSection, newsSection);
    const criticalThatDay = critical.filter((a) => todayJalali(new Date(a.publishedAt ?? a.fetchedAt)) === day);
    assert.ok(
      criticalThatDay.some((a) => criticalHtml.includes(a.title.replace(/&/g, '&amp;').replace(/</g, '&lt;'))),
      'a critical article of that day is listed in the critical section',
    );

    const index = createSearchIndex(ctx.db);
    try {
      const res = await index.search({ query: 'شهرداري تبريز' });
      assert.ok(res.total > 0, 'search with Arabic letters finds the Persian text');
      const hit = ctx.articles.get(res.hits[0].id)!;
      assert.ok(hit.detection.mentioned || /تبریز/.test(hit.title + hit.body));
    } finally {
      await index.close();
    }
  } finally {
    ctx.close();
  }
});
