// Meilisearch driver. Documents carry kaghaz's own match keys (Meilisearch's Persian handling
// leaves Arabic-Indic digits, ۀ and ZWNJ differences apart), queries go through the same
// matchKey(), and highlights are made in kaghaz (src/index/highlight.ts) like for FTS5.
// Every write goes first to a durable outbox in SQLite and leaves it only when Meilisearch
// reports the task succeeded: an outage delays indexing but loses nothing, and re-sent documents
// replace themselves by primary key, so nothing is duplicated.
import {
  Meilisearch,
  MeilisearchApiError,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
  MeilisearchTaskTimeOutError,
  type Index,
  type Settings,
  type Task,
} from 'meilisearch';
import type { Db } from '../store/db.ts';
import { matchKey } from '../normalize/index.ts';
import { toSearchDoc, type SearchDoc } from './document.ts';
import { QueryError, toDnf, type Conjunction, type QueryFilters, type Term } from './query.ts';
import { checkRequest, shapeFacet, toHit, type DisplayFields } from './results.ts';
import {
  SearchIndexError,
  type FacetName,
  type FacetValue,
  type IndexHealth,
  type IndexItem,
  type IndexStats,
  type SearchIndex,
  type SearchRequest,
  type SearchResult,
  type WriteResult,
} from './types.ts';

export interface MeiliOptions {
  url: string;
  apiKey?: string;
  /** Index uid (default "kaghaz-articles"). */
  indexUid?: string;
  db: Db;
  /** Per-request timeout, ms. */
  requestTimeoutMs?: number;
  /** How long to wait for one indexing task, ms. */
  taskTimeoutMs?: number;
  /** Outbox rows sent per task. */
  batchSize?: number;
  /** First retry delay after an outage, ms (doubles up to a minute). */
  retryMs?: number;
}

/** The document as stored in Meilisearch. */
interface MeiliDoc {
  id: string;
  url: string;
  source_id: string;
  outlet_name: string;
  /** "id\u001fname": one facet gives the count and the label. */
  outlet_facet: string;
  outlet_keys: string[];
  type: string | null;
  province: string | null;
  published_at: string | null;
  sort_at: string;
  sort_ts: number;
  day: string;
  critical: boolean;
  cluster_id: string | null;
  entity_keys: string[];
  title: string;
  kicker: string;
  lead: string;
  body: string;
  title_key: string;
  lead_key: string;
  body_key: string;
}

const FACET_ATTR: Record<FacetName, keyof MeiliDoc> = {
  outlet: 'outlet_facet',
  type: 'type',
  province: 'province',
  critical: 'critical',
  day: 'day',
};
const SEP = '\u001f';
/** Meilisearch reads at most 10 words of a query; more would be dropped silently. */
const MAX_QUERY_WORDS = 10;
/** Hits fetched per branch when an OR query is answered by several searches. */
const BRANCH_CAP = 1000;

export const MEILI_SETTINGS: Settings = {
  searchableAttributes: ['title_key', 'lead_key', 'body_key'],
  filterableAttributes: ['id', 'source_id', 'outlet_keys', 'outlet_facet', 'type', 'province', 'sort_ts', 'day', 'critical', 'cluster_id', 'entity_keys'],
  sortableAttributes: ['sort_ts'],
  // Keys are already folded by kaghaz; 'pes' makes Meilisearch segment them as Persian too.
  localizedAttributes: [{ attributePatterns: ['*'], locales: ['pes'] }],
  // Persian words are short and one letter often changes the meaning (قطار/قطر, شهردار «mayor» /
  // شهرداری «municipality»): typos only on long words, never on numbers (dates, amounts).
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 8, twoTypos: 12 }, disableOnNumbers: true },
  // "sort" first: a date-sorted list is in date order, not relevance order with date ties.
  rankingRules: ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness'],
  // Editors search whole words; prefix matching of the last word would differ from FTS5.
  prefixSearch: 'disabled',
  pagination: { maxTotalHits: 10_000 },
  faceting: { maxValuesPerFacet: 200 },
};

