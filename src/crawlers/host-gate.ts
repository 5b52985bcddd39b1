// Politeness per host: one request at a time, and at least minIntervalMs from the end of one
// request to the start of the next on the same host — so the gap holds at the server too, whatever
// the connection set-up time. Every fetch (feed, robots.txt, listing, article) passes here.

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason ?? new Error('aborted'));
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal!.reason ?? new Error('aborted'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export { sleep };

export class HostGate {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly lastEnd = new Map<string, number>();

  /** Waits for the host's turn; the returned function ends the turn (idempotent). */
  async acquire(host: string, minIntervalMs: number, signal?: AbortSignal): Promise<() => void> {
    const prev = this.tails.get(host) ?? Promise.resolve();
    let open!: () => void;
    const mine = new Promise<void>((r) => (open = r));
    const tail = prev.then(() => mine);
    this.tails.set(host, tail);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.lastEnd.set(host, Date.now());
      open();
      if (this.tails.get(host) === tail) this.tails.delete(host);
    };
    try {
      await prev;
      const wait = (this.lastEnd.get(host) ?? 0) + minIntervalMs - Date.now();
      if (wait > 0) await sleep(wait, signal);
      if (signal?.aborted) throw signal.reason ?? new Error('aborted');
    } catch (e) {
      release();
      throw e;
    }
    return release;
  }
}
