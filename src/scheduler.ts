// The long-running service: a node-cron tick that starts a crawl cycle for the outlets
// that are due, a daily digest at the profile's time (Tehran), and a clean stop on
// SIGINT/SIGTERM that lets the running cycle finish its in-flight pages.
import cron from 'node-cron';

export interface SchedulerJobs {
  /** Runs one cycle over the outlets due at `now`; resolves when the cycle is over. */
  crawlDue(now: Date, signal: AbortSignal): Promise<void>;
  /** Writes (and mails) the digest of the Jalali day that just ended. */
  dailyDigest(now: Date): Promise<void>;
  log(message: string): void;
}

export interface SchedulerOptions {
  /** Cron expression of the crawl tick (default: every minute; each outlet has its own interval). */
  tick?: string;
  /** HH:MM in Asia/Tehran. */
  digestTime: string;
}

export interface RunningScheduler {
  /** Stops the timers, aborts the running cycle between pages and waits for it. */
  stop(): Promise<void>;
  /** Resolves when a cycle that is running now has ended (for tests). */
  idle(): Promise<void>;
}

export function startScheduler(jobs: SchedulerJobs, opts: SchedulerOptions): RunningScheduler {
  const abort = new AbortController();
  let running: Promise<void> | null = null;

  const tick = () => {
    // A cycle never overlaps itself: a tick that finds one running is skipped.
    if (running || abort.signal.aborted) return;
    running = jobs
      .crawlDue(new Date(), abort.signal)
      .catch((e) => jobs.log(`cycle failed: ${(e as Error).stack ?? e}`))
      .finally(() => {
        running = null;
      });
  };

  const [hh, mm] = opts.digestTime.split(':').map(Number);
  const crawlTask = cron.schedule(opts.tick ?? '* * * * *', tick, { noOverlap: true, name: 'crawl' });
  const digestTask = cron.schedule(
    `${mm} ${hh} * * *`,
    () => {
      jobs.dailyDigest(new Date()).catch((e) => jobs.log(`digest failed: ${(e as Error).stack ?? e}`));
    },
    { timezone: 'Asia/Tehran', name: 'digest' },
  );
  // Start the first cycle right away rather than waiting for the first tick.
  tick();

  return {
    async stop() {
      abort.abort();
      await crawlTask.stop();
      await digestTask.stop();
      if (running) await running;
    },
    async idle() {
      if (running) await running;
    },
  };
}
