// Search index benchmark: FTS5 index rate and query latency (plain, phrase, filtered) on
// synthetic Persian articles; the same against Meilisearch when MEILI_URL is set (smaller sizes).
// Articles come from the test farm's generator (test/farm/content.ts): a pool of generated items
// is recombined (title of one, paragraphs of others, new outlet and date) to reach 1M cheaply.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Article } from '../src/article.ts';
import type { Source } from '../src/config.ts';
import { OUTLET_TYPES, PROVINCES } from '../src/config.ts';
import { openDb, type Db } from '../src/store/db.ts';
import { Fts5Index } from '../src/index/fts5.ts';
import { MeiliIndex } from '../src/index/meili.ts';
import { matchKey } from '../src/normalize/index.ts';
import type { IndexItem, SearchIndex } from '../src/index/types.ts';
import { generateArticles, type FarmArticle } from '../test/farm/content.ts';
import { makeRng } from '../test/farm/rng.ts';

const OUTLETS: Source[] = Array.from({ length: 120 }, (_, k) => ({
  id: `outlet-${k}`,
  nameFa: `رسانه شماره ${k}`,
  nameEn: `Outlet ${k}`,
  homepage: `https://outlet-${k}.example/`,
  type: OUTLET_TYPES[k % OUTLET_TYPES.length],
  scope: 'national',
  province: PROVINCES[k % PROVINCES.length],
  cms: 'unknown',
  feeds: [{ url: `https://outlet-${k}.example/rss`, confidence: 'listed' }],
  listingPages: [],
  enabled: true,
}));

// The farm's seeded PRNG, so bench corpora are reproducible from a seed.
const rng = makeRng;

const DAY = 86_400_000;
const END = Date.parse('2026-11-22T06:00:00Z');
const SPAN_DAYS = 365;

function* synthetic(pool: FarmArticle[], count: number, batch: number): Generator<IndexItem[]> {
  const r = rng(7);
  let items: IndexItem[] = [];
  for (let i = 0; i < count; i++) {
    const a = pool[i % pool.length];
    const b = pool[Math.floor(r() * pool.length)];
    const source = OUTLETS[Math.floor(r() * OUTLETS.length)];
    const body = [...a.paragraphs, ...b.paragraphs.slice(0, 2)].join('\n\n');
    const publishedAt = new Date(END - Math.floor(r() * SPAN_DAYS * DAY)).toISOString();
    const article: Article = {
      id: `b${i.toString(36)}`,
      sourceId: source.id,
      url: `https://${source.id}.example/news/${i}`,
      canonicalUrl: `https://${source.id}.example/news/${i}`,
      title: a.title,
      kicker: a.kicker,
      lead: a.lead,
      body,
      publishedAt,
      fetchedAt: publishedAt,
      titleKey: '',
      textKey: '',
      detection: { city: 'tabriz', mentioned: a.mentionsMunicipality, mentions: [], critical: a.critical, score: 0, severity: 'none', evidence: [], ownOutlet: false },
      clusterId: a.storyId,
    };
    items.push({ article, source });
    if (items.length === batch) {
      yield items;
      items = [];
    }
  }
  if (items.length) yield items;
}

interface QuerySet {
  plain: string[];
  phrase: string[];
  filtered: string[];
}

