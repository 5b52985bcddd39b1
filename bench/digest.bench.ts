// Digest build time for one busy day: 10k articles about the municipality in 1k republication
// clusters (quick: 1k / 100), 5% critical, a tenth of clusters started by an own outlet,
// 14 days of history for the trend. Prints medians; never asserts a time.
import { performance } from 'node:perf_hooks';
import type { Article } from '../src/article.ts';
import { openMemoryDb } from '../src/store/db.ts';
import { ArticleStore, articleId } from '../src/store/articles.ts';
import { ProfileSchema, SourceSchema, type Source } from '../src/config.ts';
import { buildDigest } from '../src/digest/build.ts';
import { renderDigestHtml } from '../src/digest/render-html.ts';
import { renderDigestText } from '../src/digest/render-text.ts';
import { jalaliDayRange, parseJalaliDay } from '../src/digest/jalali.ts';

const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const ms = (n: number) => `${n.toFixed(1)} ms`;

const KINDS = ['municipality', 'district', 'mayor', 'subsidiary'] as const;
const TYPES = ['agency', 'newspaper', 'site', 'broadcaster'] as const;
const PROVINCES = ['east-azerbaijan', 'tehran', 'fars', undefined] as const;

function sources(n: number): Source[] {
  return Array.from({ length: n }, (_, i) =>
    SourceSchema.parse({
      id: `outlet-${i}`, nameFa: `رسانهٔ شمارهٔ ${i}`, nameEn: `outlet ${i}`, homepage: `https://o${i}.example/`,
      type: TYPES[i % TYPES.length], scope: i % 3 === 0 ? 'national' : 'provincial', province: PROVINCES[i % PROVINCES.length],
      feeds: [{ url: `https://o${i}.example/rss`, confidence: 'listed' }],
    }),
  );
}

function article(i: number, cluster: number, at: number, outlet: number, critical: boolean): Article {
  const url = `https://o${outlet}.example/news/${i}`;
  const clusterUrl = `https://o${cluster % 120}.example/news/c${cluster}`;
  const title = `خبر شمارهٔ ${i} دربارهٔ شهرداری تبریز و طرح شمارهٔ ${cluster}`;
  return {
    id: articleId(url), sourceId: `outlet-${outlet}`, url, canonicalUrl: url, title,
    lead: `لید خبر ${i}: شهرداری تبریز در منطقهٔ ${(cluster % 10) + 1} کار تازه‌ای آغاز کرد.`,
    body: `متن خبر ${i}. `.repeat(40), publishedAt: i % 97 === 0 ? null : new Date(at).toISOString(),
    fetchedAt: new Date(at + 600_000).toISOString(), titleKey: title, textKey: title,
    detection: {
      city: 'tabriz', mentioned: true,
      mentions: [{ entity: `موضوع ${cluster % 12}`, kind: KINDS[cluster % KINDS.length], surface: 'شهرداری تبریز', field: 'title', start: 0, end: 5, sentence: title }],
      critical, score: critical ? 0.8 : 0.1, severity: critical ? 'medium' : 'none',
      evidence: critical ? [{ sentence: `جملهٔ انتقادی خبر ${i}.`, cues: ['انتقاد'] }] : [], ownOutlet: outlet === 0,
    },
    clusterId: articleId(clusterUrl),
  };
}

export async function run(opts: { quick: boolean }): Promise<void> {
  const n = opts.quick ? 1_000 : 10_000;
  const clusters = opts.quick ? 100 : 1_000;
  const runs = opts.quick ? 3 : 5;
  const db = openMemoryDb();
  const store = new ArticleStore(db);
  const day = '1405/09/01';
  const { from } = jalaliDayRange(parseJalaliDay(day));
  const start = Date.parse(from);
  const outlets = sources(120);
  const t0 = performance.now();
  db.transaction(() => {
    // Each cluster's first article, on the municipality's own site for a tenth of them.
    for (let c = 0; c < clusters; c++) {
      const url = `https://o${c % 120}.example/news/c${c}`;
      const a = article(-c - 1, c, start + (c % 1000) * 60_000, c % 10 === 0 ? 0 : c % 120, c % 20 === 0);
      store.insert({ ...a, id: articleId(url), url, canonicalUrl: url });
    }
    for (let i = 0; i < n - clusters; i++) {
      store.insert(article(i, i % clusters, start + ((i * 7919) % 86_000) * 1000, 1 + (i % 119), i % 20 === 0));
    }
    // 13 earlier days of lighter traffic for the trend chart.
    for (let d = 1; d < 14; d++) for (let i = 0; i < n / 20; i++) store.insert(article(1e6 + d * 1e5 + i, 5000 + i, start - d * 86_400_000 + i * 1000, i % 120, i % 25 === 0));
  })();
  console.log(`setup: ${store.count()} stored articles (${n} on the day, ${clusters} clusters) in ${ms(performance.now() - t0)}`);

  const profile = ProfileSchema.parse({ city: 'tabriz', cityFa: 'تبریز', province: 'east-azerbaijan', ownOutlets: ['outlet-0'] });
  const build: number[] = [];
  const html: number[] = [];
  const text: number[] = [];
  let size = 0;
  for (let r = 0; r < runs; r++) {
    const a = performance.now();
    const d = buildDigest(db, { profile, sources: outlets, day });
    const b = performance.now();
    const h = renderDigestHtml(d);
    const c = performance.now();
    renderDigestText(d);
    const e = performance.now();
    build.push(b - a);
    html.push(c - b);
    text.push(e - c);
    size = Buffer.byteLength(h);
    if (r === 0) console.log(`digest: ${d.totals.articles} articles, ${d.totals.clusters} clusters, ${d.critical.length} critical items, ${d.pickups.length} own releases`);
  }
  const total = med(build) + med(html) + med(text);
  console.log(`buildDigest median ${ms(med(build))}; renderDigestHtml ${ms(med(html))} (${(size / 1024).toFixed(0)} KiB); renderDigestText ${ms(med(text))} — ${runs} runs`);
  console.log(`total median ${ms(total)} = ${(total / (n / 1000)).toFixed(1)} ms per 1k articles`);
  db.close();
}
