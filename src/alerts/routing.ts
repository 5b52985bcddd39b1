// Who gets an alert, and when: routes by topic word or district, the default list otherwise;
// quiet hours in Tehran time.
import type { Article } from '../article.ts';
import type { Profile } from '../config.ts';
import { matchKey } from '../normalize/index.ts';
import { tehranClock, tehranMinuteOfDay, tehranWallToUtc, toLatinDigits } from '../digest/jalali.ts';

/** District numbers an article is about: district mentions first, «منطقهٔ ۳» in title/lead as a fallback. */
export function districtsOf(a: Article): number[] {
  const found = new Set<number>();
  const grab = (text: string, needWord: boolean) => {
    const t = toLatinDigits(text);
    const re = needWord ? /منطقه\S*\s*(\d{1,2})(?!\d)/g : /(\d{1,2})(?!\d)/g;
    for (const m of t.matchAll(re)) found.add(Number(m[1]));
  };
  for (const m of a.detection.mentions) if (m.kind === 'district') grab(m.entity, false);
  if (found.size === 0) grab(`${a.title} ${a.lead ?? ''}`, true);
  return [...found].sort((x, y) => x - y);
}

/**
 * A topic word matches at the start of a token of the article's match key, so «پسماند» also
 * catches «پسماندها» and «پسماندهای» (Persian suffixes), but not a word that merely contains it.
 */
export function topicMatches(a: Article, topic: string): boolean {
  const key = matchKey(topic);
  if (!key) return false;
  const text = ` ${a.textKey || matchKey(`${a.title} ${a.lead ?? ''} ${a.body}`)}`;
  return text.includes(` ${key}`);
}

/** Recipients of an alert about `a`: every matching route's list, else the default alert list. */
export function recipientsFor(profile: Profile, a: Article): string[] {
  const districts = districtsOf(a);
  const out = new Set<string>();
  for (const r of profile.recipients.routes) {
    const byTopic = r.topics.some((t) => topicMatches(a, t));
    const byDistrict = r.districts.some((d) => districts.includes(d));
    if (byTopic || byDistrict) for (const to of r.to) out.add(to.toLowerCase());
  }
  if (out.size === 0) for (const to of profile.recipients.alerts) out.add(to.toLowerCase());
  return [...out].sort();
}

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
};

/** True when `now` is inside the profile's quiet hours (Tehran time; the window may span midnight). */
export function inQuietHours(profile: Profile, now: Date): boolean {
  const q = profile.alerts.quietHours;
  if (!q) return false;
  const s = minutes(q.start);
  const e = minutes(q.end);
  if (s === e) return false;
  const m = tehranMinuteOfDay(now);
  return s < e ? m >= s && m < e : m >= s || m < e;
}

/** The next end of quiet hours after `now` (the morning summary goes out then). */
export function quietEnd(profile: Profile, now: Date): Date {
  const q = profile.alerts.quietHours;
  if (!q) return now;
  const e = minutes(q.end);
  const c = tehranClock(now);
  let at = tehranWallToUtc(c.y, c.m, c.d, Math.floor(e / 60), e % 60);
  if (at.getTime() <= now.getTime()) {
    const next = new Date(Date.UTC(c.y, c.m - 1, c.d + 1, 12));
    at = tehranWallToUtc(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), Math.floor(e / 60), e % 60);
  }
  return at;
}

/** `at`, or the end of quiet hours when `at` falls inside them. */
export function outsideQuiet(profile: Profile, at: Date): Date {
  return inQuietHours(profile, at) ? quietEnd(profile, at) : at;
}
