// When each outlet is due. Agencies publish all day (10 min), newspapers once or twice (60),
// everything else in between (30); an outlet's own intervalMinutes wins.
import type { Source } from '../config.ts';

export function intervalFor(source: Source): number {
  if (source.intervalMinutes) return source.intervalMinutes;
  if (source.type === 'agency') return 10;
  if (source.type === 'newspaper') return 60;
  return 30;
}

/** Enabled outlets whose interval has passed since their last attempt (never attempted = due). */
export function dueSources(sources: Source[], lastAttempt: Map<string, Date> | Record<string, Date | string | undefined>, now: Date): Source[] {
  const get = (id: string): Date | undefined => {
    const v = lastAttempt instanceof Map ? lastAttempt.get(id) : lastAttempt[id];
    return v === undefined ? undefined : new Date(v);
  };
  return sources.filter((s) => {
    if (!s.enabled) return false;
    const last = get(s.id);
    return !last || now.getTime() - last.getTime() >= intervalFor(s) * 60_000 - 1000;
  });
}

/** Runs fn unless the previous run is still going; a cycle never overlaps itself. */
export function nonOverlapping<A extends unknown[], R>(fn: (...args: A) => Promise<R>): (...args: A) => Promise<R | undefined> {
  let running = false;
  return async (...args: A) => {
    if (running) return undefined;
    running = true;
    try {
      return await fn(...args);
    } finally {
      running = false;
    }
  };
}
