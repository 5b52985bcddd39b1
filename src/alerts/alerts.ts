// queueAlerts: turn a cycle's critical articles into queued e-mails. One alert per
// republication cluster; later reprints go into one rate-limited follow-up (or, while the
// alert itself is still unsent, into the alert); alerts found in quiet hours wait in a
// morning summary. Sending is deliverQueued's job (queue.ts).
import { createHash } from 'node:crypto';
import type { Article } from '../article.ts';
import type { Profile, Source } from '../config.ts';
import type { Db } from '../store/db.ts';
import { addJalaliMonth, faDigits, formatDay, jalaliOf, longDayFa, tehranClock, timeFa } from '../digest/jalali.ts';
import { SEVERITY_FA, UNKNOWN_DATE_FA, UNKNOWN_OUTLET_FA } from '../digest/labels.ts';
import { clipText } from '../digest/escape.ts';
import { LEAD_MAX } from '../digest/build.ts';
import { evidenceToShow } from '../digest/evidence.ts';
import { enqueueMail, getMail, updatePendingMail } from './queue.ts';
import { inQuietHours, outsideQuiet, quietEnd, recipientsFor } from './routing.ts';
import { renderAlert, renderFollowup, renderMorningSummary, type AlertPayload, type ReprintPayload } from './render.ts';

/** Two mails about the same cluster are at least this far apart. */
export const FOLLOWUP_SPACING_MS = 2 * 3600_000;
/**
 * A critical article published longer ago than this raises no alert: it came from an archive
 * backfill or a late discovery, and it is in its own day's digest. A week keeps every item whose
 * rebuttal window (one month) is still mostly open, and keeps a first crawl from mailing history.
 */
export const MAX_ALERT_AGE_MS = 7 * 86_400_000;

export interface QueueAlertsOptions {
  profile: Profile;
  sources: Source[];
  /** The articles this cycle stored (new ones; repeats are ignored). */
  articles: Article[];
  now: Date;
}

export interface QueueAlertsReport {
  /** Mail ids queued new in this call. */
  queued: string[];
  /** Pending mail ids whose content grew (morning summary, unsent alert, pending follow-up). */
  updated: string[];
  /** Clusters held for the morning summary in this call. */
  held: string[];
  skipped: { articleId: string; reason: string }[];
}

interface State {
  city: string;
  clusterId: string;
  firstArticle: string;
  alertId: string;
  recipients: string[];
  payload: { alert: AlertPayload; reprints: ReprintPayload[] };
  notified: string[];
  followups: number;
  lastFollowupAt: string | null;
}

interface StateRow {
  city: string;
  cluster_id: string;
  first_article: string;
  alert_id: string;
  recipients: string;
  payload: string;
  notified: string;
  followups: number;
  last_followup_at: string | null;
}

const HOST = 'kaghaz.local';
const safe = (s: string) => s.replace(/[^A-Za-z0-9-]+/g, '_');
export const alertMessageId = (city: string, clusterId: string) => `<alert.${safe(city)}.${safe(clusterId)}@${HOST}>`;
export const followupMessageId = (city: string, clusterId: string, n: number) => `<followup.${safe(city)}.${safe(clusterId)}.${n}@${HOST}>`;
export function morningMessageId(city: string, at: Date, recipients: string[]): string {
  const c = tehranClock(at);
  const h = createHash('sha1').update(recipients.join(',')).digest('hex').slice(0, 8);
  return `<morning.${safe(city)}.${c.y}${String(c.m).padStart(2, '0')}${String(c.d).padStart(2, '0')}.${h}@${HOST}>`;
}

