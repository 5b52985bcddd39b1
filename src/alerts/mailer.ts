// The mail transport behind one small interface: SMTP when SMTP_URL is set, otherwise a local
// outbox folder of .eml files, so a digest or alert is never lost for want of a mail server.
// nodemailer builds the MIME (RFC 2047 subjects, UTF-8 HTML and text parts) in both cases.
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import { outboxDir } from '../context.ts';

export interface OutgoingMail {
  /** RFC 5322 Message-ID including the angle brackets; the queue's idempotency key. */
  messageId: string;
  to: string[];
  subject: string;
  html: string;
  text: string;
}

export interface SendResult {
  transport: 'smtp' | 'outbox';
  /** SMTP server reply, or the .eml path for the outbox. */
  response: string;
  accepted: string[];
  rejected: string[];
}

export interface Mailer {
  readonly kind: 'smtp' | 'outbox';
  /** Human-readable target, with any password removed. */
  readonly target: string;
  send(mail: OutgoingMail): Promise<SendResult>;
  close(): void;
}

/** A send failure, split by what it means for the queue. */
export class MailError extends Error {
  constructor(
    message: string,
    /**
     * 'unreachable': no server to talk to (the run stops; the rest would fail the same way);
     * 'temporary': a 4xx or a broken exchange; 'rejected': a 5xx, the server refused this message.
     * All three are retried with backoff: the queue never drops a message.
     */
    readonly kind: 'unreachable' | 'temporary' | 'rejected',
    /** SMTP reply code when the server answered. */
    readonly responseCode?: number,
  ) {
    super(message);
    this.name = 'MailError';
  }
}

export const DEFAULT_FROM = '"کاغذ اخبار" <kaghaz@localhost>';

export type MailEnv = Record<string, string | undefined>;

/** SMTP from env.SMTP_URL (smtp[s]://user:pass@host:port), else the outbox under dataDir. */
export function createMailer(env: MailEnv, dataDir: string): Mailer {
  const from = env.MAIL_FROM || DEFAULT_FROM;
  const url = env.SMTP_URL?.trim();
  if (url) return smtpMailer(url, from);
  return outboxMailer(outboxDir(dataDir), from);
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'SMTP_URL (unparseable)';
  }
}

const UNREACHABLE_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'EDNS', 'ECONNREFUSED', 'ECONNRESET', 'ETLS', 'EAUTH']);

function classify(err: unknown): MailError {
  const e = err as { message?: string; code?: string; responseCode?: number; errno?: string | number; syscall?: string };
  const msg = e.message ?? String(err);
  // nodemailer wraps a refused or failed connect as ESOCKET with the socket's syscall/errno.
  if (e.syscall === 'connect' || e.syscall === 'getaddrinfo' || (typeof e.errno === 'string' && UNREACHABLE_CODES.has(e.errno))) {
    return new MailError(msg, 'unreachable');
  }
  if (e.responseCode && e.responseCode >= 500 && e.code !== 'EAUTH') return new MailError(msg, 'rejected', e.responseCode);
  if (e.responseCode && e.responseCode >= 400 && e.code !== 'EAUTH') return new MailError(msg, 'temporary', e.responseCode);
  return new MailError(msg, e.code && UNREACHABLE_CODES.has(e.code) ? 'unreachable' : 'temporary', e.responseCode);
}

const addr = (a: unknown) => (typeof a === 'string' ? a : (a as { address: string }).address);

function smtpMailer(url: string, from: string): Mailer {
  let transport: Transporter | undefined;
  const get = () =>
    (transport ??= nodemailer.createTransport(url, {
      // Fail fast when the server is down: the queue retries later with backoff.
      connectionTimeout: 15000,
      greetingTimeout: 10000,
      socketTimeout: 30000,
    } as object));
  return {
    kind: 'smtp',
    target: redact(url),
    async send(m) {
      try {
        const info = await get().sendMail({ from, to: m.to, subject: m.subject, html: m.html, text: m.text, messageId: m.messageId });
        return {
          transport: 'smtp',
          response: String(info.response ?? ''),
          accepted: (info.accepted ?? []).map(addr),
          rejected: (info.rejected ?? []).map(addr),
        };
      } catch (err) {
        throw classify(err);
      }
    },
    close() {
      transport?.close();
      transport = undefined;
    },
  };
}

/** A file name for a Message-ID that is safe on every file system. */
export function emlFileName(messageId: string): string {
  return `${messageId.replace(/^<|>$/g, '').replace(/[^A-Za-z0-9._-]+/g, '_')}.eml`;
}

function outboxMailer(dir: string, from: string): Mailer {
  const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    kind: 'outbox',
    target: dir,
    async send(m) {
      mkdirSync(dir, { recursive: true });
      const path = join(dir, emlFileName(m.messageId));
      // Same Message-ID, same file: a retry after a crash never makes a second copy.
      if (!existsSync(path)) {
        const info = await builder.sendMail({ from, to: m.to, subject: m.subject, html: m.html, text: m.text, messageId: m.messageId });
        const tmp = `${path}.tmp-${process.pid}`;
        writeFileSync(tmp, info.message as Buffer);
        renameSync(tmp, path);
      }
      return { transport: 'outbox', response: path, accepted: [...m.to], rejected: [] };
    },
    close() {
      builder.close();
    },
  };
}
