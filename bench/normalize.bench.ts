// Throughput of the Persian language core on the outlet farm's synthetic articles (test/farm),
// which carry the disfigurements of real pages (Arabic letters, missing ZWNJ, mixed digits, kashida).
// Prints the median of ≥5 runs in MB/s (UTF-8 megabytes of input per second).
import { generateArticles } from '../test/farm/content.ts';
import { normalize, matchKey, matchKeyWithMap, tokenize, splitSentences } from '../src/normalize/index.ts';
import { median, fmt } from './stats.ts';

function corpus(targetBytes: number): { texts: string[]; bytes: number } {
  const texts: string[] = [];
  let bytes = 0;
  for (let seed = 1; bytes < targetBytes; seed++) {
    for (const a of generateArticles(500, seed)) {
      for (const t of [a.title, a.lead, a.body]) {
        texts.push(t);
        bytes += Buffer.byteLength(t, 'utf8');
      }
      if (bytes >= targetBytes) break;
    }
  }
  return { texts, bytes };
}

interface Rate {
  /** MB per wall-clock second. */
  wall: number;
  /** MB per CPU second of this process (robust on a loaded, shared machine). */
  cpu: number;
}

function measure(texts: string[], bytes: number, runs: number, fn: (s: string) => unknown): Rate {
  const wall: number[] = [];
  const cpu: number[] = [];
  let sink = 0;
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (const t of texts) {
      const v = fn(t);
      if (v !== undefined) sink++;
    }
    const ms = performance.now() - t0;
    const c = process.cpuUsage(c0);
    wall.push(bytes / 1e6 / (ms / 1000));
    cpu.push(bytes / 1e6 / ((c.user + c.system) / 1e6));
  }
  if (sink < 0) console.log(sink);
  return { wall: median(wall), cpu: median(cpu) };
}

function line(name: string, r: Rate): string {
  return `${name.padEnd(16)} ${fmt(r.wall).padStart(7)} MB/s wall   ${fmt(r.cpu).padStart(7)} MB/s per CPU-second`;
}

export async function run(opts: { quick: boolean }): Promise<void> {
  const target = opts.quick ? 1e6 : 10e6;
  const runs = opts.quick ? 5 : 7;
  const t0 = performance.now();
  const { texts, bytes } = corpus(target);
  console.log(
    `corpus: ${texts.length} fields from test/farm generateArticles, ${fmt(bytes / 1e6, 2)} MB UTF-8 ` +
      `(built in ${fmt((performance.now() - t0) / 1000, 1)} s); median of ${runs} runs`,
  );
  const nfkc = measure(texts, bytes, runs, (s) => s.normalize('NFKC'));
  const key = measure(texts, bytes, runs, matchKey);
  const keyMap = measure(texts, bytes, runs, matchKeyWithMap);
  const norm = measure(texts, bytes, runs, normalize);
  const tok = measure(texts, bytes, Math.min(runs, 5), tokenize);
  const sent = measure(texts, bytes, Math.min(runs, 5), splitSentences);
  console.log(line('normalize', norm));
  console.log(line('matchKey', key));
  console.log(line('matchKeyWithMap', keyMap));
  console.log(line('tokenize', tok));
  console.log(line('splitSentences', sent));
  console.log(line('reference NFKC', nfkc));
  console.log(
    `ratios (CPU): matchKey/NFKC ${fmt(key.cpu / nfkc.cpu, 3)}, normalize/NFKC ${fmt(norm.cpu / nfkc.cpu, 3)}, ` +
      `matchKeyWithMap/matchKey ${fmt(keyMap.cpu / key.cpu, 2)}`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await run({ quick: process.argv.includes('--quick') });
}
