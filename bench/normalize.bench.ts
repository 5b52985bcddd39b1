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

function measure(texts: string[], bytes: number, runs: number, fn: (s: string) => unknown): number {
  const rates: number[] = [];
  let sink = 0;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    for (const t of texts) {
      const v = fn(t);
      if (v !== undefined) sink++;
    }
    const ms = performance.now() - t0;
    rates.push(bytes / 1e6 / (ms / 1000));
  }
  if (sink < 0) console.log(sink);
  return median(rates);
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
  console.log(`normalize        ${fmt(norm)} MB/s`);
  console.log(`matchKey         ${fmt(key)} MB/s`);
  console.log(`matchKeyWithMap  ${fmt(keyMap)} MB/s`);
  console.log(`tokenize         ${fmt(tok)} MB/s`);
  console.log(`splitSentences   ${fmt(sent)} MB/s`);
  console.log(`reference: String.prototype.normalize('NFKC') ${fmt(nfkc)} MB/s; matchKey/NFKC ratio ${fmt(key / nfkc, 2)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await run({ quick: process.argv.includes('--quick') });
}
