// The scheduled morning run: the digest of the day that just ended, written and mailed.
import type { Profile, Source } from '../config.ts';
import type { Db } from '../store/db.ts';
import type { Mailer } from '../alerts/mailer.ts';
import { addDays, formatDay, jalaliOf } from './jalali.ts';
import { writeDigest, type WrittenDigest } from './write.ts';

/** The day the scheduled morning run covers: the previous Jalali day (Tehran), complete by then. */
export function scheduledDigestDay(now: Date): string {
  return formatDay(addDays(jalaliOf(now), -1));
}

/** What the scheduler calls at profile.digest.time. */
export async function runDailyDigest(
  dataDir: string,
  db: Db,
  opts: { profile: Profile; sources: Source[]; now: Date; day?: string; mailer?: Mailer; pdf?: boolean },
): Promise<WrittenDigest> {
  return writeDigest(dataDir, db, {
    profile: opts.profile,
    sources: opts.sources,
    day: opts.day ?? scheduledDigestDay(opts.now),
    pdf: opts.pdf,
    email: true,
    mailer: opts.mailer,
    now: opts.now,
  });
}
