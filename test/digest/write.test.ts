import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDigest, getStoredDigest, listStoredDigests } from '../../src/digest/write.ts';
import { chromiumAvailable } from '../../src/digest/pdf.ts';
import { DAY, PROFILE, SOURCES, fixtureDb } from './fixtures.ts';

test('writeDigest writes HTML, text and fonts, stores the day, and rebuilds to the same bytes', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'kaghaz-digest-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const db = fixtureDb();
  const opts = { profile: PROFILE, sources: SOURCES, day: DAY, pdf: false };
  const first = await writeDigest(dir, db, opts);
  assert.equal(first.htmlPath, join(dir, 'digests', '1405-09-01.html'));
  assert.equal(first.textPath, join(dir, 'digests', '1405-09-01.txt'));
  assert.equal(first.pdfPath, undefined);
  assert.match(first.pdfNote ?? '', /not requested/);
  assert.equal(first.totals.articles, 14);
  // The font the page points at is next to it, so the file works offline.
  assert.ok(existsSync(join(dir, 'digests', 'fonts', 'Vazirmatn-Regular.woff2')));
  assert.match(readFileSync(first.htmlPath, 'utf8'), /url\('fonts\/Vazirmatn-Regular\.woff2'\)/);

  const html1 = readFileSync(first.htmlPath);
  const text1 = readFileSync(first.textPath);
  await writeDigest(dir, db, opts);
  assert.deepEqual(readFileSync(first.htmlPath), html1);
  assert.deepEqual(readFileSync(first.textPath), text1);

  const stored = getStoredDigest(db, 'tabriz', '۱۴۰۵/۰۹/۰۱');
  assert.equal(stored?.html, html1.toString('utf8'));
  assert.equal(stored?.text, text1.toString('utf8'));
  assert.equal(stored?.issue, 22);
  assert.deepEqual(listStoredDigests(db, 'tabriz').map((s) => s.day), [DAY]);
  assert.equal(getStoredDigest(db, 'tabriz', '1405/08/30'), undefined);
});

test('PDF through Chromium, the same bytes when rebuilt', { skip: chromiumAvailable() ? false : 'Chromium not installed (apt-get install chromium)' }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'kaghaz-digest-pdf-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const db = fixtureDb();
  const r = await writeDigest(dir, db, { profile: PROFILE, sources: SOURCES, day: DAY });
  assert.ok(r.pdfPath, r.pdfNote);
  const pdf = readFileSync(r.pdfPath!);
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.ok(pdf.length > 10_000);
  await writeDigest(dir, db, { profile: PROFILE, sources: SOURCES, day: DAY });
  assert.ok(readFileSync(r.pdfPath!).equals(pdf), 'PDF bytes differ between two builds of the same day');
  assert.equal(getStoredDigest(db, 'tabriz', DAY)?.pdfPath, r.pdfPath);
});
