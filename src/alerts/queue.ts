// The durable send queue (table mail_queue). A message is queued once under its Message-ID,
// marked sent only after the transport accepted it, and retried with exponential backoff
// otherwise: an SMTP outage delays mail, never drops or doubles it.
import type { Db } from '../store/db.ts';
import { MailError, type Mailer } from './mailer.ts';

export type MailKind = 'alert' | 'followup' | 'morning' | 'digest';

export interface QueuedMail {
  id: string;
  kind: MailKind;
  city: string;
  clusterId: string | null;
  recipients: string[];
  subject: string;
  html: string;
  text: string;
  status: 'pending' | 'sent';
  createdAt: string;
  notBefore: string;
  nextAttemptAt: string;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
  transport: string | null;
  response: string | null;
}

interface Row {
  id: string;
  kind: MailKind;
  city: string;
  cluster_id: string | null;
  recipients: string;
  subject: string;
  html: string;
  text: string;
  status: 'pending' | 'sent';
  created_at: string;
  not_before: string;
  next_attempt_at: string;
  attempts: number;
  last_error: string | null;
  sent_at: string | null;
  transport: string | null;
  response: string | null;
}

function fromRow(r: Row): QueuedMail {
  return {
    id: r.id, kind: r.kind, city: r.city, clusterId: r.cluster_id, recipients: JSON.parse(r.recipients) as string[],
    subject: r.subject, html: r.html, text: r.text, status: r.status, createdAt: r.created_at, notBefore: r.not_before,
    nextAttemptAt: r.next_attempt_at, attempts: r.attempts, lastError: r.last_error, sentAt: r.sent_at,
    transport: r.transport, response: r.response,
  };
}

export interface NewMail {
  id: string;
  kind: MailKind;
  city: string;
  clusterId?: string | null;
  recipients: string[];
  subject: string;
  html: string;
  text: string;
  /** Not sent before this instant (quiet hours, follow-up spacing). */
  notBefore: Date;
}

/** Queues a message unless its id is queued already; returns whether it was new. */
export function enqueueMail(db: Db, m: NewMail, now: Date): boolean {
  const at = m.notBefore.toISOString();
  const info = db
    .prepare(
      `INSERT INTO mail_queue (id, kind, city, cluster_id, recipients, subject, html, text, created_at, not_before, next_attempt_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING`,
    )
    .run(m.id, m.kind, m.city, m.clusterId ?? null, JSON.stringify(m.recipients), m.subject, m.html, m.text, now.toISOString(), at, at);
  return info.changes === 1;
}

/** Rewrites a message that has not been sent yet (a morning summary or follow-up gaining items). */
export function updatePendingMail(db: Db, id: string, content: { subject: string; html: string; text: string; recipients: string[] }): boolean {
  const info = db
    .prepare(`UPDATE mail_queue SET subject = ?, html = ?, text = ?, recipients = ? WHERE id = ? AND status = 'pending'`)
    .run(content.subject, content.html, content.text, JSON.stringify(content.recipients), id);
  return info.changes === 1;
}

export function getMail(db: Db, id: string): QueuedMail | undefined {
  const r = db.prepare('SELECT * FROM mail_queue WHERE id = ?').get(id) as Row | undefined;
  return r ? fromRow(r) : undefined;
}

export function listMail(db: Db, opts: { status?: 'pending' | 'sent'; limit?: number } = {}): QueuedMail[] {
  const rows = db
    .prepare(
      `SELECT * FROM mail_queue ${opts.status ? 'WHERE status = @status' : ''}
       ORDER BY created_at DESC, id LIMIT @limit`,
    )
    .all({ status: opts.status, limit: opts.limit ?? 100 }) as Row[];
  return rows.map(fromRow);
}

/** How long a delivery run holds a message it is sending, so a second run does not send it too. */
export const SEND_LEASE_MS = 5 * 60_000;

/** Delay before the next try after `attempts` failures: 1, 2, 4 … minutes, at most 6 hours. */
export function backoffMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 3600_000);
}

export interface DeliveryReport {
  sent: string[];
  failed: { id: string; error: string; nextAttemptAt: string }[];
  /** Messages still waiting after this run (held, backing off, or not reached). */
  pending: number;
  /** True when the run stopped early because the server was unreachable. */
  stoppedEarly: boolean;
}

/**
 * Sends every due message (not_before and next_attempt_at ≤ now), oldest first. A message is
 * marked sent only after the transport accepted it; a failure records the error and pushes the
 * next attempt back. When the server is unreachable the run stops, since the rest would fail too.
 */
export async function deliverQueued(db: Db, mailer: Mailer, now: Date): Promise<DeliveryReport> {
  const nowIso = now.toISOString();
  const due = (
    db
      .prepare(
        `SELECT * FROM mail_queue WHERE status = 'pending' AND not_before <= ? AND next_attempt_at <= ?
         ORDER BY not_before, created_at, id`,
      )
      .all(nowIso, nowIso) as Row[]
  ).map(fromRow);
  const markSent = db.prepare(
    `UPDATE mail_queue SET status = 'sent', sent_at = ?, attempts = attempts + 1, transport = ?, response = ?, last_error = NULL
     WHERE id = ? AND status = 'pending'`,
  );
  const markFailed = db.prepare(`UPDATE mail_queue SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?`);
  // Claiming pushes next_attempt_at past the lease: a concurrent run (the service and a manual
  // `kaghaz alerts send`) then skips it, and a crash mid-send frees it when the lease ends.
  const claim = db.prepare(
    `UPDATE mail_queue SET next_attempt_at = ? WHERE id = ? AND status = 'pending' AND next_attempt_at = ?`,
  );
  const lease = new Date(now.getTime() + SEND_LEASE_MS).toISOString();
  const report: DeliveryReport = { sent: [], failed: [], pending: 0, stoppedEarly: false };
  for (const m of due) {
    if (m.recipients.length === 0) continue;
    if (claim.run(lease, m.id, m.nextAttemptAt).changes !== 1) continue;
    try {
      const r = await mailer.send({ messageId: m.id, to: m.recipients, subject: m.subject, html: m.html, text: m.text });
      const note = r.rejected.length ? `${r.response} (rejected: ${r.rejected.join(', ')})` : r.response;
      markSent.run(nowIso, r.transport, note, m.id);
      report.sent.push(m.id);
    } catch (err) {
      const attempts = m.attempts + 1;
      const next = new Date(now.getTime() + backoffMs(attempts)).toISOString();
      const msg = err instanceof Error ? err.message : String(err);
      markFailed.run(attempts, next, msg.slice(0, 500), m.id);
      report.failed.push({ id: m.id, error: msg, nextAttemptAt: next });
      if (err instanceof MailError && err.kind === 'unreachable') {
        report.stoppedEarly = true;
        break;
      }
    }
  }
  report.pending = db.prepare(`SELECT count(*) FROM mail_queue WHERE status = 'pending'`).pluck().get() as number;
  return report;
}
