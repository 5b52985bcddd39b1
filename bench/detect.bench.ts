// Detection benchmarks: mention matching throughput with a 10,000-alias dictionary, the full
// detector on news-sized articles, and republication clustering at 10k / 100k / 300k articles
// (quick mode: 10k only) with the growth ratio. Synthetic text, fixed seeds.
import { ProfileSchema } from '../src/config.ts';
import { createDetector } from '../src/detect/detector.ts';
import { bundledModel } from '../src/detect/model.ts';
import { compact, keyWithMap } from '../src/detect/fold.ts';
import { PhraseMatcher } from '../src/detect/matcher.ts';
import { MemoryClusterIndex, ClusterIndex, type ClusterInput } from '../src/detect/cluster.ts';
import { matchKey } from '../src/normalize/index.ts';
import { openMemoryDb } from '../src/store/db.ts';
import { fmt, median } from './stats.ts';
import { makeRng } from '../test/farm/rng.ts';

const LETTERS = 'ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی';

// The farm's seeded PRNG, so bench corpora are reproducible from a seed.
const rng = makeRng;

function vocabulary(n: number, rand: () => number): string[] {
  const words = new Set<string>();
  while (words.size < n) {
    const len = 2 + Math.floor(rand() * 6);
    let w = '';
    for (let i = 0; i < len; i++) w += LETTERS[Math.floor(rand() * LETTERS.length)];
    words.add(w);
  }
  return [...words];
}

function time<T>(fn: () => T): { ms: number; value: T } {
  const t0 = process.hrtime.bigint();
  const value = fn();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, value };
}

function mentionBench(quick: boolean): void {
  const rand = rng(7);
  const vocab = vocabulary(20000, rand);
  const pick = () => vocab[Math.floor(rand() * vocab.length)];
  const aliases = (n: number) => Array.from({ length: n }, (_, i) => `سازمان ${pick()} ${pick()} ${i % 7 === 0 ? 'شهرداری تبریز' : pick()}`);
  // About 1 MB of text, with some aliases planted in it.
  const big = aliases(10000);
  const words: string[] = [];
  let bytes = 0;
  while (bytes < (quick ? 300_000 : 1_000_000)) {
    const w = rand() < 0.002 ? big[Math.floor(rand() * big.length)] : pick();
    words.push(w);
    bytes += Buffer.byteLength(w) + 1;
    if (rand() < 0.05) words.push('.');
  }
  const text = words.join(' ');
  const mb = Buffer.byteLength(text) / 1e6;
  for (let w = 0; w < 3; w++) compact(keyWithMap(text).key); // JIT warm-up
  for (const n of [1000, 10000]) {
    const build = time(() => new PhraseMatcher(big.slice(0, n).map((phrase, i) => ({ phrase, tag: i }))));
    const runs: number[] = [];
    let hits = 0;
    for (let r = 0; r < 5; r++) {
      const t = time(() => build.value.match(compact(keyWithMap(text).key)).length);
      runs.push(t.ms);
      hits = t.value;
    }
    const scanOnly = median(Array.from({ length: 5 }, () => {
      const c = compact(keyWithMap(text).key);
      return time(() => build.value.match(c).length).ms;
    }));
    console.log(
      `mentions: ${n} aliases (${build.value.patternCount} patterns, built in ${fmt(build.ms, 0)} ms): fold+scan ${fmt(mb / (median(runs) / 1000), 1)} MB/s, scan alone ${fmt(mb / (scanOnly / 1000), 1)} MB/s over ${fmt(mb, 2)} MB (${hits} hits)`,
    );
  }
  // The full detector (mentions + context + criticism) with a 10,000-alias profile.
  const profile = ProfileSchema.parse({
    city: 'tabriz',
    cityFa: 'تبریز',
    province: 'east-azerbaijan',
    districts: 10,
    subsidiaries: big.map((name) => ({ name, aliases: [] })),
  });
  const built = time(() => createDetector(profile, { model: null }));
  const withModel = createDetector(profile, { model: bundledModel() ?? null });
  const articles = Array.from({ length: quick ? 200 : 1000 }, (_, i) => {
    const body = Array.from({ length: 250 }, () => pick()).join(' ') + ` شهرداری تبریز ${i % 5 === 0 ? 'گلایه شهروندان' : ''}. ` + Array.from({ length: 150 }, () => pick()).join(' ');
    return { title: `${pick()} ${pick()} شهرداری`, body, publishedAt: null, sourceId: 'x' };
  });
  const totalMb = articles.reduce((a, x) => a + Buffer.byteLength(x.body) + Buffer.byteLength(x.title), 0) / 1e6;
  const runs = Array.from({ length: 3 }, () => time(() => articles.forEach((a) => built.value.detect(a))).ms);
  console.log(
    `detector (rules): 10,000-alias profile built in ${fmt(built.ms, 0)} ms; ${articles.length} articles (${fmt(totalMb, 2)} MB): ${fmt(totalMb / (median(runs) / 1000), 2)} MB/s, ${fmt((median(runs) * 1000) / articles.length, 0)} µs/article`,
  );
  const modelRuns = Array.from({ length: 3 }, () => time(() => articles.forEach((a) => withModel.detect(a))).ms);
  console.log(
    `detector (rules + bundled word model): ${fmt(totalMb / (median(modelRuns) / 1000), 2)} MB/s, ${fmt((median(modelRuns) * 1000) / articles.length, 0)} µs/article (×${fmt(median(modelRuns) / median(runs), 2)} the rules alone)`,
  );
}

