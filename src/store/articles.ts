import { createHash } from 'node:crypto';
import type { Article, Detection } from '../article.ts';
import type { Db } from './db.ts';
import { canonicalUrl } from '../crawlers/canonical-url.ts';

function urlKey(url: string): string {
  try {
    return canonicalUrl(url);
  } catch {
    return url;
  }
}

export function articleId(canonicalUrl: string): string {
  return createHash('sha1').update(canonicalUrl).digest('hex').slice(0, 16);
}

interface ArticleRow {
  id: string;
  canonical_url: string;
  url: string;
  source_id: string;
  title: string;
  kicker: string | null;
  lead: string | null;
  body: string;
  author: string | null;
  published_at: string | null;
  published_raw: string | null;
  section: string | null;
  image: string | null;
  fetched_at: string;
  extracted_by: string | null;
  title_key: string;
  text_key: string;
  detection: string;
  cluster_id: string | null;
}

function fromRow(r: ArticleRow): Article {
  const opt = (v: string | null) => (v === null ? undefined : v);
  return {
    id: r.id,
    sourceId: r.source_id,
    url: r.url,
    canonicalUrl: r.canonical_url,
    title: r.title,
    kicker: opt(r.kicker),
    lead: opt(r.lead),
    body: r.body,
    author: opt(r.author),
    publishedAt: r.published_at,
    publishedRaw: opt(r.published_raw),
    section: opt(r.section),
    image: opt(r.image),
    fetchedAt: r.fetched_at,
    extractedBy: opt(r.extracted_by),
    titleKey: r.title_key,
    textKey: r.text_key,
    detection: JSON.parse(r.detection) as Detection,
    clusterId: r.cluster_id,
  };
}

/**
 * SQL condition for the articles of one city (one `?`, the city): its own, and those stored with
 * no city (before the detect stage knew one). The digest and the review queue read the same set.
 */
export const OF_CITY_SQL = "(city = ? OR city IS NULL OR city = '')";

export interface ListFilter {
  /** Inclusive lower bound on the article's day instant (published, else fetched). */
  from?: string;
  /** Exclusive upper bound. */
  to?: string;
  mentionedOnly?: boolean;
  sourceId?: string;
  limit?: number;
}

/** The articles table: insert-once by canonical URL, read back as Article records. */
export class ArticleStore {
  private readonly insertStmt;
  private readonly existsStmt;
  private readonly getStmt;
  private readonly setClusterStmt;
  private readonly updateDetectionStmt;

  constructor(readonly db: Db) {
    this.insertStmt = db.prepare(`
      INSERT INTO articles (id, canonical_url, url, source_id, title, kicker, lead, body, author,
        published_at, published_raw, section, image, fetched_at, extracted_by, title_key, text_key,
        city, mentioned, critical, score, severity, own_outlet, detection, cluster_id, url_key)
      VALUES (@id, @canonicalUrl, @url, @sourceId, @title, @kicker, @lead, @body, @author,
        @publishedAt, @publishedRaw, @section, @image, @fetchedAt, @extractedBy, @titleKey, @textKey,
        @city, @mentioned, @critical, @score, @severity, @ownOutlet, @detection, @clusterId, @urlKey)
      ON CONFLICT(canonical_url) DO NOTHING`);
    this.existsStmt = db.prepare('SELECT 1 FROM articles WHERE canonical_url = @key OR url_key = @key LIMIT 1').pluck();
    this.getStmt = db.prepare('SELECT * FROM articles WHERE id = ?');
    this.setClusterStmt = db.prepare('UPDATE articles SET cluster_id = ? WHERE id = ?');
    this.updateDetectionStmt = db.prepare(
      'UPDATE articles SET mentioned = ?, critical = ?, score = ?, severity = ?, detection = ? WHERE id = ?',
    );
  }

  /** Whether an article is stored under this canonical URL, or was reached by this (canonicalized) URL. */
  has(url: string): boolean {
    return this.existsStmt.get({ key: url }) !== undefined;
  }

  /** Inserts the article unless its canonical URL is stored already; returns whether it was new. */
  insert(a: Article): boolean {
    const d = a.detection;
    const info = this.insertStmt.run({
      id: a.id,
      canonicalUrl: a.canonicalUrl,
      url: a.url,
      sourceId: a.sourceId,
      title: a.title,
      kicker: a.kicker ?? null,
      lead: a.lead ?? null,
      body: a.body,
      author: a.author ?? null,
      publishedAt: a.publishedAt,
      publishedRaw: a.publishedRaw ?? null,
      section: a.section ?? null,
      image: a.image ?? null,
      fetchedAt: a.fetchedAt,
      extractedBy: a.extractedBy ?? null,
      titleKey: a.titleKey,
      textKey: a.textKey,
      city: d.city,
      mentioned: d.mentioned ? 1 : 0,
      critical: d.critical ? 1 : 0,
      score: d.score,
      severity: d.severity,
      ownOutlet: d.ownOutlet ? 1 : 0,
      detection: JSON.stringify(d),
      clusterId: a.clusterId,
      urlKey: urlKey(a.url),
    });
    return info.changes === 1;
  }

  get(id: string): Article | undefined {
    const r = this.getStmt.get(id) as ArticleRow | undefined;
    return r ? fromRow(r) : undefined;
  }

  setCluster(id: string, clusterId: string): void {
    this.setClusterStmt.run(clusterId, id);
  }

  updateDetection(id: string, d: Detection): void {
    this.updateDetectionStmt.run(d.mentioned ? 1 : 0, d.critical ? 1 : 0, d.score, d.severity, JSON.stringify(d), id);
  }

  /** Articles whose day instant (published, or fetched when the date is unknown) is in [from, to). */
  list(f: ListFilter = {}): Article[] {
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    if (f.from) {
      where.push('COALESCE(published_at, fetched_at) >= @from');
      params.from = f.from;
    }
    if (f.to) {
      where.push('COALESCE(published_at, fetched_at) < @to');
      params.to = f.to;
    }
    if (f.mentionedOnly) where.push('mentioned = 1');
    if (f.sourceId) {
      where.push('source_id = @sourceId');
      params.sourceId = f.sourceId;
    }
    const sql = `SELECT * FROM articles ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
      ORDER BY COALESCE(published_at, fetched_at), id ${f.limit ? 'LIMIT ' + Math.floor(f.limit) : ''}`;
    return (this.db.prepare(sql).all(params) as ArticleRow[]).map(fromRow);
  }

  /** Iterates all articles in id order without loading them all (for index rebuilds). */
  *iterate(): IterableIterator<Article> {
    for (const r of this.db.prepare('SELECT * FROM articles ORDER BY rowid').iterate() as IterableIterator<ArticleRow>) {
      yield fromRow(r);
    }
  }

  count(): number {
    return this.db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
  }
}