function toMeiliDoc(d: SearchDoc): MeiliDoc {
  return {
    id: d.id,
    url: d.url,
    source_id: d.sourceId,
    outlet_name: d.outletName,
    outlet_facet: d.sourceId + SEP + d.outletName,
    outlet_keys: d.outletKeys,
    type: d.type,
    province: d.province,
    published_at: d.publishedAt,
    sort_at: d.sortAt,
    sort_ts: Date.parse(d.sortAt),
    day: d.day,
    critical: d.critical,
    cluster_id: d.clusterId,
    entity_keys: d.entityKeys,
    title: d.title,
    kicker: d.kicker,
    lead: d.lead,
    body: d.body,
    title_key: d.titleKey,
    lead_key: d.leadKey,
    body_key: d.bodyKey,
  };
}

function display(h: MeiliDoc): DisplayFields {
  return {
    id: h.id,
    url: h.url,
    sourceId: h.source_id,
    outletName: h.outlet_name,
    type: h.type,
    province: h.province,
    publishedAt: h.published_at,
    sortAt: h.sort_at,
    day: h.day,
    critical: h.critical,
    clusterId: h.cluster_id,
    title: h.title,
    kicker: h.kicker,
    lead: h.lead,
    body: h.body,
  };
}

/** Splits client errors into the three kinds callers act on. */
export function classifyMeiliError(e: unknown, what: string): SearchIndexError {
  if (e instanceof SearchIndexError || e instanceof QueryError) return e as SearchIndexError;
  if (e instanceof MeilisearchApiError) {
    const code = e.cause?.code ?? e.response?.status;
    const hint = e.response?.status === 401 || e.response?.status === 403 ? ' (check MEILI_API_KEY)' : '';
    return new SearchIndexError('server', `Meilisearch refused ${what}: ${code}: ${e.message}${hint}`, { cause: e });
  }
  if (e instanceof MeilisearchRequestError || e instanceof MeilisearchRequestTimeOutError || e instanceof MeilisearchTaskTimeOutError)
    return new SearchIndexError('connect', `could not reach Meilisearch for ${what}: ${e.message}`, { cause: e });
  return new SearchIndexError('misuse', `Meilisearch client rejected ${what}: ${(e as Error)?.message ?? String(e)}`, { cause: e });
}

/**
 * A request the server rejects outright (400, 413 …) is handled like a failed task, so one bad
 * batch is split and isolated instead of blocking the outbox forever. Network errors still throw.
 */
async function refusedAsFailed(p: Promise<Task>): Promise<Pick<Task, 'status' | 'error'>> {
  try {
    return await p;
  } catch (e) {
    // A missing permission is not the documents' fault: keep them pending and surface the error.
    if (!(e instanceof MeilisearchApiError) || e.response?.status === 401 || e.response?.status === 403) throw e;
    return { status: 'failed', error: { code: String(e.cause?.code ?? e.response?.status), message: e.message, type: String(e.cause?.type ?? ''), link: '' } as Task['error'] };
  }
}

const quote = (v: string) => '"' + v.replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"';
const list = (vals: string[]) => '[' + vals.map(quote).join(', ') + ']';

export function meiliFilter(f: QueryFilters): string[] {
  const out: string[] = [];
  if (f.outlet.include.length) {
    const keys = f.outlet.include.map((v) => matchKey(v)).filter(Boolean);
    const ids = f.outlet.include.map((v) => v.toLowerCase());
    out.push(`(source_id IN ${list(ids)}${keys.length ? ` OR outlet_keys IN ${list(keys)}` : ''})`);
  }
  if (f.outlet.exclude.length) {
    const keys = f.outlet.exclude.map((v) => matchKey(v)).filter(Boolean);
    out.push(`NOT source_id IN ${list(f.outlet.exclude.map((v) => v.toLowerCase()))}`);
    if (keys.length) out.push(`NOT outlet_keys IN ${list(keys)}`);
  }
  const simple = (attr: string, v: { include: string[]; exclude: string[] }, key = false) => {
    const norm = (xs: string[]) => (key ? xs.map((x) => matchKey(x) || x) : xs);
    if (v.include.length) out.push(`${attr} IN ${list(norm(v.include))}`);
    if (v.exclude.length) out.push(`NOT ${attr} IN ${list(norm(v.exclude))}`);
  };
  simple('type', f.type);
  simple('province', f.province);
  simple('cluster_id', f.cluster);
  simple('entity_keys', f.entity, true);
  if (f.from) out.push(`sort_ts >= ${Date.parse(f.from.start)}`);
  if (f.to) out.push(`sort_ts < ${Date.parse(f.to.end)}`);
  if (f.critical !== undefined) out.push(`critical = ${f.critical}`);
  return out;
}