function queries(pool: FarmArticle[], n: number): QuerySet {
  const r = rng(11);
  const words = (t: string) => matchKey(t).split(' ').filter((w) => w.length > 2 && !/^\d+$/.test(w));
  const pickTitle = () => words(pool[Math.floor(r() * pool.length)].title);
  const out: QuerySet = { plain: [], phrase: [], filtered: [] };
  while (out.plain.length < n) {
    const w = pickTitle();
    if (w.length < 3) continue;
    const i = Math.floor(r() * (w.length - 1));
    out.plain.push(r() < 0.5 ? w[i] : `${w[i]} ${w[(i + 2) % w.length]}`);
    out.phrase.push(`"${w[i]} ${w[i + 1]}"`);
    const from = new Date(END - Math.floor(r() * 300) * DAY);
    const to = new Date(from.getTime() + 30 * DAY);
    const outlet = OUTLETS[Math.floor(r() * OUTLETS.length)].id;
    out.filtered.push(`${w[i]} site:${outlet} from:${from.toISOString().slice(0, 10)} to:${to.toISOString().slice(0, 10)}`);
  }
  return out;
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

async function measureQueries(ix: SearchIndex, qs: QuerySet, label: string): Promise<void> {
  for (const [kind, list] of Object.entries(qs) as [keyof QuerySet, string[]][]) {
    const times: number[] = [];
    let hits = 0;
    for (const q of list) {
      const t = performance.now();
      const r = await ix.search({ query: q, perPage: 20 });
      times.push(performance.now() - t);
      hits += r.total;
    }
    console.log(
      `  ${label} ${kind.padEnd(8)} query (20 hits + facets): p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms, mean total ${Math.round(hits / list.length)} hits (${list.length} queries)`,
    );
  }
}

async function indexAll(ix: SearchIndex, pool: FarmArticle[], count: number, batch: number): Promise<number> {
  const t = performance.now();
  for (const items of synthetic(pool, count, batch)) {
    const w = await ix.upsert(items);
    if (w.pending) throw new Error(`bench: ${w.pending} documents left pending`);
  }
  return count / ((performance.now() - t) / 1000);
}

async function benchFts5(pool: FarmArticle[], size: number, qs: QuerySet): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kaghaz-bench-search-'));
  let db: Db | undefined;
  try {
    db = openDb(dir);
    const ix = new Fts5Index(db);
    const rate = await indexAll(ix, pool, size, 1000);
    const mb = statSync(join(dir, 'kaghaz.sqlite')).size / 1e6;
    console.log(`FTS5 ${size.toLocaleString('en')} articles: index ${Math.round(rate).toLocaleString('en')} docs/s, database ${mb.toFixed(0)} MB`);
    await measureQueries(ix, qs, `FTS5 ${size >= 1e6 ? size / 1e6 + 'M' : size / 1e3 + 'k'}`);
  } finally {
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchMeili(pool: FarmArticle[], size: number, qs: QuerySet): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kaghaz-bench-meili-'));
  const db = openDb(dir);
  const ix = new MeiliIndex({ url: process.env.MEILI_URL!, apiKey: process.env.MEILI_API_KEY, indexUid: `kaghaz-bench-${Date.now()}`, db, taskTimeoutMs: 600_000 });
  try {
    const rate = await indexAll(ix, pool, size, 5000);
    console.log(`Meilisearch ${size.toLocaleString('en')} articles: index ${Math.round(rate).toLocaleString('en')} docs/s (outbox + task awaited)`);
    await measureQueries(ix, qs, `Meili ${size / 1e3}k`);
  } finally {
    await ix.drop();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(opts: { quick: boolean }): Promise<void> {
  const sizes = opts.quick ? [20_000] : [100_000, 1_000_000];
  const meiliSizes = opts.quick ? [5_000] : [20_000];
  const t = performance.now();
  const pool = generateArticles(opts.quick ? 2000 : 10_000, 42);
  console.log(`search bench: pool of ${pool.length} farm articles generated in ${((performance.now() - t) / 1000).toFixed(1)} s; ${opts.quick ? 'quick mode' : 'full mode'}`);
  const qs = queries(pool, opts.quick ? 50 : 100);
  for (const size of sizes) await benchFts5(pool, size, qs);
  if (process.env.MEILI_URL) {
    for (const size of meiliSizes) await benchMeili(pool, size, qs);
  } else console.log('Meilisearch: skipped (MEILI_URL not set)');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await run({ quick: process.argv.includes('--quick') });
}
