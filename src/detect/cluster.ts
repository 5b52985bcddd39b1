// Republication clusters: a press release reprinted by fifty outlets is one cluster with its
// original and its reach. Assignment is incremental (each article is compared only with the
// LSH candidates sharing a band with it), and the signatures and bands live in SQLite so the
// next crawl cycle continues where this one stopped. MemoryClusterIndex is the same algorithm
// without the database (typed arrays), for benchmarks and one-off batch runs.
import type { Db } from '../store/db.ts';
import { bandKeys, isEmptySignature, JOIN_THRESHOLD, NUM_HASHES, shingleHashes, signature, similarity } from './minhash.ts';

export interface ClusterInput {
  id: string;
  sourceId: string;
  publishedAt: string | null;
  fetchedAt: string;
  textKey: string;
  titleKey: string;
}

export interface ClusterAssignment {
  clusterId: string;
  /** True when the article started a new cluster. */
  isNew: boolean;
}

export interface ClusterInfo {
  clusterId: string;
  /** The earliest member, or the earliest from the municipality's own outlets when any is a member. */
  originalId: string;
  articleIds: string[];
  /** Distinct outlets that carried the story. */
  outlets: string[];
  count: number;
}

export interface ClusterOptions {
  /** Outlet ids whose copy counts as the original (the municipality's site, its own outlets). */
  preferredSources?: string[];
  threshold?: number;
}

interface Member {
  id: string;
  clusterId: string;
  sourceId: string;
  publishedAt: string | null;
  fetchedAt: string;
}

/** The text the signature is built from: body key, falling back to the title for empty bodies. */
function signatureOf(a: ClusterInput): Uint32Array {
  const key = a.textKey.trim() ? a.textKey : a.titleKey;
  return signature(shingleHashes(key));
}

function pickOriginal(members: Member[], preferred: Set<string>): string {
  const instant = (m: Member) => m.publishedAt ?? m.fetchedAt;
  const pool = members.some((m) => preferred.has(m.sourceId)) ? members.filter((m) => preferred.has(m.sourceId)) : members;
  return pool.reduce((best, m) => (instant(m) < instant(best) || (instant(m) === instant(best) && m.id < best.id) ? m : best)).id;
}

/** The storage the algorithm needs; implemented in memory and in SQLite. */
interface ClusterStore {
  member(id: string): Member | undefined;
  candidates(keys: number[]): string[];
  signatureOf(id: string): Uint32Array | undefined;
  add(m: Member, sig: Uint32Array | null, keys: number[]): void;
  members(clusterId: string): Member[];
}

function assignWith(store: ClusterStore, a: ClusterInput, threshold: number): ClusterAssignment {
  const existing = store.member(a.id);
  if (existing) return { clusterId: existing.clusterId, isNew: false };
  const sig = signatureOf(a);
  const base = { id: a.id, sourceId: a.sourceId, publishedAt: a.publishedAt, fetchedAt: a.fetchedAt };
  if (isEmptySignature(sig)) {
    store.add({ ...base, clusterId: a.id }, null, []);
    return { clusterId: a.id, isNew: true };
  }
  const keys = bandKeys(sig);
  let best: { id: string; sim: number } | undefined;
  for (const c of new Set(store.candidates(keys))) {
    const other = store.signatureOf(c);
    if (!other) continue;
    const sim = similarity(sig, other);
    if (sim >= threshold && (!best || sim > best.sim)) best = { id: c, sim };
  }
  const clusterId = best ? store.member(best.id)!.clusterId : a.id;
  store.add({ ...base, clusterId }, sig, keys);
  return { clusterId, isNew: !best };
}

function infoFrom(clusterId: string, members: Member[], preferred: Set<string>): ClusterInfo | undefined {
  if (members.length === 0) return undefined;
  return {
    clusterId,
    originalId: pickOriginal(members, preferred),
    articleIds: members.map((m) => m.id),
    outlets: [...new Set(members.map((m) => m.sourceId))].sort(),
    count: members.length,
  };
}

/** Incremental clustering persisted in SQLite (tables from src/store/migrations/detect.ts). */
export class ClusterIndex {
  private readonly store: ClusterStore;
  private readonly preferred: Set<string>;
  private readonly threshold: number;

  constructor(readonly db: Db, opts: ClusterOptions = {}) {
    this.preferred = new Set(opts.preferredSources ?? []);
    this.threshold = opts.threshold ?? JOIN_THRESHOLD;
    const getMember = db.prepare(
      'SELECT article_id AS id, cluster_id AS clusterId, source_id AS sourceId, published_at AS publishedAt, fetched_at AS fetchedAt FROM detect_cluster_members WHERE article_id = ?',
    );
    const getSig = db.prepare('SELECT signature FROM detect_cluster_members WHERE article_id = ?').pluck();
    const band = db.prepare('SELECT article_id FROM detect_cluster_bands WHERE band = ? AND hash = ?').pluck();
    const insMember = db.prepare(
      'INSERT INTO detect_cluster_members (article_id, cluster_id, source_id, published_at, fetched_at, signature) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const insBand = db.prepare('INSERT INTO detect_cluster_bands (band, hash, article_id) VALUES (?, ?, ?)');
    const byCluster = db.prepare(
      'SELECT article_id AS id, cluster_id AS clusterId, source_id AS sourceId, published_at AS publishedAt, fetched_at AS fetchedAt FROM detect_cluster_members WHERE cluster_id = ? ORDER BY rowid',
    );
    const add = db.transaction((m: Member, sig: Uint32Array | null, keys: number[]) => {
      insMember.run(m.id, m.clusterId, m.sourceId, m.publishedAt, m.fetchedAt, sig ? Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength) : null);
      keys.forEach((k, b) => insBand.run(b, k, m.id));
    });
    this.store = {
      member: (id) => getMember.get(id) as Member | undefined,
      candidates: (keys) => keys.flatMap((k, b) => band.all(b, k) as string[]),
      signatureOf: (id) => {
        const buf = getSig.get(id) as Buffer | null | undefined;
        if (!buf) return undefined;
        const copy = new Uint8Array(buf.byteLength);
        copy.set(buf);
        return new Uint32Array(copy.buffer);
      },
      add: (m, sig, keys) => add(m, sig, keys),
      members: (clusterId) => byCluster.all(clusterId) as Member[],
    };
  }

