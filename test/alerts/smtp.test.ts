import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMailer } from '../../src/alerts/mailer.ts';
import { queueAlerts } from '../../src/alerts/alerts.ts';
import { deliverQueued, getMail, listMail } from '../../src/alerts/queue.ts';
import { writeDigest } from '../../src/digest/write.ts';
import { PROFILE, SOURCES, DAY, fixtureDb, makeArticle, tehran } from '../digest/fixtures.ts';
import { deadPort, startSmtp } from './smtp-helper.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'kaghaz-smtp-'));

const wasteSpec = {
  slug: 'waste', sourceId: 'sobh-azar', published: '2026-11-22 07:30', critical: true, severity: 'high' as const, score: 0.9,
  title: 'گلایهٔ شهروندان از انباشت پسماند در منطقهٔ ۳ تبریز',
  lead: 'ساکنان می‌گویند پسماند <b>سه روز</b> است جمع‌آوری نشده.',
  evidence: ['شهرداری تبریز سه روز است پسماند را جمع‌آوری نکرده است.'],
  mentions: [{ entity: 'منطقهٔ ۳ شهرداری تبریز', kind: 'district' as const }],
};

test('a critical item reaches its routed recipients over real SMTP: Persian subject, HTML and text parts', async (t) => {
  const smtp = await startSmtp();
  t.after(() => smtp.close());
  const db = fixtureDb([wasteSpec]);
  const article = makeArticle(wasteSpec);
  const now = new Date(tehran('2026-11-22 08:00'));
  const q = queueAlerts(db, { profile: PROFILE, sources: SOURCES, articles: [article], now });
  assert.equal(q.queued.length, 1);
  const mailer = createMailer({ SMTP_URL: smtp.url, MAIL_FROM: '"روابط عمومی" <kaghaz@shahrdari.example>' }, tmp());
  t.after(() => mailer.close());
  const r = await deliverQueued(db, mailer, now);
  assert.deepEqual(r.sent, q.queued);
  assert.equal(smtp.received.length, 1);
  const m = smtp.received[0];
  // Topic «پسماند» and district 3 both route; the default list is not added.
  assert.deepEqual(m.rcptTo.sort(), ['mantaghe3@shahrdari.example', 'pasmand@shahrdari.example']);
  assert.equal(m.parsed.subject, 'هشدار کاغذ اخبار [شدید]: گلایهٔ شهروندان از انباشت پسماند در منطقهٔ ۳ تبریز — روزنامهٔ صبح آذر');
  // RFC 2047 on the wire: the raw Subject header is ASCII.
  const rawSubject = /^Subject: (.*(?:\r\n[ \t].*)*)/m.exec(m.raw.toString('latin1'))?.[1] ?? '';
  assert.match(rawSubject, /=\?UTF-8\?[BQ]\?/i);
  assert.ok(/^[\x20-\x7e\r\n\t]*$/.test(rawSubject));
  assert.equal(m.parsed.from?.value[0].name, 'روابط عمومی');
  assert.equal(m.parsed.messageId, q.queued[0]);
  assert.match(String(m.parsed.html), /dir="rtl"/);
  assert.match(String(m.parsed.html), /پسماند &lt;b&gt;سه روز&lt;\/b&gt;/);
  assert.match(String(m.parsed.html), /مهلت جوابیه \(مادهٔ ۲۳ قانون مطبوعات\): ۱ دی ۱۴۰۵/);
  assert.match(m.parsed.text ?? '', /شهرداری تبریز سه روز است پسماند را جمع‌آوری نکرده است/);
  assert.match(m.parsed.text ?? '', /پسماند <b>سه روز<\/b>/); // the text part is plain text: no escaping, no markup
  assert.equal(getMail(db, q.queued[0])?.status, 'sent');
});