/** A synthetic news stream: stories, plus reprints (boilerplate, reordered, shortened) of recent ones. */
function* stream(n: number, seed: number): Generator<ClusterInput & { story: number }> {
  const rand = rng(seed);
  const vocab = vocabulary(30000, rand);
  const pick = () => vocab[Math.floor(rand() * vocab.length)];
  const stories: string[][][] = [];
  const day0 = Date.parse('2024-01-01T00:00:00Z');
  for (let i = 0; i < n; i++) {
    const at = new Date(day0 + i * 60_000).toISOString();
    let story: number;
    let sentences: string[][];
    if (stories.length > 10 && rand() < 0.3) {
      story = stories.length - 1 - Math.floor(rand() * Math.min(stories.length, 2000));
      sentences = stories[story].map((s) => s.slice());
      if (rand() < 0.5) sentences.reverse();
      if (rand() < 0.3 && sentences.length > 3) sentences.pop();
      sentences.unshift(['به', 'گزارش', pick(), 'از', pick()]);
    } else {
      story = stories.length;
      sentences = Array.from({ length: 4 + Math.floor(rand() * 4) }, () => Array.from({ length: 10 + Math.floor(rand() * 10) }, pick));
      stories.push(sentences);
    }
    const text = sentences.map((s) => s.join(' ')).join(' ');
    yield { id: `a${i}`, sourceId: `s${Math.floor(rand() * 120)}`, publishedAt: at, fetchedAt: at, textKey: matchKey(text), titleKey: '', story };
  }
}

function clusterBench(quick: boolean): void {
  const sizes = quick ? [10_000] : [10_000, 100_000, 300_000];
  const perArticle: number[] = [];
  for (const n of sizes) {
    const items = [...stream(n, 42)];
    // Small sizes are repeated (median) so one noisy moment on a shared machine does not skew the ratio.
    const repeats = n <= 10_000 ? 5 : 1;
    const times: number[] = [];
    let joined = 0;
    let reprints = 0;
    let wrong = 0;
    for (let r = 0; r < repeats; r++) {
      const index = new MemoryClusterIndex();
      const storyCluster = new Map<number, string>();
      joined = reprints = wrong = 0;
      const t = time(() => {
        for (const a of items) {
          const res = index.assign(a);
          const expected = storyCluster.get(a.story);
          if (expected === undefined) {
            storyCluster.set(a.story, res.clusterId);
            if (!res.isNew) wrong++;
          } else {
            reprints++;
            if (res.clusterId === expected) joined++;
            else if (!res.isNew) wrong++;
          }
        }
      });
      times.push(t.ms);
    }
    const ms = median(times);
    perArticle.push(ms / n);
    console.log(
      `clusters: ${n.toLocaleString('en-US')} articles in ${fmt(ms / 1000, 2)} s${repeats > 1 ? ` (median of ${repeats})` : ''} (${fmt((ms * 1000) / n, 0)} µs/article); reprints joined ${fmt((100 * joined) / Math.max(1, reprints), 1)}%, wrong merges ${wrong}`,
    );
  }
  for (let i = 1; i < sizes.length; i++) {
    console.log(
      `clusters: ${sizes[i - 1].toLocaleString('en-US')} → ${sizes[i].toLocaleString('en-US')} articles (${sizes[i] / sizes[i - 1]}×): time ${fmt((perArticle[i] * sizes[i]) / (perArticle[i - 1] * sizes[i - 1]), 1)}×, per-article time ratio ${fmt(perArticle[i] / perArticle[i - 1], 2)} (1.0 = linear)`,
    );
  }
  // The persisted index (what the pipeline uses), for scale.
  const db = openMemoryDb();
  const sql = new ClusterIndex(db);
  const items = [...stream(quick ? 2000 : 10_000, 43)];
  const t = time(() => items.forEach((a) => sql.assign(a)));
  console.log(`clusters (SQLite ClusterIndex): ${items.length.toLocaleString('en-US')} articles in ${fmt(t.ms / 1000, 2)} s (${fmt((t.ms * 1000) / items.length, 0)} µs/article)`);
  db.close();
}

export async function run(opts: { quick: boolean }): Promise<void> {
  mentionBench(opts.quick);
  clusterBench(opts.quick);
}