function termText(t: Term): string {
  return t.tokens.length === 1 ? t.tokens[0] : '"' + t.tokens.join(' ') + '"';
}

/** Meilisearch query string for one conjunction: words, "phrases", -exclusions — all match keys. */
export function meiliQuery(c: Conjunction): string {
  const words = [...c.pos, ...c.neg].reduce((n, t) => n + t.tokens.length, 0);
  if (words > MAX_QUERY_WORDS)
    throw new QueryError(`the Meilisearch index reads at most ${MAX_QUERY_WORDS} words of a query; this one has ${words}. Remove some, or use filters`, 0);
  return [...c.pos.map(termText), ...c.neg.map((t) => '-' + termText(t))].join(' ');
}

export class MeiliIndex implements SearchIndex {
  readonly driver = 'meilisearch' as const;
  readonly indexUid: string;
  private readonly client: Meilisearch;
  private readonly index: Index<MeiliDoc>;
  private readonly db: Db;
  private readonly batchSize: number;
  private readonly taskTimeoutMs: number;
  private ready: Promise<void> | null = null;
  private flushing: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryDelay: number;
  private readonly baseRetry: number;
  private lastError: string | undefined;
  private closed = false;

  constructor(opts: MeiliOptions) {
    if (!/^https?:\/\//.test(opts.url)) throw new SearchIndexError('misuse', `MEILI_URL must be an http(s) URL like http://127.0.0.1:7700, got «${opts.url}»`);
    this.indexUid = opts.indexUid ?? 'kaghaz-articles';
    if (!/^[A-Za-z0-9_-]+$/.test(this.indexUid)) throw new SearchIndexError('misuse', `Meilisearch index uid «${this.indexUid}» may hold only letters, digits, - and _`);
    this.client = new Meilisearch({ host: opts.url, apiKey: opts.apiKey, timeout: opts.requestTimeoutMs ?? 10_000 });
    this.index = this.client.index<MeiliDoc>(this.indexUid);
    this.db = opts.db;
    this.batchSize = opts.batchSize ?? 2000;
    this.taskTimeoutMs = opts.taskTimeoutMs ?? 120_000;
    this.baseRetry = this.retryDelay = opts.retryMs ?? 2000;
    const has = this.db.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'search_outbox'`).get();
    if (!has) throw new SearchIndexError('misuse', 'Meilisearch index: the database has no search_outbox table; open it with openDb() so migrations run');
  }

  private async waitOk(p: Promise<Task>, what: string): Promise<Task> {
    const task = await p;
    if (task.status !== 'succeeded')
      throw new SearchIndexError('server', `Meilisearch task ${task.uid} (${what}) ${task.status}: ${task.error?.code ?? ''} ${task.error?.message ?? ''}`.trim());
    return task;
  }

  /** Creates the index if needed and applies the settings (idempotent: same settings, no change). */
  private ensureReady(): Promise<void> {
    this.ready ??= (async () => {
      try {
        const created = await this.client.createIndex(this.indexUid, { primaryKey: 'id' }).waitTask({ timeout: this.taskTimeoutMs });
        if (created.status === 'failed' && created.error?.code !== 'index_already_exists')
          throw new SearchIndexError('server', `Meilisearch could not create index ${this.indexUid}: ${created.error?.message}`);
        await this.waitOk(this.index.updateSettings(MEILI_SETTINGS).waitTask({ timeout: this.taskTimeoutMs }), 'settings');
      } catch (e) {
        this.ready = null;
        throw classifyMeiliError(e, 'index setup');
      }
    })();
    return this.ready;
  }

  private pendingCount(failed: 0 | 1, fromSeq = 0): number {
    return this.db
      .prepare('SELECT count(*) FROM search_outbox WHERE index_uid = ? AND failed = ? AND seq >= ?')
      .pluck()
      .get(this.indexUid, failed, fromSeq) as number;
  }

  private enqueue(rows: { id: string; op: 'upsert' | 'delete'; doc?: MeiliDoc }[]): number {
    const ins = this.db.prepare('INSERT INTO search_outbox (index_uid, doc_id, op, doc, enqueued_at) VALUES (?, ?, ?, ?, ?)');
    let first = 0;
    this.db.transaction(() => {
      const now = new Date().toISOString();
      rows.forEach((r, i) => {
        const info = ins.run(this.indexUid, r.id, r.op, r.doc ? JSON.stringify(r.doc) : null, now);
        if (i === 0) first = Number(info.lastInsertRowid);
      })
    })();
    return first;
  }

  async upsert(items: IndexItem[]): Promise<WriteResult> {
    const docs = items.map((it) => toMeiliDoc(toSearchDoc(it)));
    for (const d of docs)
      if (!/^[A-Za-z0-9_-]{1,511}$/.test(d.id))
        throw new SearchIndexError('misuse', `article id «${d.id}» cannot be a Meilisearch primary key (letters, digits, - and _ only)`);
    if (docs.length === 0) return { indexed: 0, pending: this.pendingCount(0) };
    const first = this.enqueue(docs.map((doc) => ({ id: doc.id, op: 'upsert', doc })));
    await this.flush();
    const pending = this.pendingCount(0, first) + this.pendingCount(1, first);
    return { indexed: docs.length - pending, pending };
  }

  async delete(ids: string[]): Promise<WriteResult> {
    if (ids.length === 0) return { indexed: 0, pending: 0 };
    const first = this.enqueue(ids.map((id) => ({ id, op: 'delete' })));
    await this.flush();
    const pending = this.pendingCount(0, first) + this.pendingCount(1, first);
    return { indexed: ids.length - pending, pending };
  }

  /**
   * Sends the outbox to Meilisearch until it is empty or the server is unreachable (then a retry
   * is scheduled). Runs one at a time; concurrent callers share the run in progress.
   */
  flush(): Promise<void> {
    if (this.flushing) return this.flushing.then(() => (this.pendingCount(0) > 0 && !this.closed ? this.flush() : undefined));
    this.flushing = this.drain().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async drain(): Promise<void> {
    const select = this.db.prepare(
      'SELECT seq, doc_id, op, doc FROM search_outbox WHERE index_uid = ? AND failed = 0 ORDER BY seq LIMIT ?',
    );
    try {
      await this.ensureReady();
      for (;;) {
        const rows = select.all(this.indexUid, this.batchSize) as { seq: number; doc_id: string; op: string; doc: string | null }[];
        if (rows.length === 0) break;
        await this.sendBatch(rows);
      }
      this.lastError = undefined;
      this.retryDelay = this.baseRetry;
    } catch (e) {
      const err = classifyMeiliError(e, 'indexing');
      this.lastError = err.message;
      if (err.kind !== 'connect') throw err;
      this.scheduleRetry();
    }
  }

  private scheduleRetry(): void {
    if (this.closed || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.flush().catch(() => {});
    }, this.retryDelay);
    this.retryTimer.unref();
    this.retryDelay = Math.min(this.retryDelay * 2, 60_000);
  }

  private async sendBatch(rows: { seq: number; doc_id: string; op: string; doc: string | null }[]): Promise<void> {
    // Only the newest write of each document counts; older ones in the batch are superseded.
    const last = new Map<string, (typeof rows)[number]>();
    for (const r of rows) last.set(r.doc_id, r);
    const upserts = [...last.values()].filter((r) => r.op === 'upsert');
    const deletes = [...last.values()].filter((r) => r.op === 'delete');
    const done = this.db.prepare('DELETE FROM search_outbox WHERE seq = ?');
    const fail = this.db.prepare('UPDATE search_outbox SET failed = 1, attempts = attempts + 1, last_error = ? WHERE seq = ?');
    const markDone = (seqs: number[]) => this.db.transaction(() => seqs.forEach((s) => done.run(s)))();
    const wait = { timeout: this.taskTimeoutMs, interval: 50 };
    const superseded = rows.filter((r) => last.get(r.doc_id) !== r).map((r) => r.seq);

    if (upserts.length) {
      const task = await refusedAsFailed(this.index.addDocuments(upserts.map((r) => JSON.parse(r.doc!) as MeiliDoc), { primaryKey: 'id' }).waitTask(wait));
      if (task.status === 'succeeded') markDone(upserts.map((r) => r.seq));
      else if (upserts.length === 1) {
        fail.run(`${task.error?.code}: ${task.error?.message}`, upserts[0].seq);
        this.lastError = `Meilisearch refused document ${upserts[0].doc_id}: ${task.error?.message}`;
      } else {
        // One bad document fails the whole task: send them one by one to find it.
        for (const r of upserts) await this.sendBatch([r]);
      }
    }
    if (deletes.length) {
      const task = await refusedAsFailed(this.index.deleteDocuments(deletes.map((r) => r.doc_id)).waitTask(wait));
      if (task.status === 'succeeded') markDone(deletes.map((r) => r.seq));
      else {
        for (const r of deletes) fail.run(`${task.error?.code}: ${task.error?.message}`, r.seq);
        this.lastError = `Meilisearch refused a deletion: ${task.error?.message}`;
      }
    }
    markDone(superseded);
  }

  /** Gives failed outbox rows another chance (after a settings fix, for example). */
  async retryFailed(): Promise<void> {
    this.db.prepare('UPDATE search_outbox SET failed = 0 WHERE index_uid = ? AND failed = 1').run(this.indexUid);
    await this.flush();
  }

  async clear(): Promise<void> {
    try {
      await this.ensureReady();
      await this.waitOk(this.index.deleteAllDocuments().waitTask({ timeout: this.taskTimeoutMs }), 'clear');
    } catch (e) {
      throw classifyMeiliError(e, 'clearing the index');
    }
    this.db.prepare('DELETE FROM search_outbox WHERE index_uid = ?').run(this.indexUid);
  }

  async search(req: SearchRequest): Promise<SearchResult> {
    const t0 = performance.now();
    const c = checkRequest(req);
    const branches = toDnf(c.parsed.text);
    const queries = branches.map(meiliQuery);
    const filter = meiliFilter(c.parsed.filters);
    const facets = c.facets ? (Object.values(FACET_ATTR) as string[]) : undefined;
    try {
      await this.ensureReady();
      if (branches.length === 1) {
        const r = await this.index.search<MeiliDoc>(queries[0], {
          filter,
          facets,
          page: c.page,
          hitsPerPage: c.perPage,
          sort: c.sort === 'date' ? ['sort_ts:desc'] : undefined,
          matchingStrategy: 'all',
          locales: ['pes'],
        });
        const dist = r.facetDistribution ?? {};
        const total = (r as { totalHits?: number }).totalHits ?? 0;
        return {
          hits: r.hits.map((h) => toHit(display(h), c.terms)),
          total,
          totalExact: total < (MEILI_SETTINGS.pagination?.maxTotalHits ?? 1000),
          page: c.page,
          perPage: c.perPage,
          sort: c.sort,
          facets: c.facets ? this.facetsFrom((name) => new Map(Object.entries(dist[FACET_ATTR[name]] ?? {}))) : {},
          tookMs: Math.round(performance.now() - t0),
        };
      }
      return await this.searchUnion(c, queries, filter, t0);
    } catch (e) {
      throw classifyMeiliError(e, 'a search');
    }
  }

  private facetsFrom(get: (name: FacetName) => Map<string, number>): Partial<Record<FacetName, FacetValue[]>> {
    const out: Partial<Record<FacetName, FacetValue[]>> = {};
    for (const name of Object.keys(FACET_ATTR) as FacetName[]) {
      const counts = get(name);
      if (name !== 'outlet') {
        out[name] = shapeFacet(name, name === 'critical' ? new Map([...counts].map(([k, v]) => [k === 'true' ? 'yes' : 'no', v])) : counts);
        continue;
      }
      const ids = new Map<string, number>();
      const labels = new Map<string, string>();
      for (const [v, n] of counts) {
        const [id, label] = v.split(SEP);
        ids.set(id, (ids.get(id) ?? 0) + n);
        labels.set(id, label ?? id);
      }
      out[name] = shapeFacet(name, ids, labels);
    }
    return out;
  }

  /**
   * OR queries: Meilisearch has no OR in its query language, so each branch of the query's
   * disjunctive form is searched (one multi-search request) and the union is ranked, counted
   * and faceted here. Each branch contributes at most BRANCH_CAP hits; past that the total is
   * a lower bound (totalExact false).
   */
  private async searchUnion(c: ReturnType<typeof checkRequest>, queries: string[], filter: string[], t0: number): Promise<SearchResult> {
    type Light = Pick<MeiliDoc, 'id' | 'sort_ts' | 'outlet_facet' | 'type' | 'province' | 'critical' | 'day'> & { _rankingScore?: number };
    const res = await this.client.multiSearch({
      queries: queries.map((q) => ({
        indexUid: this.indexUid,
        q,
        filter,
        limit: BRANCH_CAP,
        attributesToRetrieve: ['id', 'sort_ts', 'outlet_facet', 'type', 'province', 'critical', 'day'],
        showRankingScore: true,
        matchingStrategy: 'all' as const,
        locales: ['pes'],
      })),
    });
    let exact = true;
    const union = new Map<string, Light>();
    for (const r of res.results) {
      if ((r.estimatedTotalHits ?? 0) > BRANCH_CAP) exact = false;
      for (const h of r.hits as Light[]) {
        const prev = union.get(h.id);
        if (!prev || (h._rankingScore ?? 0) > (prev._rankingScore ?? 0)) union.set(h.id, h);
      }
    }
    const all = [...union.values()];
    all.sort((a, b) =>
      c.sort === 'relevance' ? (b._rankingScore ?? 0) - (a._rankingScore ?? 0) || b.sort_ts - a.sort_ts : b.sort_ts - a.sort_ts || (a.id < b.id ? 1 : -1),
    );
    const pageIds = all.slice(c.offset, c.offset + c.perPage).map((h) => h.id);
    let docs: MeiliDoc[] = [];
    if (pageIds.length) {
      const r = await this.index.search<MeiliDoc>('', { filter: `id IN ${list(pageIds)}`, limit: pageIds.length });
      const byId = new Map(r.hits.map((h) => [h.id, h]));
      docs = pageIds.map((id) => byId.get(id)).filter((d): d is MeiliDoc => !!d);
    }
    const count = (name: FacetName) => {
      const m = new Map<string, number>();
      for (const h of all) {
        const v = h[FACET_ATTR[name] as keyof Light];
        if (v === null || v === undefined) continue;
        const key = String(v);
        m.set(key, (m.get(key) ?? 0) + 1);
      }
      return m;
    };
    return {
      hits: docs.map((d) => toHit(display(d), c.terms)),
      total: all.length,
      totalExact: exact,
      page: c.page,
      perPage: c.perPage,
      sort: c.sort,
      facets: c.facets ? this.facetsFrom(count) : {},
      tookMs: Math.round(performance.now() - t0),
    };
  }

  async stats(): Promise<IndexStats> {
    const pending = this.pendingCount(0);
    const failed = this.pendingCount(1);
    let documents = -1;
    const refused = this.db
      .prepare('SELECT doc_id, last_error FROM search_outbox WHERE index_uid = ? AND failed = 1 ORDER BY seq DESC LIMIT 1')
      .get(this.indexUid) as { doc_id: string; last_error: string } | undefined;
    let lastError = this.lastError ?? (refused ? `Meilisearch refused document ${refused.doc_id}: ${refused.last_error}` : undefined);
    try {
      documents = (await this.index.getStats()).numberOfDocuments;
    } catch (e) {
      lastError = classifyMeiliError(e, 'stats').message;
    }
    return { driver: 'meilisearch', documents, pending, failed, ...(lastError ? { lastError } : {}) };
  }

  async health(): Promise<IndexHealth> {
    try {
      await this.client.health();
      const pending = this.pendingCount(0);
      const failed = this.pendingCount(1);
      const ok = failed === 0;
      return { ok, driver: 'meilisearch', detail: `reachable; outbox ${pending} pending, ${failed} refused${this.lastError ? '; last error: ' + this.lastError : ''}` };
    } catch (e) {
      return { ok: false, driver: 'meilisearch', detail: classifyMeiliError(e, 'health').message };
    }
  }

  /** Deletes the whole Meilisearch index and this index's outbox rows (tests, re-creation). */
  async drop(): Promise<void> {
    await this.close();
    await this.client.deleteIndexIfExists(this.indexUid);
    this.db.prepare('DELETE FROM search_outbox WHERE index_uid = ?').run(this.indexUid);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    await this.flushing?.catch(() => {});
  }
}
