// Aho–Corasick automaton over UTF-16 code units: one pass over the text finds every
// occurrence of every pattern, in time linear in the text length plus the number of matches,
// whatever the dictionary size. Small enough to own; the npm packages for it are unmaintained
// or return only strings without pattern ids.

export interface AcMatch {
  /** Index of the pattern in the list given to the constructor. */
  pattern: number;
  /** [start, end) in the searched text. */
  start: number;
  end: number;
}

export class AhoCorasick {
  private readonly next: Map<number, number>[] = [new Map()];
  private readonly fail: Int32Array;
  /** Patterns ending exactly at a node. */
  private readonly out: number[][] = [[]];
  /** Nearest node on the failure chain that has outputs (-1 = none). */
  private readonly dictLink: Int32Array;
  private readonly lengths: number[];

  constructor(patterns: readonly string[]) {
    this.lengths = patterns.map((p) => p.length);
    patterns.forEach((p, id) => {
      if (p.length === 0) return;
      let node = 0;
      for (let i = 0; i < p.length; i++) {
        const c = p.charCodeAt(i);
        let nx = this.next[node].get(c);
        if (nx === undefined) {
          nx = this.next.length;
          this.next.push(new Map());
          this.out.push([]);
          this.next[node].set(c, nx);
        }
        node = nx;
      }
      this.out[node].push(id);
    });
    const n = this.next.length;
    this.fail = new Int32Array(n);
    this.dictLink = new Int32Array(n).fill(-1);
    const queue: number[] = [];
    for (const child of this.next[0].values()) queue.push(child);
    for (let qi = 0; qi < queue.length; qi++) {
      const node = queue[qi];
      for (const [c, child] of this.next[node]) {
        let f = this.fail[node];
        while (f !== 0 && !this.next[f].has(c)) f = this.fail[f];
        const target = this.next[f].get(c);
        this.fail[child] = target !== undefined && target !== child ? target : 0;
        const fc = this.fail[child];
        this.dictLink[child] = this.out[fc].length > 0 ? fc : this.dictLink[fc];
        queue.push(child);
      }
    }
  }

  get size(): number {
    return this.next.length;
  }

  /** Calls onMatch for every occurrence (overlaps included). */
  scan(text: string, onMatch: (patternId: number, start: number, end: number) => void): void {
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let nx = this.next[node].get(c);
      while (nx === undefined && node !== 0) {
        node = this.fail[node];
        nx = this.next[node].get(c);
      }
      node = nx ?? 0;
      let o = this.out[node].length > 0 ? node : this.dictLink[node];
      while (o !== -1) {
        for (const id of this.out[o]) onMatch(id, i + 1 - this.lengths[id], i + 1);
        o = this.dictLink[o];
      }
    }
  }

  findAll(text: string): AcMatch[] {
    const res: AcMatch[] = [];
    this.scan(text, (pattern, start, end) => res.push({ pattern, start, end }));
    return res;
  }
}
