// writeDigest: build the day's digest, write HTML/text/PDF under <dataDir>/digests and keep a
// copy in the database so any past day can be shown again without the files.
import { copyFileSync, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Db } from '../store/db.ts';
import { digestDir } from '../context.ts';
import { buildDigest, type DigestOptions } from './build.ts';
import type { Digest, DigestTotals } from './model.ts';
import { FONT_FILES, renderDigestHtml } from './render-html.ts';
import { renderDigestText } from './render-text.ts';
import { htmlFileToPdf } from './pdf.ts';
import { formatDay, parseJalaliDay, tehranWallToUtc } from './jalali.ts';
import { toGregorian } from 'jalaali-js';
import { createMailer, type Mailer } from '../alerts/mailer.ts';
import { deliverQueued, type DeliveryReport } from '../alerts/queue.ts';
import { queueDigestMail } from './mail.ts';

export interface WriteDigestOptions extends DigestOptions {
  /** Set false to skip the PDF (Chromium start-up costs a few seconds). Default true. */
  pdf?: boolean;
  /** Queue the digest e-mail for profile.recipients.digest and deliver what is due. */
  email?: boolean;
  /** Transport for `email`; default createMailer(process.env, dataDir) (SMTP_URL or the outbox). */
  mailer?: Mailer;
  /** Clock for the mail queue (tests); default now. Never enters the digest itself. */
  now?: Date;
}

export interface WrittenDigest {
  day: string;
  issue: number | null;
  htmlPath: string;
  textPath: string;
  pdfPath?: string;
  /** Why there is no PDF, when there is none. */
  pdfNote?: string;
  totals: DigestTotals;
  digest: Digest;
  /** With `email`: whether the mail was queued now (false: queued before, or no recipients) and the delivery run. */
  email?: { queued: boolean; delivery: DeliveryReport };
}

export interface StoredDigest {
  city: string;
  day: string;
  issue: number | null;
  html: string;
  text: string;
  totals: DigestTotals;
  htmlPath: string | null;
  textPath: string | null;
  pdfPath: string | null;
}

/** File stem of a day: «1405-09-01». */
export function digestFileStem(day: string): string {
  return formatDay(parseJalaliDay(day), '-');
}

const require = createRequire(import.meta.url);

/** The Vazirmatn webfonts shipped by the `vazirmatn` npm package. */
export function vazirmatnDir(): string {
  return join(dirname(require.resolve('vazirmatn/package.json')), 'fonts', 'webfonts');
}

/** Copies the two font files next to the digests so the HTML and PDF work offline. */
export function installFonts(dir: string): void {
  const fontsDir = join(dir, 'fonts');
  mkdirSync(fontsDir, { recursive: true });
  for (const f of Object.values(FONT_FILES)) {
    const target = join(fontsDir, f);
    if (!existsSync(target)) copyFileSync(join(vazirmatnDir(), f), target);
  }
}

function writeAtomic(path: string, data: string | Buffer): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

export async function writeDigest(dataDir: string, db: Db, opts: WriteDigestOptions): Promise<WrittenDigest> {
  const digest = buildDigest(db, opts);
  const html = renderDigestHtml(digest);
  const text = renderDigestText(digest);
  const dir = digestDir(dataDir);
  mkdirSync(dir, { recursive: true });
  installFonts(dir);
  const stem = digestFileStem(digest.day);
  const htmlPath = join(dir, `${stem}.html`);
  const textPath = join(dir, `${stem}.txt`);
  writeAtomic(htmlPath, html);
  writeAtomic(textPath, text);

  let pdfPath: string | undefined;
  let pdfNote: string | undefined;
  if (opts.pdf === false) pdfNote = 'no PDF: not requested';
  else {
    const j = parseJalaliDay(digest.day);
    const g = toGregorian(j.jy, j.jm, j.jd);
    const r = await htmlFileToPdf(htmlPath, tehranWallToUtc(g.gy, g.gm, g.gd));
    if (r.ok) {
      pdfPath = join(dir, `${stem}.pdf`);
      writeAtomic(pdfPath, r.pdf);
    } else pdfNote = r.note;
  }

  db.prepare(
    `INSERT INTO digests (city, day, issue, html, text, totals, html_path, text_path, pdf_path, built_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(city, day) DO UPDATE SET issue = excluded.issue, html = excluded.html, text = excluded.text,
       totals = excluded.totals, html_path = excluded.html_path, text_path = excluded.text_path,
       pdf_path = excluded.pdf_path, built_at = excluded.built_at`,
  ).run(digest.city, digest.day, digest.issue, html, text, JSON.stringify(digest.totals), htmlPath, textPath, pdfPath ?? null, new Date().toISOString());

  let email: WrittenDigest['email'];
  if (opts.email) {
    const now = opts.now ?? new Date();
    const queued = queueDigestMail(db, digest, opts.profile, now);
    const mailer = opts.mailer ?? createMailer(process.env, dataDir);
    try {
      email = { queued, delivery: await deliverQueued(db, mailer, now) };
    } finally {
      if (!opts.mailer) mailer.close();
    }
  }

  return { day: digest.day, issue: digest.issue, htmlPath, textPath, pdfPath, pdfNote, totals: digest.totals, digest, email };
}

interface DigestRow {
  city: string;
  day: string;
  issue: number | null;
  html: string;
  text: string;
  totals: string;
  html_path: string | null;
  text_path: string | null;
  pdf_path: string | null;
}

const fromRow = (r: DigestRow): StoredDigest => ({
  city: r.city,
  day: r.day,
  issue: r.issue,
  html: r.html,
  text: r.text,
  totals: JSON.parse(r.totals) as DigestTotals,
  htmlPath: r.html_path,
  textPath: r.text_path,
  pdfPath: r.pdf_path,
});

/** A stored digest of a past day, or undefined when that day was never written. */
export function getStoredDigest(db: Db, city: string, day: string): StoredDigest | undefined {
  const r = db.prepare('SELECT * FROM digests WHERE city = ? AND day = ?').get(city, formatDay(parseJalaliDay(day))) as DigestRow | undefined;
  return r ? fromRow(r) : undefined;
}

/** Stored days of a city, newest first (for the archive page). */
export function listStoredDigests(db: Db, city: string): { day: string; issue: number | null; totals: DigestTotals }[] {
  return (db.prepare('SELECT day, issue, totals FROM digests WHERE city = ? ORDER BY day DESC').all(city) as DigestRow[]).map((r) => ({
    day: r.day,
    issue: r.issue,
    totals: JSON.parse(r.totals) as DigestTotals,
  }));
}
