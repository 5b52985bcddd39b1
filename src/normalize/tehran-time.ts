// Asia/Tehran wall-clock time ↔ UTC instants through the tz database that Node's Intl carries.
// Never a fixed offset: Iran kept +04:30 summer time (1/2 Farvardin – 30 Shahrivar) until 2022.

const TZ = 'Asia/Tehran';

const partsFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: TZ,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function intlWallTime(date: Date): WallTime {
  const w: WallTime = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of partsFormat.formatToParts(date)) {
    if (p.type === 'year') w.year = Number(p.value);
    else if (p.type === 'month') w.month = Number(p.value);
    else if (p.type === 'day') w.day = Number(p.value);
    else if (p.type === 'hour') w.hour = Number(p.value) % 24;
    else if (p.type === 'minute') w.minute = Number(p.value);
    else if (p.type === 'second') w.second = Number(p.value);
  }
  return w;
}

// Intl costs several µs a call and a digest or an index rebuild asks tens of thousands of times,
// so the offset is cached per UTC half hour: Iran's offsets (+03:30, and +04:30 in summers until
// 2022) only ever changed at a local midnight, which falls on a UTC half-hour boundary. (Local
// mean time before 1946 is not on such a boundary; news dates are not that old.)
const offsetByHalfHour = new Map<number, number>();

/** Offset of Tehran from UTC at an instant, in milliseconds. */
function offsetAt(ms: number): number {
  const bucket = Math.floor(ms / 1_800_000);
  let off = offsetByHalfHour.get(bucket);
  if (off === undefined) {
    const start = bucket * 1_800_000;
    const w = intlWallTime(new Date(start));
    off = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - start;
    if (offsetByHalfHour.size > 50_000) offsetByHalfHour.clear();
    offsetByHalfHour.set(bucket, off);
  }
  return off;
}

/** Tehran wall-clock fields of an instant. */
export function tehranWallTime(date: Date): WallTime {
  const t = date.getTime();
  if (!Number.isFinite(t)) throw new RangeError('invalid date');
  const w = new Date(t + offsetAt(t));
  return {
    year: w.getUTCFullYear(),
    month: w.getUTCMonth() + 1,
    day: w.getUTCDate(),
    hour: w.getUTCHours(),
    minute: w.getUTCMinutes(),
    second: w.getUTCSeconds(),
  };
}

/**
 * The UTC instant of a Tehran wall-clock time (Gregorian fields). For a time that occurs twice when
 * summer time ends, the earlier (summer-time) instant is returned; a time skipped when summer time
 * starts is read with the offset in force just before the skip.
 */
export function tehranToUtc(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const first = wall - offsetAt(wall);
  const second1 = wall - offsetAt(first);
  if (second1 === first) {
    // Earlier candidate for an ambiguous hour: try one hour before.
    const earlier = first - 3600_000;
    if (earlier + offsetAt(earlier) === wall) return new Date(earlier);
    return new Date(first);
  }
  // Offsets disagree: the wall time is in a transition. Prefer a candidate that round-trips.
  if (second1 + offsetAt(second1) === wall) return new Date(second1);
  return new Date(first);
}
