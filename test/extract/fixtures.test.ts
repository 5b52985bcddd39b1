// Golden pages: one per CMS family and one per outlet with selector overrides. Each folder in
// test/fixtures holds page.html (written for kaghaz, mirroring the family's real markup with
// its menus, latest-news lists, share bars and comments) and expected.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { SourceSchema, loadSources, type Source } from '../../src/config.ts';
import { extractArticle } from '../../src/extract/index.ts';
import { FAMILIES } from '../../src/extract/families.ts';
import { canonicalUrl } from '../../src/crawlers/canonical-url.ts';

const FIXTURES = 'test/fixtures';
const sources = loadSources('config/sources.json').sources;
const byId = new Map(sources.map((s) => [s.id, s]));

interface Expected {
  sourceId: string | null;
  source?: unknown;
  url: string;
  fetchedAt: string;
  expected: { ok: boolean; reason?: string } & Record<string, unknown>;
}

const dirs = readdirSync(FIXTURES).filter((d) => existsSync(join(FIXTURES, d, 'expected.json'))).sort();

for (const dir of dirs) {
  test(`golden page: ${dir}`, () => {
    const spec = JSON.parse(readFileSync(join(FIXTURES, dir, 'expected.json'), 'utf8')) as Expected;
    const html = readFileSync(join(FIXTURES, dir, 'page.html'), 'utf8');
    const source: Source | undefined = spec.source ? SourceSchema.parse(spec.source) : byId.get(spec.sourceId ?? '');
    assert.ok(source, `${dir}: source ${spec.sourceId} is not in config/sources.json`);
    const r = extractArticle({ html, url: spec.url, source, fetchedAt: spec.fetchedAt });
    if (!spec.expected.ok) {
      assert.deepEqual(r, { ok: false, reason: spec.expected.reason });
      return;
    }
    assert.ok(r.ok, `${dir}: rejected with ${!r.ok ? r.reason : ''}`);
    const a = r.article as unknown as Record<string, unknown>;
    for (const [key, want] of Object.entries(spec.expected)) {
      if (key === 'ok') continue;
      const wanted = key === 'canonicalUrl' ? canonicalUrl(want as string) : want;
      assert.deepEqual(a[key], wanted, `${dir}: field ${key}`);
    }
    // What a reader must never see in the body, whatever the family.
    const body = r.article.body;
    for (const junk of ['بیشتر بخوانید', 'آخرین اخبار', 'نظرات خوانندگان', 'تلگرام', 'کلیه حقوق', 'صفحه اصلی', 'اخبار مرتبط']) {
      assert.ok(!body.includes(junk), `${dir}: body contains boilerplate «${junk}»`);
    }
    assert.ok(!body.includes(r.article.title), `${dir}: title repeated in body`);
    assert.equal(r.article.sourceId, source.id);
  });
}

test('every enabled outlet has a CMS family with a golden page, or its own golden page', () => {
  const familyFixtures = new Set(dirs.filter((d) => d in FAMILIES));
  const missing: string[] = [];
  for (const s of sources.filter((x) => x.enabled)) {
    const ownFixture = dirs.includes(s.id);
    const familyCovered = s.cms in FAMILIES && familyFixtures.has(s.cms);
    if (s.selectors && !ownFixture) missing.push(`${s.id} (has selector overrides but no test/fixtures/${s.id}/)`);
    else if (!ownFixture && !familyCovered) missing.push(`${s.id} (cms "${s.cms}")`);
  }
  assert.deepEqual(missing, [], `enabled outlets without a tested extraction path:\n${missing.join('\n')}`);
});

test('every CMS family in families.ts has a golden page', () => {
  for (const family of Object.keys(FAMILIES)) assert.ok(dirs.includes(family), `no test/fixtures/${family}/`);
});

test('config/sources.json lists at least 120 enabled real outlets with Tabriz, Mashhad, Shiraz and Tehran outlets', () => {
  const enabled = sources.filter((s) => s.enabled);
  assert.ok(enabled.length >= 120, `${enabled.length} enabled`);
  for (const p of ['east-azerbaijan', 'khorasan-razavi', 'fars', 'tehran']) {
    assert.ok(sources.some((s) => s.province === p), `no outlet in ${p}`);
  }
  // Honest confidence: nothing is "verified" without a fetch, and guesses stay guesses.
  assert.ok(!sources.some((s) => s.feeds.some((f) => f.confidence === 'verified')));
  // An outlet without a feed is crawled through listing pages.
  for (const s of enabled) assert.ok(s.feeds.length > 0 || s.listingPages.length > 0, s.id);
});