  assign(a: ClusterInput): ClusterAssignment {
    return assignWith(this.store, a, this.threshold);
  }

  clusterInfo(clusterId: string): ClusterInfo | undefined {
    return infoFrom(clusterId, this.store.members(clusterId), this.preferred);
  }
}

/**
 * Multimap band key → member index in typed arrays (open addressing, linear probing, load ≤ 0.5): a
 * 300k-article index holds 8M band entries, too many for a Map of arrays. Keys are the low
 * 32 bits of the band key; a collision only adds a candidate, which verification rejects.
 */
class BandTable {
  private keys = new Uint32Array(1 << 16);
  private vals = new Int32Array(1 << 16).fill(-1);
  private size = 0;

  private slot(key: number, mask: number): number {
    return Math.imul(key ^ (key >>> 16), 0x45d9f3b) & mask;
  }

  add(key: number, val: number): void {
    if ((this.size + 1) * 2 > this.vals.length) this.grow();
    const mask = this.vals.length - 1;
    let i = this.slot(key, mask);
    while (this.vals[i] !== -1) i = (i + 1) & mask;
    this.keys[i] = key;
    this.vals[i] = val;
    this.size++;
  }

  forEach(key: number, fn: (val: number) => void): void {
    const mask = this.vals.length - 1;
    for (let i = this.slot(key, mask); this.vals[i] !== -1; i = (i + 1) & mask) if (this.keys[i] === key) fn(this.vals[i]);
  }

  private grow(): void {
    const oldK = this.keys;
    const oldV = this.vals;
    this.keys = new Uint32Array(oldK.length * 2);
    this.vals = new Int32Array(oldV.length * 2).fill(-1);
    this.size = 0;
    for (let i = 0; i < oldV.length; i++) if (oldV[i] !== -1) this.add(oldK[i], oldV[i]);
  }
}

/** The same algorithm held in memory (typed arrays): for benchmarks and batch runs. */
export class MemoryClusterIndex {
  private readonly index = new Map<string, number>();
  private readonly members: Member[] = [];
  private sigs = new Uint32Array(NUM_HASHES * 1024);
  private readonly bands = new BandTable();
  private readonly clusters = new Map<string, number[]>();
  private readonly preferred: Set<string>;
  private readonly threshold: number;

  constructor(opts: ClusterOptions = {}) {
    this.preferred = new Set(opts.preferredSources ?? []);
    this.threshold = opts.threshold ?? JOIN_THRESHOLD;
  }

  get size(): number {
    return this.members.length;
  }

  assign(a: ClusterInput): ClusterAssignment {
    const known = this.index.get(a.id);
    if (known !== undefined) return { clusterId: this.members[known].clusterId, isNew: false };
    const sig = signatureOf(a);
    const n = this.members.length;
    const empty = isEmptySignature(sig);
    let clusterId = a.id;
    let isNew = true;
    const keys = empty ? [] : bandKeys(sig);
    if (!empty) {
      let bestSim = -1;
      let best = -1;
      const seen = new Set<number>();
      for (const k of keys) {
        this.bands.forEach(k % 0x100000000, (m) => {
          if (seen.has(m)) return;
          seen.add(m);
          const sim = similarity(sig, this.sigs.subarray(m * NUM_HASHES, (m + 1) * NUM_HASHES));
          if (sim >= this.threshold && sim > bestSim) {
            bestSim = sim;
            best = m;
          }
        });
      }
      if (best >= 0) {
        clusterId = this.members[best].clusterId;
        isNew = false;
      }
    }
    if ((n + 1) * NUM_HASHES > this.sigs.length) {
      const bigger = new Uint32Array(this.sigs.length * 2);
      bigger.set(this.sigs);
      this.sigs = bigger;
    }
    this.sigs.set(sig, n * NUM_HASHES);
    this.members.push({ id: a.id, clusterId, sourceId: a.sourceId, publishedAt: a.publishedAt, fetchedAt: a.fetchedAt });
    this.index.set(a.id, n);
    for (const k of keys) this.bands.add(k % 0x100000000, n);
    const c = this.clusters.get(clusterId);
    if (c) c.push(n);
    else this.clusters.set(clusterId, [n]);
    return { clusterId, isNew };
  }

  clusterInfo(clusterId: string): ClusterInfo | undefined {
    return infoFrom(clusterId, (this.clusters.get(clusterId) ?? []).map((i) => this.members[i]), this.preferred);
  }

  /** All clusters with at least minSize members. */
  allClusters(minSize = 1): ClusterInfo[] {
    const out: ClusterInfo[] = [];
    for (const [id, idx] of this.clusters) if (idx.length >= minSize) out.push(infoFrom(id, idx.map((i) => this.members[i]), this.preferred)!);
    return out;
  }
}

/** Clusters a batch in arrival order; returns article id → cluster id. */
export function clusterBatch(items: Iterable<ClusterInput>, opts: ClusterOptions = {}): { index: MemoryClusterIndex; assignments: Map<string, string> } {
  const index = new MemoryClusterIndex(opts);
  const assignments = new Map<string, string>();
  for (const a of items) assignments.set(a.id, index.assign(a).clusterId);
  return { index, assignments };
}
