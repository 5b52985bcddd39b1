import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import type { Article } from '../../src/article.ts';
import { ProfileSchema } from '../../src/config.ts';
import { createMailer, type Mailer } from '../../src/alerts/mailer.ts';
import { FOLLOWUP_SPACING_MS, alertMessageId, followupMessageId, queueAlerts } from '../../src/alerts/alerts.ts';
import { deliverQueued, getMail, listMail } from '../../src/alerts/queue.ts';
import { inQuietHours, quietEnd, recipientsFor } from '../../src/alerts/routing.ts';
import { ArticleStore } from '../../src/store/articles.ts';
import { openMemoryDb } from '../../src/store/db.ts';
import { PROFILE, SOURCES, makeArticle, tehran, C, idOf, type ArticleSpec } from '../digest/fixtures.ts';

const crit = (slug: string, sourceId: string, published: string, extra: Partial<ArticleSpec> = {}): ArticleSpec => ({
  slug, sourceId, published, critical: true, severity: 'high', score: 0.9,
  title: `انتقاد از شهرداری تبریز (${slug})`, lead: 'شهروندان از کندی کار گلایه دارند.', evidence: ['شهرداری پاسخگو نیست.'], ...extra,
});
const reprint = (slug: string, sourceId: string, of: string, published: string): ArticleSpec => ({
  slug, sourceId, published, cluster: of, title: `بازنشر انتقاد از شهرداری تبریز (${slug})`,
});

