// One contract, both transports (DESIGN principle 5): whatever the Mailer, a Persian message
// comes out the other side with the same recipients, subject, HTML and text parts and Message-ID.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { createMailer, type Mailer } from '../../src/alerts/mailer.ts';
import { startSmtp } from './smtp-helper.ts';

interface Harness {
  mailer: Mailer;
  /** What arrived for the last send: recipients on the envelope (or To header) and the parsed message. */
  lastReceived(response: string): Promise<{ to: string[]; parsed: ParsedMail }>;
  close(): Promise<void>;
}

const transports: Record<string, () => Promise<Harness>> = {
  smtp: async () => {
    const smtp = await startSmtp();
    const mailer = createMailer({ SMTP_URL: smtp.url }, mkdtempSync(join(tmpdir(), 'kaghaz-c-')));
    return {
      mailer,
      lastReceived: async () => {
        const r = smtp.received.at(-1)!;
        return { to: r.rcptTo, parsed: r.parsed };
      },
      close: async () => {
        mailer.close();
        await smtp.close();
      },
    };
  },
  outbox: async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kaghaz-c-'));
    const mailer = createMailer({}, dir);
    return {
      mailer,
      lastReceived: async (path) => {
        const parsed = await simpleParser(readFileSync(path));
        const to = (Array.isArray(parsed.to) ? parsed.to : [parsed.to]).flatMap((a) => a?.value.map((v) => v.address ?? '') ?? []);
        return { to, parsed };
      },
      close: async () => {
        mailer.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

for (const [name, make] of Object.entries(transports)) {
  describe(`mailer contract: ${name}`, () => {
    test('delivers a Persian message with HTML and text parts to every recipient', async (t) => {
      const h = await make();
      t.after(() => h.close());
      assert.equal(h.mailer.kind, name);
      const mail = {
        messageId: `<contract.${name}@kaghaz.local>`,
        to: ['modir@shahrdari.example', 'ravabet@shahrdari.example'],
        subject: 'کاغذ اخبار شهرداری تبریز، یکشنبه ۱ آذر ۱۴۰۵ — «۳» مورد انتقادی',
        html: '<!DOCTYPE html><html lang="fa" dir="rtl"><body><p>گلایهٔ شهروندان از پسماند</p></body></html>',
        text: 'گلایهٔ شهروندان از پسماند\nخط دوم',
      };
      const r = await h.mailer.send(mail);
      assert.equal(r.transport, name);
      assert.deepEqual([...r.accepted].sort(), mail.to);
      assert.deepEqual(r.rejected, []);
      const got = await h.lastReceived(r.response);
      assert.deepEqual([...got.to].sort(), mail.to);
      assert.equal(got.parsed.subject, mail.subject);
      assert.equal(got.parsed.messageId, mail.messageId);
      assert.match(String(got.parsed.html), /<p>گلایهٔ شهروندان از پسماند<\/p>/);
      assert.equal(got.parsed.text?.trim(), mail.text);
      assert.equal(got.parsed.from?.value[0].name, 'کاغذ اخبار');
    });
  });
}