export function queueAlerts(db: Db, opts: QueueAlertsOptions): QueueAlertsReport {
  const { profile, now } = opts;
  const city = profile.city;
  const outletFa = new Map(opts.sources.map((s) => [s.id, s.nameFa]));
  const outlet = (id: string) => outletFa.get(id) ?? `${UNKNOWN_OUTLET_FA} (${id})`;
  const report: QueueAlertsReport = { queued: [], updated: [], held: [], skipped: [] };

  const getState = db.prepare('SELECT * FROM alert_clusters WHERE city = ? AND cluster_id = ?');
  const insertState = db.prepare(
    `INSERT INTO alert_clusters (city, cluster_id, first_article, alert_id, recipients, payload, notified, followups, last_followup_at, created_at)
     VALUES (@city, @clusterId, @firstArticle, @alertId, @recipients, @payload, @notified, @followups, @lastFollowupAt, @createdAt)`,
  );
  const saveState = db.prepare(
    `UPDATE alert_clusters SET payload = @payload, notified = @notified, followups = @followups, last_followup_at = @lastFollowupAt
     WHERE city = @city AND cluster_id = @clusterId`,
  );
  const load = (key: string): State | undefined => {
    const r = getState.get(city, key) as StateRow | undefined;
    return r && {
      city: r.city, clusterId: r.cluster_id, firstArticle: r.first_article, alertId: r.alert_id,
      recipients: JSON.parse(r.recipients) as string[], payload: JSON.parse(r.payload) as State['payload'],
      notified: JSON.parse(r.notified) as string[], followups: r.followups, lastFollowupAt: r.last_followup_at,
    };
  };
  const store = (s: State, insert: boolean) => {
    const row = {
      city: s.city, clusterId: s.clusterId, firstArticle: s.firstArticle, alertId: s.alertId,
      recipients: JSON.stringify(s.recipients), payload: JSON.stringify(s.payload), notified: JSON.stringify(s.notified),
      followups: s.followups, lastFollowupAt: s.lastFollowupAt, createdAt: now.toISOString(),
    };
    if (insert) insertState.run(row);
    else saveState.run(row);
  };

  const whenFa = (a: Article) => {
    if (a.publishedAt === null) return UNKNOWN_DATE_FA;
    const at = new Date(a.publishedAt);
    return `${faDigits(formatDay(jalaliOf(at)))} ${timeFa(at)}`;
  };
  const reach = (key: string) =>
    db.prepare('SELECT count(DISTINCT source_id) FROM articles WHERE cluster_id = ? OR id = ?').pluck().get(key, key) as number;
  const clusterMemberIds = (key: string) =>
    db.prepare('SELECT id FROM articles WHERE cluster_id = ? OR id = ?').pluck().all(key, key) as string[];

  const payloadOf = (a: Article, key: string): AlertPayload => {
    const day = jalaliOf(new Date(a.publishedAt ?? a.fetchedAt));
    return {
      clusterId: key, articleId: a.id, outletFa: outlet(a.sourceId), title: clipText(a.title, 300) || '(بدون عنوان)',
      lead: clipText(a.lead ?? '', LEAD_MAX), url: a.url,
      whenFa: whenFa(a), severity: a.detection.severity, severityFa: SEVERITY_FA[a.detection.severity],
      evidence: evidenceToShow(a.detection.evidence.map((x) => x.sentence), a),
      deadlineFa: longDayFa(addJalaliMonth(day)), deadlineApprox: a.publishedAt === null,
      reach: Math.max(1, reach(key)),
    };
  };

  const rebuildMorning = (id: string, recipients: string[]) => {
    const items = (db.prepare('SELECT payload FROM alert_clusters WHERE city = ? AND alert_id = ? ORDER BY created_at, cluster_id').pluck().all(city, id) as string[])
      .map((p) => (JSON.parse(p) as State['payload']).alert);
    return { ...renderMorningSummary(profile.cityFa, items), recipients };
  };

  const ordered = [...opts.articles].sort(
    (a, b) => (a.publishedAt ?? a.fetchedAt).localeCompare(b.publishedAt ?? b.fetchedAt) || a.id.localeCompare(b.id),
  );

  db.transaction(() => {
    for (const a of ordered) {
      if (a.detection.city && a.detection.city !== city) continue;
      const key = a.clusterId ?? a.id;
      const state = load(key);

      if (!state) {
        if (!a.detection.critical) continue;
        if (a.publishedAt !== null && now.getTime() - Date.parse(a.publishedAt) > MAX_ALERT_AGE_MS) {
          report.skipped.push({ articleId: a.id, reason: `published ${a.publishedAt}, more than 7 days ago: no alert (it is in that day's digest)` });
          continue;
        }
        const recipients = recipientsFor(profile, a);
        if (recipients.length === 0) {
          report.skipped.push({ articleId: a.id, reason: `no recipients: add recipients.alerts or a matching route to the ${city} profile` });
          continue;
        }
        const alert = payloadOf(a, key);
        const quiet = inQuietHours(profile, now);
        const sendAt = quiet ? quietEnd(profile, now) : now;
        const alertId = quiet ? morningMessageId(city, sendAt, recipients) : alertMessageId(city, key);
        const s: State = {
          city, clusterId: key, firstArticle: a.id, alertId, recipients, payload: { alert, reprints: [] },
          notified: [...new Set([a.id, ...clusterMemberIds(key)])].sort(), followups: 0, lastFollowupAt: sendAt.toISOString(),
        };
        store(s, true);
        if (quiet) {
          report.held.push(key);
          const m = rebuildMorning(alertId, recipients);
          if (enqueueMail(db, { id: alertId, kind: 'morning', city, ...m, notBefore: sendAt }, now)) report.queued.push(alertId);
          else if (updatePendingMail(db, alertId, m)) report.updated.push(alertId);
        } else {
          const m = renderAlert(profile.cityFa, alert);
          if (enqueueMail(db, { id: alertId, kind: 'alert', city, clusterId: key, recipients, ...m, notBefore: now }, now)) report.queued.push(alertId);
        }
        continue;
      }

      // A later article of an alerted cluster: a reprint to report, unless already told.
      if (state.notified.includes(a.id)) continue;
      state.notified.push(a.id);
      state.payload.alert.reach = Math.max(state.payload.alert.reach, reach(key));
      const alertMail = getMail(db, state.alertId);
      if (alertMail?.status === 'pending') {
        // The first mail has not gone out yet: let it carry the new reach instead of a second mail.
        store(state, false);
        const m = alertMail.kind === 'morning'
          ? rebuildMorning(state.alertId, state.recipients)
          : { ...renderAlert(profile.cityFa, state.payload.alert), recipients: state.recipients };
        if (updatePendingMail(db, state.alertId, m)) report.updated.push(state.alertId);
        continue;
      }
      const reprint: ReprintPayload = {
        articleId: a.id, outletFa: outlet(a.sourceId), title: clipText(a.title, 300) || '(بدون عنوان)', url: a.url, whenFa: whenFa(a), critical: a.detection.critical,
      };
      const currentId = state.followups > 0 ? followupMessageId(city, key, state.followups) : undefined;
      const current = currentId ? getMail(db, currentId) : undefined;
      if (current?.status === 'pending') {
        state.payload.reprints.push(reprint);
        store(state, false);
        const m = renderFollowup(profile.cityFa, state.payload.alert, state.payload.reprints);
        if (updatePendingMail(db, currentId!, { ...m, recipients: state.recipients })) report.updated.push(currentId!);
        continue;
      }
      const last = state.lastFollowupAt ? Date.parse(state.lastFollowupAt) : now.getTime();
      const sendAt = outsideQuiet(profile, new Date(Math.max(now.getTime(), last + FOLLOWUP_SPACING_MS)));
      state.followups += 1;
      state.lastFollowupAt = sendAt.toISOString();
      state.payload.reprints = [reprint];
      store(state, false);
      const id = followupMessageId(city, key, state.followups);
      const m = renderFollowup(profile.cityFa, state.payload.alert, state.payload.reprints);
      if (enqueueMail(db, { id, kind: 'followup', city, clusterId: key, recipients: state.recipients, ...m, notBefore: sendAt }, now)) report.queued.push(id);
    }
  })();
  const queued = new Set(report.queued);
  report.updated = [...new Set(report.updated)].filter((id) => !queued.has(id));
  return report;
}
