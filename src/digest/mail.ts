// The digest as an e-mail: queued once per city and day (the Message-ID is the day), for the
// profile's digest recipients. The HTML part is the digest page itself; mail clients that do
// not load web fonts fall back to Tahoma.
import type { Profile } from '../config.ts';
import type { Db } from '../store/db.ts';
import { enqueueMail } from '../alerts/queue.ts';
import { faDigits } from './jalali.ts';
import { renderDigestHtml } from './render-html.ts';
import { renderDigestText } from './render-text.ts';
import type { Digest } from './model.ts';

export const digestMessageId = (city: string, day: string) => `<digest.${city}.${day.replace(/\//g, '')}@kaghaz.local>`;

export function digestSubject(d: Digest): string {
  const crit = d.totals.criticalClusters ? ` — ${faDigits(d.totals.criticalClusters)} مورد انتقادی` : '';
  return `کاغذ اخبار شهرداری ${d.cityFa}، ${d.weekdayFa} ${d.dayFa}${crit}`;
}

/** Queues the digest e-mail; false when it was queued before or the profile names no digest recipient. */
export function queueDigestMail(db: Db, d: Digest, profile: Profile, now: Date): boolean {
  const to = [...new Set(profile.recipients.digest.map((x) => x.toLowerCase()))].sort();
  if (to.length === 0) return false;
  return enqueueMail(
    db,
    {
      id: digestMessageId(d.city, d.day), kind: 'digest', city: d.city, recipients: to, subject: digestSubject(d),
      html: renderDigestHtml(d, { fontBase: null }), text: renderDigestText(d), notBefore: now,
    },
    now,
  );
}
