// A progress bar for interactive runs only: on a terminal it shows pages done / pages found so
// far; in logs, pipes and tests it does nothing.
import cliProgress from 'cli-progress';

export interface Progress {
  onProgress(e: { sourceId: string; done: number; total: number }): void;
  stop(): void;
}

export function createProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return { onProgress: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { stream, format: 'crawl [{bar}] {value}/{total} pages | {source}', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  const bySource = new Map<string, { done: number; total: number }>();
  let started = false;
  return {
    onProgress(e) {
      bySource.set(e.sourceId, { done: e.done, total: e.total });
      let done = 0;
      let total = 0;
      for (const v of bySource.values()) {
        done += v.done;
        total += v.total;
      }
      if (!started) {
        bar.start(total, done, { source: e.sourceId });
        started = true;
      } else {
        bar.setTotal(total);
        bar.update(done, { source: e.sourceId });
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