function setup() {
  const db = openMemoryDb();
  const store = new ArticleStore(db);
  const dir = mkdtempSync(join(tmpdir(), 'kaghaz-alerts-'));
  const mailer = createMailer({}, dir);
  /** Stores the articles (as a crawl cycle would) and queues alerts for them. */
  const cycle = (specs: ArticleSpec[], wall: string) => {
    const articles: Article[] = specs.map(makeArticle);
    for (const a of articles) store.insert(a);
    return queueAlerts(db, { profile: PROFILE, sources: SOURCES, articles, now: new Date(tehran(wall)) });
  };
  const deliver = (wall: string, m: Mailer = mailer) => deliverQueued(db, m, new Date(tehran(wall)));
  const outbox = () => readdirSync(join(dir, 'outbox')).filter((f) => f.endsWith('.eml')).sort();
  return { db, dir, mailer, cycle, deliver, outbox, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

test('one alert per republication cluster, its reach counting reprints found in the same cycle', async (t) => {
  const s = setup();
  t.after(s.cleanup);
  const cluster = C('a', 'sobh-azar');
  const r = s.cycle([
    crit('a', 'sobh-azar', '2026-11-22 09:00', { cluster }),
    { ...crit('a2', 'eel-news', '2026-11-22 09:20'), cluster },
    reprint('a3', 'radio-tabriz', cluster, '2026-11-22 09:40'),
  ], '2026-11-22 10:00');
  assert.deepEqual(r.queued, [alertMessageId('tabriz', idOf('a', 'sobh-azar'))]);
  const mail = getMail(s.db, r.queued[0])!;
  assert.match(mail.text, /بازتاب ۳ رسانه/);
  const d = await s.deliver('2026-11-22 10:00');
  assert.equal(d.sent.length, 1);
  assert.equal(s.outbox().length, 1);
});

test('later reprints make one rate-limited follow-up instead of new alerts', async (t) => {
  const s = setup();
  t.after(s.cleanup);
  const cluster = C('b', 'sobh-azar');
  const key = idOf('b', 'sobh-azar');
  s.cycle([crit('b', 'sobh-azar', '2026-11-22 09:00', { cluster })], '2026-11-22 09:05');
  await s.deliver('2026-11-22 09:05');

  // Two reprints in two later cycles: one follow-up, held until two hours after the alert.
  const r1 = s.cycle([reprint('b1', 'eel-news', cluster, '2026-11-22 09:30')], '2026-11-22 09:35');
  assert.deepEqual(r1.queued, [followupMessageId('tabriz', key, 1)]);
  const r2 = s.cycle([{ ...crit('b2', 'keshvar', '2026-11-22 10:00'), cluster }], '2026-11-22 10:05');
  assert.deepEqual(r2.queued, []);
  assert.deepEqual(r2.updated, [followupMessageId('tabriz', key, 1)]);
  const f1 = getMail(s.db, followupMessageId('tabriz', key, 1))!;
  assert.equal(f1.notBefore, new Date(Date.parse(tehran('2026-11-22 09:05')) + FOLLOWUP_SPACING_MS).toISOString());
  assert.match(f1.subject, /۲ بازنشر تازه/);
  assert.match(f1.text, /پایگاه خبری ائل/);
  assert.match(f1.text, /روزنامهٔ کشور .* انتقادی/);
  assert.match(f1.text, /اکنون در ۳ رسانه/);

  assert.equal((await s.deliver('2026-11-22 10:30')).sent.length, 0); // rate limit holds it
  assert.deepEqual((await s.deliver('2026-11-22 11:06')).sent, [f1.id]);

  // The same article again (a re-crawl) is not news; a new reprint opens follow-up 2, two hours later.
  assert.deepEqual(s.cycle([reprint('b1', 'eel-news', cluster, '2026-11-22 09:30')], '2026-11-22 11:10').queued, []);
  const r3 = s.cycle([reprint('b3', 'avaye-shahr', cluster, '2026-11-22 11:20')], '2026-11-22 11:25');
  assert.deepEqual(r3.queued, [followupMessageId('tabriz', key, 2)]);
  assert.equal(getMail(s.db, r3.queued[0])!.notBefore, new Date(Date.parse(tehran('2026-11-22 11:05')) + FOLLOWUP_SPACING_MS).toISOString());
  assert.equal(s.outbox().length, 2);
});

test('a reprint found while the alert is still unsent updates the alert instead of adding a mail', async (t) => {
  const s = setup();
  t.after(s.cleanup);
  const cluster = C('c', 'sobh-azar');
  const [id] = s.cycle([crit('c', 'sobh-azar', '2026-11-22 09:00', { cluster })], '2026-11-22 09:05').queued;
  assert.match(getMail(s.db, id)!.text, /بازتاب ۱ رسانه/);
  const r = s.cycle([reprint('c1', 'eel-news', cluster, '2026-11-22 09:10')], '2026-11-22 09:15');
  assert.deepEqual(r.queued, []);
  assert.deepEqual(r.updated, [id]);
  assert.match(getMail(s.db, id)!.text, /بازتاب ۲ رسانه/);
  assert.equal(listMail(s.db).length, 1);
});

test('quiet hours: no alert at night, one morning summary with every critical cluster at the end of quiet hours', async (t) => {
  const s = setup();
  t.after(s.cleanup);
  const r1 = s.cycle([crit('n1', 'sobh-azar', '2026-11-23 01:40')], '2026-11-23 01:45');
  const r2 = s.cycle([crit('n2', 'keshvar', '2026-11-23 03:10', { title: 'انتقاد شبانه از پسماند شهرداری تبریز' })], '2026-11-23 03:15');
  assert.equal(r1.held.length, 1);
  assert.equal(r2.held.length, 1);
  // n2 is about waste and routes elsewhere: it gets its own summary; n1 and n3 share the default one.
  assert.equal(r1.queued.length, 1);
  assert.equal(r2.queued.length, 1);
  const morningId = r1.queued[0];
  assert.match(morningId, /^<morning\.tabriz\.20261123\./);
  const r3 = s.cycle([crit('n3', 'eel-news', '2026-11-23 04:00')], '2026-11-23 04:05');
  assert.deepEqual(r3.updated, [morningId]);
  const summary = getMail(s.db, morningId)!;
  assert.equal(summary.kind, 'morning');
  assert.equal(summary.notBefore, new Date(tehran('2026-11-23 06:30')).toISOString());
  assert.match(summary.subject, /۲ خبر انتقادی/);

  assert.deepEqual((await s.deliver('2026-11-23 05:00')).sent, []);
  const d = await s.deliver('2026-11-23 06:31');
  assert.deepEqual(d.sent.sort(), [morningId, ...r2.queued].sort());
  const files = s.outbox();
  const parsed = await Promise.all(files.map((f) => simpleParser(readFileSync(join(s.dir, 'outbox', f)))));
  const morning = parsed.find((p) => p.messageId === morningId)!;
  assert.match(morning.text ?? '', /\(n1\)/);
  assert.match(morning.text ?? '', /\(n3\)/);
});

test('quiet-hour windows in Tehran time, across midnight', () => {
  const at = (wall: string) => new Date(tehran(wall));
  assert.equal(inQuietHours(PROFILE, at('2026-11-22 22:59')), false);
  assert.equal(inQuietHours(PROFILE, at('2026-11-22 23:00')), true);
  assert.equal(inQuietHours(PROFILE, at('2026-11-23 06:29')), true);
  assert.equal(inQuietHours(PROFILE, at('2026-11-23 06:30')), false);
  assert.equal(quietEnd(PROFILE, at('2026-11-22 23:30')).toISOString(), at('2026-11-23 06:30').toISOString());
  assert.equal(quietEnd(PROFILE, at('2026-11-23 02:00')).toISOString(), at('2026-11-23 06:30').toISOString());
  const day = ProfileSchema.parse({ ...PROFILE, alerts: { quietHours: { start: '13:00', end: '15:00' } } });
  assert.equal(inQuietHours(day, at('2026-11-22 14:00')), true);
  assert.equal(inQuietHours(day, at('2026-11-22 16:00')), false);
  assert.equal(inQuietHours(ProfileSchema.parse({ ...PROFILE, alerts: {} }), at('2026-11-22 03:00')), false);
});

test('routing: topic words (with Persian suffixes) and districts pick named recipients; otherwise the default', () => {
  const route = (spec: Partial<ArticleSpec>) =>
    recipientsFor(PROFILE, makeArticle({ slug: 'r', sourceId: 'keshvar', published: '2026-11-22 10:00', title: 'انتقاد از شهرداری تبریز', ...spec }));
  assert.deepEqual(route({ lead: 'پسماندهای محله جمع نشده است.' }), ['pasmand@shahrdari.example']);
  assert.deepEqual(route({ title: 'گلایه از شهرداری منطقهٔ ۳ تبریز' }), ['mantaghe3@shahrdari.example']);
  assert.deepEqual(route({ mentions: [{ entity: 'منطقه 3 شهرداری تبریز', kind: 'district' }] }), ['mantaghe3@shahrdari.example']);
  assert.deepEqual(route({ title: 'گلایه از شهرداری منطقهٔ ۱۳ تبریز' }), ['ravabet@shahrdari.example']);
  assert.deepEqual(route({ lead: 'ناپسماندی' }), ['ravabet@shahrdari.example']); // inside a word: no match
  assert.deepEqual(route({}), ['ravabet@shahrdari.example']);
});

test('nothing to send: non-critical news, other cities, and no recipients are reported, not queued', (t) => {
  const s = setup();
  t.after(s.cleanup);
  assert.deepEqual(s.cycle([{ slug: 'ok', sourceId: 'keshvar', published: '2026-11-22 10:00', title: 'خبر شهرداری تبریز' }], '2026-11-22 10:05').queued, []);
  const other = makeArticle(crit('m', 'keshvar', '2026-11-22 10:00'));
  other.detection.city = 'mashhad';
  assert.deepEqual(queueAlerts(s.db, { profile: PROFILE, sources: SOURCES, articles: [other], now: new Date() }).queued, []);
  const old = s.cycle([crit('old', 'keshvar', '2026-11-10 10:00')], '2026-11-22 10:05');
  assert.equal(old.queued.length, 0);
  assert.match(old.skipped[0].reason, /more than 7 days ago/);
  const lonely = ProfileSchema.parse({ ...PROFILE, recipients: { digest: [], alerts: [], routes: [] } });
  const r = queueAlerts(s.db, { profile: lonely, sources: SOURCES, articles: [makeArticle(crit('z', 'keshvar', '2026-11-22 10:00'))], now: new Date(tehran('2026-11-22 10:05')) });
  assert.equal(r.queued.length, 0);
  assert.match(r.skipped[0].reason, /no recipients: add recipients\.alerts/);
  assert.equal(listMail(s.db).length, 0);
});