test('SMTP down: the alert stays queued with backoff, then is delivered exactly once when the server returns', async (t) => {
  const port = await deadPort();
  const db = fixtureDb([wasteSpec]);
  const t0 = new Date(tehran('2026-11-22 08:00'));
  const q = queueAlerts(db, { profile: PROFILE, sources: SOURCES, articles: [makeArticle(wasteSpec)], now: t0 });
  const id = q.queued[0];
  const mailer = createMailer({ SMTP_URL: `smtp://127.0.0.1:${port}` }, tmp());
  t.after(() => mailer.close());

  const r1 = await deliverQueued(db, mailer, t0);
  assert.deepEqual(r1.sent, []);
  assert.equal(r1.failed.length, 1);
  assert.equal(r1.stoppedEarly, true);
  let row = getMail(db, id)!;
  assert.equal(row.status, 'pending');
  assert.equal(row.attempts, 1);
  assert.match(row.lastError ?? '', /ECONNREFUSED|connect/i);
  assert.equal(row.nextAttemptAt, new Date(t0.getTime() + 60_000).toISOString());

  // Too early for the next try: nothing is attempted.
  const r2 = await deliverQueued(db, mailer, new Date(t0.getTime() + 30_000));
  assert.equal(r2.failed.length + r2.sent.length, 0);

  const r3 = await deliverQueued(db, mailer, new Date(t0.getTime() + 61_000));
  assert.equal(r3.failed.length, 1);
  row = getMail(db, id)!;
  assert.equal(row.attempts, 2);
  assert.equal(row.nextAttemptAt, new Date(t0.getTime() + 61_000 + 120_000).toISOString());

  // The same cycle finding the same article again does not queue a second alert.
  assert.deepEqual(queueAlerts(db, { profile: PROFILE, sources: SOURCES, articles: [makeArticle(wasteSpec)], now: t0 }).queued, []);

  const smtp = await startSmtp(port);
  t.after(() => smtp.close());
  const later = new Date(t0.getTime() + 3600_000);
  const r4 = await deliverQueued(db, mailer, later);
  assert.deepEqual(r4.sent, [id]);
  const r5 = await deliverQueued(db, mailer, new Date(later.getTime() + 86400_000));
  assert.deepEqual(r5.sent, []);
  assert.equal(smtp.received.length, 1);
  assert.equal(smtp.received[0].parsed.messageId, id);
  assert.equal(getMail(db, id)?.attempts, 3);
  assert.equal(listMail(db, { status: 'pending' }).length, 0);
});

test('the digest e-mail goes to the digest recipients once, with the digest as HTML and text', async (t) => {
  const smtp = await startSmtp();
  t.after(() => smtp.close());
  const dir = tmp();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const db = fixtureDb();
  const mailer = createMailer({ SMTP_URL: smtp.url }, dir);
  t.after(() => mailer.close());
  const now = new Date(tehran('2026-11-23 07:00'));
  const r = await writeDigest(dir, db, { profile: PROFILE, sources: SOURCES, day: DAY, pdf: false, email: true, mailer, now });
  assert.equal(r.email?.queued, true);
  assert.equal(r.email?.delivery.sent.length, 1);
  const again = await writeDigest(dir, db, { profile: PROFILE, sources: SOURCES, day: DAY, pdf: false, email: true, mailer, now });
  assert.equal(again.email?.queued, false);
  assert.equal(smtp.received.length, 1);
  const m = smtp.received[0];
  assert.deepEqual(m.rcptTo.sort(), ['modir@shahrdari.example', 'ravabet@shahrdari.example']);
  assert.equal(m.parsed.subject, 'کاغذ اخبار شهرداری تبریز، یکشنبه ۱ آذر ۱۴۰۵ — ۳ مورد انتقادی');
  assert.match(String(m.parsed.html), /<h2 class="crit">موارد انتقادی<\/h2>/);
  assert.match(String(m.parsed.html), /&lt;script&gt;window.__xss=1&lt;\/script&gt;/);
  assert.doesNotMatch(String(m.parsed.html), /<script>window/);
  assert.match(m.parsed.text ?? '', /مهلت جوابیه \(مادهٔ ۲۳ قانون مطبوعات\): ۱ دی ۱۴۰۵/);
});
