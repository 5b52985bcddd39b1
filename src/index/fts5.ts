// SQLite FTS5 driver: the default, embedded in the store's database, no server.
// Match keys go into a contentless FTS5 table; display text and filter columns into search_docs,
// written in the same transaction so the two never disagree.
import type { Db } from '../store/db.ts';
import { matchKey } from '../normalize/index.ts';
import { toSearchDoc, type SearchDoc } from './document.ts';
import { toFts5, topLevelExclusions, hasPositive, type QueryFilters, type QueryNode } from './query.ts';
import { checkRequest, shapeFacet, toHit, type DisplayFields } from './results.ts';
import {
  SearchIndexError,
  type FacetName,
  type IndexHealth,
  type IndexItem,
  type IndexStats,
  type SearchIndex,
  type SearchRequest,
  type SearchResult,
  type WriteResult,
  type FacetValue,
} from './types.ts';

interface DocRow {
  docid: number;
  id: string;
  url: string;
  source_id: string;
  outlet_name: string;
  type: string | null;
  province: string | null;
  published_at: string | null;
  sort_at: string;
  day: string;
  critical: number;
  cluster_id: string | null;
  title: string;
  kicker: string;
  lead: string;
  body: string;
}

function display(r: DocRow): DisplayFields {
  return {
    id: r.id,
    url: r.url,
    sourceId: r.source_id,
    outletName: r.outlet_name,
    type: r.type,
    province: r.province,
    publishedAt: r.published_at,
    sortAt: r.sort_at,
    day: r.day,
    critical: r.critical === 1,
    clusterId: r.cluster_id,
    title: r.title,
    kicker: r.kicker,
    lead: r.lead,
    body: r.body,
  };
}

class SqlBuilder {
  readonly where: string[] = [];
  readonly params: unknown[] = [];
  match: string | null = null;

  in(col: string, values: string[], negate: boolean): void {
    if (values.length === 0) return;
    const marks = values.map(() => '?').join(',');
    this.where.push(negate ? `(${col} IS NULL OR ${col} NOT IN (${marks}))` : `${col} IN (${marks})`);
    this.params.push(...values);
  }
}

export class Fts5Index implements SearchIndex {
  readonly driver = 'fts5' as const;
  private readonly stmts;

