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

test('the scheduled morning run writes the previous day and mails it once to the outbox', async (t) => {
  const { runDailyDigest, scheduledDigestDay } = await import('../../src/digest/daily.ts');
  const { readdirSync } = await import('node:fs');
  const { simpleParser } = await import('mailparser');
  const dir = mkdtempSync(join(tmpdir(), 'kaghaz-daily-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const now = new Date('2026-11-23T03:30:00Z'); // 07:00 Tehran, 1405/09/02
  assert.equal(scheduledDigestDay(now), '1405/09/01');
  const saved = process.env.SMTP_URL;
  delete process.env.SMTP_URL;
  t.after(() => { if (saved !== undefined) process.env.SMTP_URL = saved; });
  const db = fixtureDb();
  const r = await runDailyDigest(dir, db, { profile: PROFILE, sources: SOURCES, now, pdf: false });
  assert.equal(r.day, DAY);
  assert.equal(r.email?.queued, true);
  assert.equal(r.email?.delivery.sent.length, 1);
  await runDailyDigest(dir, db, { profile: PROFILE, sources: SOURCES, now, pdf: false });
  const files = readdirSync(join(dir, 'outbox'));
  assert.equal(files.length, 1);
  const mail = await simpleParser(readFileSync(join(dir, 'outbox', files[0])));
  assert.equal(mail.subject, 'کاغذ اخبار شهرداری تبریز، یکشنبه ۱ آذر ۱۴۰۵ — ۳ مورد انتقادی');
  // No relative font URLs in mail: they would point nowhere.
  assert.doesNotMatch(String(mail.html), /@font-face/);
  assert.match(String(mail.html), /font-family:Vazirmatn,Tahoma/);
});
