import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { createMailer, emlFileName } from '../../src/alerts/mailer.ts';
import { enqueueMail, deliverQueued, getMail } from '../../src/alerts/queue.ts';
import { openMemoryDb } from '../../src/store/db.ts';

test('without SMTP_URL mail goes to <data>/outbox as .eml files, one per Message-ID', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'kaghaz-outbox-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const mailer = createMailer({ SMTP_URL: '  ' }, dir);
  assert.equal(mailer.kind, 'outbox');
  const mail = {
    messageId: '<alert.tabriz.abc@kaghaz.local>',
    to: ['ravabet@shahrdari.example'],
    subject: 'هشدار: انتقاد از شهرداری تبریز',
    html: '<p dir="rtl">متن &lt;b&gt;</p>',
    text: 'متن <b>',
  };
  const r = await mailer.send(mail);
  await mailer.send(mail);
  const files = readdirSync(join(dir, 'outbox'));
  assert.deepEqual(files, [emlFileName(mail.messageId)]);
  assert.equal(r.response, join(dir, 'outbox', files[0]));
  const raw = readFileSync(r.response);
  assert.match(raw.toString('latin1'), /^Subject: =\?UTF-8\?[BQ]\?/im);
  const p = await simpleParser(raw);
  assert.equal(p.subject, mail.subject);
  assert.equal(p.messageId, mail.messageId);
  assert.equal(p.text?.trim(), 'متن <b>');
  assert.equal(String(p.html).trim(), mail.html);
  assert.equal((p.to as { value: { address: string }[] }).value[0].address, 'ravabet@shahrdari.example');
});

test('the queue marks outbox deliveries sent and reports the transport', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'kaghaz-outbox-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const db = openMemoryDb();
  const now = new Date('2026-11-22T06:00:00Z');
  const m = { id: '<digest.tabriz.14050901@kaghaz.local>', kind: 'digest' as const, city: 'tabriz', recipients: ['a@b.example'], subject: 'کاغذ اخبار', html: '<p>x</p>', text: 'x', notBefore: now };
  assert.equal(enqueueMail(db, m, now), true);
  assert.equal(enqueueMail(db, m, now), false);
  const r = await deliverQueued(db, createMailer({}, dir), now);
  assert.deepEqual(r.sent, [m.id]);
  const row = getMail(db, m.id)!;
  assert.equal(row.status, 'sent');
  assert.equal(row.transport, 'outbox');
  assert.equal(row.sentAt, now.toISOString());
});

test('two delivery runs at once send each message once', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'kaghaz-outbox-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const db = openMemoryDb();
  const now = new Date('2026-11-22T06:00:00Z');
  for (const n of [1, 2, 3]) {
    enqueueMail(db, { id: `<m${n}@kaghaz.local>`, kind: 'alert', city: 'tabriz', recipients: ['a@b.example'], subject: `پیام ${n}`, html: '<p>x</p>', text: 'x', notBefore: now }, now);
  }
  const sent: string[] = [];
  const slow = {
    kind: 'outbox' as const,
    target: 'memory',
    async send(m: { messageId: string; to: string[] }) {
      await new Promise((r) => setTimeout(r, 20));
      sent.push(m.messageId);
      return { transport: 'outbox' as const, response: 'ok', accepted: m.to, rejected: [] };
    },
    close() {},
  };
  const [a, b] = await Promise.all([deliverQueued(db, slow, now), deliverQueued(db, slow, now)]);
  assert.equal(a.sent.length + b.sent.length, 3);
  assert.deepEqual(sent.sort(), ['<m1@kaghaz.local>', '<m2@kaghaz.local>', '<m3@kaghaz.local>']);
});
