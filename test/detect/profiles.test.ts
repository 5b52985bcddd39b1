import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadProfile, loadSources } from '../../src/config.ts';
import { KNOWN_CITIES } from '../../src/detect/cities.ts';
import { createDetector } from '../../src/detect/detector.ts';
import { initProfile } from '../../src/detect/profile-init.ts';

const SHIPPED = ['tabriz', 'tehran', 'mashhad', 'shiraz'];

test('shipped profiles validate and list only outlets that exist in config/sources.json', () => {
  const ids = new Set(loadSources(join('config', 'sources.json')).sources.map((s) => s.id));
  for (const city of SHIPPED) {
    const p = loadProfile(join('config', 'profiles', `${city}.json`));
    assert.equal(p.city, city);
    for (const o of p.ownOutlets) assert.ok(ids.has(o), `${city}: own outlet ${o} missing from sources.json`);
    assert.ok(p.districts > 0);
  }
  assert.deepEqual(loadProfile(join('config', 'profiles', 'tehran.json')).ownOutlets.sort(), ['hamshahrionline', 'shahr']);
  assert.deepEqual(loadProfile(join('config', 'profiles', 'mashhad.json')).ownOutlets, ['shahraranews']);
});

test('every shipped profile finds its own municipality, mayor and districts and ignores the others', () => {
  const profiles = SHIPPED.map((c) => loadProfile(join('config', 'profiles', `${c}.json`)));
  for (const p of profiles) {
    const d = createDetector(p, { model: null });
    const body = `شهرداری ${p.cityFa} و شهردار منطقه ۲ ${p.cityFa} از طرح تازه خبر دادند.`;
    const r = d.detect({ title: '', body, publishedAt: null, sourceId: 'x' });
    assert.deepEqual(r.mentions.map((m) => m.kind), ['municipality', 'district'], p.city);
    for (const other of profiles.filter((o) => o !== p)) {
      const r2 = d.detect({ title: '', body: `شهرداری ${other.cityFa} از طرح تازه خبر داد.`, publishedAt: null, sourceId: 'x' });
      assert.equal(r2.mentioned, false, `${p.city} on ${other.city}`);
    }
  }
});

test('profile init builds a valid profile for every known city, and its names work', () => {
  for (const c of KNOWN_CITIES) {
    const p = initProfile({ city: c.slug });
    assert.equal(p.cityFa, c.fa);
    assert.ok(p.subsidiaries.length >= 10);
  }
  const karaj = createDetector(initProfile({ city: 'karaj' }), { model: null });
  const r = karaj.detect({ title: '', body: 'سازمان پسماند شهرداری کرج از طرح تفکیک زباله خبر داد.', publishedAt: null, sourceId: 'x' });
  assert.equal(r.mentions[0].kind, 'subsidiary');
});

test('the Tabriz profile resolves «شهردار تبریز» to the mayor in office on the article date', () => {
  const d = createDetector(loadProfile(join('config', 'profiles', 'tabriz.json')), { model: null });
  const who = (publishedAt: string, body = 'شهردار تبریز از پروژه‌های تازه خبر داد.') =>
    d.detect({ title: '', body, publishedAt, sourceId: 'x' }).mentions.map((m) => m.person);
  assert.deepEqual(who('2021-11-01T09:00:00Z'), ['عباس رنجبر']);
  assert.deepEqual(who('2023-05-01T09:00:00Z'), ['یعقوب هوشیار']);
  // Between the two terms the office had an acting head: no name is guessed.
  assert.deepEqual(who('2022-03-01T09:00:00Z'), [undefined]);
  // The article's own apposition outranks the profile's dates (the profile may be out of date).
  assert.deepEqual(who('2023-05-01T09:00:00Z', 'کاوه نوروزی، شهردار تبریز، از پروژه‌های تازه خبر داد.').filter(Boolean).slice(-1), ['کاوه نوروزی']);
});
