import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startScheduler } from '../src/scheduler.ts';

test('a cycle never overlaps itself, and stop() waits for the running cycle after aborting it', async () => {
  let running = 0;
  let maxRunning = 0;
  let cycles = 0;
  let sawAbort = false;
  const scheduler = startScheduler(
    {
      crawlDue: async (_now, signal) => {
        cycles++;
        running++;
        maxRunning = Math.max(maxRunning, running);
        // A long cycle: several ticks (every second) fire while it runs.
        for (let i = 0; i < 30 && !signal.aborted; i++) await new Promise((r) => setTimeout(r, 100));
        sawAbort = signal.aborted;
        running--;
      },
      dailyDigest: async () => {},
      log: () => {},
    },
    { tick: '* * * * * *', digestTime: '07:00' },
  );
  await new Promise((r) => setTimeout(r, 2500));
  const stopped = scheduler.stop();
  await stopped;
  assert.equal(maxRunning, 1, 'never two cycles at once');
  assert.equal(running, 0, 'stop() returned only after the cycle ended');
  assert.ok(cycles >= 1 && cycles <= 2, `cycles ${cycles}`);
  assert.ok(sawAbort, 'the running cycle saw the abort signal');
});
