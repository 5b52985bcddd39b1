// MinHash signatures and LSH band keys over word shingles of an article's match key.
// Sub-quadratic near-duplicate search: two texts become candidates when any band of their
// signatures agrees, which happens with probability 1 − (1 − J^R)^B for Jaccard similarity J.

export const NUM_HASHES = 84;
export const BAND_ROWS = 3;
export const NUM_BANDS = NUM_HASHES / BAND_ROWS; // 28
/** Estimated Jaccard similarity at which a copy joins a cluster. */
export const JOIN_THRESHOLD = 0.5;

/**
 * Function words and newsroom boilerplate left out of shingles: they carry no story, and
 * dropping them lets «به گزارش ایسنا» vs «به گزارش خبرنگار ما» differ by one shingle, not three.
 */
const STOPWORDS = new Set(
  (
    'و در به از که را با این برای است تا بر آن یک هم می شد شده کرد کرده خود ای اند بود ها های ' +
    'گزارش خبرگزاری خبرنگار ما به‌گزارش نیز وی او ان اینکه همچنین پس باید شود کند کنند دارد داد ' +
    'گفت افزود ادامه اظهار داشت کرد عنوان بیان'
  ).split(/\s+/),
);

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

// Deterministic parameters of the hash family a·x + b (a odd), from a fixed seed.
const A = new Uint32Array(NUM_HASHES);
const B = new Uint32Array(NUM_HASHES);
{
  let s = 0x9e3779b9;
  for (let i = 0; i < NUM_HASHES; i++) {
    s = fmix32(s + 0x6d2b79f5);
    A[i] = s | 1;
    s = fmix32(s + 0x6d2b79f5);
    B[i] = s;
  }
}

/** Content tokens of a match key. */
export function contentTokens(key: string): string[] {
  return key.split(' ').filter((t) => t.length > 0 && !STOPWORDS.has(t));
}

/** Hashed shingles: word 3-grams, or single words for very short texts. */
export function shingleHashes(key: string): Uint32Array {
  const tokens = contentTokens(key);
  const th = tokens.map(fnv1a);
  const k = tokens.length >= 12 ? 3 : 1;
  const n = Math.max(0, th.length - k + 1);
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let h = th[i];
    for (let j = 1; j < k; j++) h = Math.imul(h ^ th[i + j], 0x9e3779b1) ^ (h >>> 15);
    out[i] = fmix32(h);
  }
  return out;
}

/** MinHash signature; all 0xffffffff when the text has no shingles. */
export function signature(shingles: Uint32Array): Uint32Array {
  const sig = new Uint32Array(NUM_HASHES).fill(0xffffffff);
  for (let s = 0; s < shingles.length; s++) {
    const x = shingles[s];
    for (let i = 0; i < NUM_HASHES; i++) {
      const v = (Math.imul(A[i], x) + B[i]) >>> 0;
      if (v < sig[i]) sig[i] = v;
    }
  }
  return sig;
}

export function isEmptySignature(sig: Uint32Array): boolean {
  return sig[0] === 0xffffffff && sig[1] === 0xffffffff;
}

/** One integer key per band (band index mixed in), safe as a JS number and a SQLite INTEGER. */
export function bandKeys(sig: Uint32Array): number[] {
  const keys: number[] = [];
  for (let b = 0; b < NUM_BANDS; b++) {
    let lo = fmix32(b + 1);
    let hi = fmix32(b + 0x51ed27);
    for (let r = 0; r < BAND_ROWS; r++) {
      const v = sig[b * BAND_ROWS + r];
      lo = fmix32(lo ^ v);
      hi = fmix32(Math.imul(hi, 31) ^ v);
    }
    keys.push((hi & 0x1fffff) * 0x100000000 + lo);
  }
  return keys;
}

/** Estimated Jaccard similarity: the share of agreeing MinHash positions. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < NUM_HASHES; i++) if (a[i] === b[i]) same++;
  return same / NUM_HASHES;
}