  constructor(private readonly db: Db) {
    const has = db.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'search_fts'`).get();
    if (!has) throw new SearchIndexError('misuse', 'FTS5 index: the database has no search tables; open it with openDb() so migrations run');
    this.stmts = {
      upsertDoc: db.prepare(`
        INSERT INTO search_docs (id, url, source_id, outlet_name, type, province, published_at, sort_at, day, critical,
          cluster_id, title, kicker, lead, body)
        VALUES (@id, @url, @sourceId, @outletName, @type, @province, @publishedAt, @sortAt, @day, @critical,
          @clusterId, @title, @kicker, @lead, @body)
        ON CONFLICT(id) DO UPDATE SET url = excluded.url, source_id = excluded.source_id, outlet_name = excluded.outlet_name,
          type = excluded.type, province = excluded.province, published_at = excluded.published_at, sort_at = excluded.sort_at,
          day = excluded.day, critical = excluded.critical, cluster_id = excluded.cluster_id, title = excluded.title,
          kicker = excluded.kicker, lead = excluded.lead, body = excluded.body
        RETURNING docid`).pluck(),
      ftsDelete: db.prepare('DELETE FROM search_fts WHERE rowid = ?'),
      ftsInsert: db.prepare('INSERT INTO search_fts (rowid, title_key, lead_key, body_key) VALUES (?, ?, ?, ?)'),
      entDelete: db.prepare('DELETE FROM search_entities WHERE docid = ?'),
      entInsert: db.prepare('INSERT OR IGNORE INTO search_entities (entity_key, docid) VALUES (?, ?)'),
      outletInsert: db.prepare('INSERT OR IGNORE INTO search_outlets (key, source_id) VALUES (?, ?)'),
      docidOf: db.prepare('SELECT docid FROM search_docs WHERE id = ?').pluck(),
      docDelete: db.prepare('DELETE FROM search_docs WHERE docid = ?'),
      count: db.prepare('SELECT count(*) FROM search_docs').pluck(),
      outletIds: db.prepare('SELECT source_id FROM search_outlets WHERE key = ?').pluck(),
    };
  }

  private writeDoc(d: SearchDoc): void {
    const s = this.stmts;
    const docid = s.upsertDoc.get({
      id: d.id, url: d.url, sourceId: d.sourceId, outletName: d.outletName, type: d.type, province: d.province,
      publishedAt: d.publishedAt, sortAt: d.sortAt, day: d.day, critical: d.critical ? 1 : 0, clusterId: d.clusterId,
      title: d.title, kicker: d.kicker, lead: d.lead, body: d.body,
    }) as number;
    s.ftsDelete.run(docid);
    s.ftsInsert.run(docid, d.titleKey, d.leadKey, d.bodyKey);
    s.entDelete.run(docid);
    for (const k of d.entityKeys) s.entInsert.run(k, docid);
    for (const k of d.outletKeys) s.outletInsert.run(k, d.sourceId);
  }

  async upsert(items: IndexItem[]): Promise<WriteResult> {
    const docs = items.map(toSearchDoc);
    this.db.transaction(() => docs.forEach((d) => this.writeDoc(d)))();
    return { indexed: docs.length, pending: 0 };
  }

  async delete(ids: string[]): Promise<WriteResult> {
    const s = this.stmts;
    let n = 0;
    this.db.transaction(() => {
      for (const id of ids) {
        const docid = s.docidOf.get(id) as number | undefined;
        if (docid === undefined) continue;
        s.ftsDelete.run(docid);
        s.entDelete.run(docid);
        s.docDelete.run(docid);
        n++;
      }
    })();
    return { indexed: n, pending: 0 };
  }

  async clear(): Promise<void> {
    this.db.transaction(() => {
      this.db.exec(`INSERT INTO search_fts(search_fts) VALUES ('delete-all');
        DELETE FROM search_docs; DELETE FROM search_entities; DELETE FROM search_outlets;`);
    })();
  }

  /** outlet:/site: values are ids or names (Persian or English) → the outlet ids they mean. */
  private outletIds(values: string[]): string[] {
    const ids = new Set<string>();
    for (const v of values) {
      ids.add(v.toLowerCase());
      for (const id of this.stmts.outletIds.all(matchKey(v)) as string[]) ids.add(id);
    }
    return [...ids];
  }

  private build(text: QueryNode | null, f: QueryFilters): SqlBuilder {
    const b = new SqlBuilder();
    if (hasPositive(text)) b.match = toFts5(text!);
    const excl = b.match ? [] : topLevelExclusions(text);
    if (excl.length) {
      b.where.push('d.docid NOT IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?)');
      b.params.push(excl.map((n) => (hasPositive(n) ? toFts5(n) : '')).filter(Boolean).join(' OR '));
    }
    b.in('d.source_id', this.outletIds(f.outlet.include), false);
    b.in('d.source_id', this.outletIds(f.outlet.exclude), true);
    b.in('d.type', f.type.include, false);
    b.in('d.type', f.type.exclude, true);
    b.in('d.province', f.province.include, false);
    b.in('d.province', f.province.exclude, true);
    b.in('d.cluster_id', f.cluster.include, false);
    b.in('d.cluster_id', f.cluster.exclude, true);
    const ent = (vals: string[], neg: boolean) => {
      if (!vals.length) return;
      const keys = vals.map((v) => matchKey(v) || v);
      b.where.push(`d.docid ${neg ? 'NOT IN' : 'IN'} (SELECT docid FROM search_entities WHERE entity_key IN (${keys.map(() => '?').join(',')}))`);
      b.params.push(...keys);
    };
    ent(f.entity.include, false);
    ent(f.entity.exclude, true);
    if (f.from) {
      b.where.push('d.sort_at >= ?');
      b.params.push(f.from.start);
    }
    if (f.to) {
      b.where.push('d.sort_at < ?');
      b.params.push(f.to.end);
    }
    if (f.critical !== undefined) {
      b.where.push('d.critical = ?');
      b.params.push(f.critical ? 1 : 0);
    }
    return b;
  }

  /**
   * FROM/WHERE for the page or for the grouped facet pass. FTS5 yields the matches, rows are looked
   * up and filtered, and bm25 is computed only for rows that pass the filters (a flat join, not a
   * ranked subquery). The facet pass reads the narrow covering index instead of table rows padded
   * with article text (about twice as fast). Checking filtered rows one by one against FTS5
   * (rowid = ? AND MATCH) was measured 6× slower even for selective filters, so it is not used.
   */
  private from(b: SqlBuilder, facets: boolean): { sql: string; params: unknown[] } {
    if (!b.match) return { sql: `FROM search_docs d ${b.where.length ? 'WHERE ' + b.where.join(' AND ') : ''}`, params: b.params };
    const docs = facets ? 'search_docs d INDEXED BY search_docs_facets' : 'search_docs d';
    const where = 'WHERE ' + ['search_fts MATCH ?', ...b.where].join(' AND ');
    return { sql: `FROM search_fts CROSS JOIN ${docs} ON d.docid = search_fts.rowid ${where}`, params: [b.match, ...b.params] };
  }

  async search(req: SearchRequest): Promise<SearchResult> {
    const t0 = performance.now();
    const c = checkRequest(req);
    const b = this.build(c.parsed.text, c.parsed.filters);
    const { sql, params } = this.from(b, false);
    const order = c.sort === 'relevance' && b.match ? 'search_fts.rank, d.sort_at DESC' : 'd.sort_at DESC, d.docid DESC';
    let rows: DocRow[];
    try {
      rows = this.db.prepare(`SELECT d.* ${sql} ORDER BY ${order} LIMIT ? OFFSET ?`).all(...params, c.perPage, c.offset) as DocRow[];
    } catch (e) {
      // Terms are always quoted, so this is a bug in kaghaz, never the user's query.
      throw new SearchIndexError('server', `FTS5 query failed: ${(e as Error).message}`, { cause: e });
    }
    // One grouped pass gives the total and every facet.
    const fq = this.from(b, true);
    const groups = this.db
      .prepare(`SELECT d.source_id AS s, d.outlet_name AS n, d.type AS t, d.province AS p, d.critical AS c, d.day AS day, count(*) AS k ${fq.sql}
        GROUP BY d.source_id, d.type, d.province, d.critical, d.day`)
      .all(...fq.params) as { s: string; n: string; t: string | null; p: string | null; c: number; day: string; k: number }[];
    let total = 0;
    const counts: Record<FacetName, Map<string, number>> = {
      outlet: new Map(), type: new Map(), province: new Map(), critical: new Map(), day: new Map(),
    };
    const names = new Map<string, string>();
    const add = (m: Map<string, number>, v: string | null, k: number) => v !== null && m.set(v, (m.get(v) ?? 0) + k);
    for (const g of groups) {
      total += g.k;
      add(counts.outlet, g.s, g.k);
      names.set(g.s, g.n);
      add(counts.type, g.t, g.k);
      add(counts.province, g.p, g.k);
      add(counts.critical, g.c ? 'yes' : 'no', g.k);
      add(counts.day, g.day, g.k);
    }
    const facets: Partial<Record<FacetName, FacetValue[]>> = {};
    if (c.facets) for (const f of Object.keys(counts) as FacetName[]) facets[f] = shapeFacet(f, counts[f], f === 'outlet' ? names : undefined);
    return {
      hits: rows.map((r) => toHit(display(r), c.terms)),
      total,
      totalExact: true,
      page: c.page,
      perPage: c.perPage,
      sort: c.sort,
      facets,
      tookMs: Math.round(performance.now() - t0),
    };
  }

  async stats(): Promise<IndexStats> {
    return { driver: 'fts5', documents: this.stmts.count.get() as number, pending: 0, failed: 0 };
  }

  async health(): Promise<IndexHealth> {
    try {
      this.db.prepare(`SELECT count(*) FROM search_fts WHERE search_fts MATCH '"kaghaz"'`).get();
      return { ok: true, driver: 'fts5', detail: `${this.stmts.count.get()} documents` };
    } catch (e) {
      return { ok: false, driver: 'fts5', detail: (e as Error).message };
    }
  }

  async close(): Promise<void> {
    // The database belongs to the caller (the store); nothing of ours to release.
  }
}
