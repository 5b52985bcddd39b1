// Whole-token phrase matching over the compact key (see fold.ts) with one Aho–Corasick pass.
import { AhoCorasick } from './aho-corasick.ts';
import { compactPhrase, withoutLamAlef, type Compact } from './fold.ts';

export interface PhraseEntry<T> {
  /** Display phrase; folded and compacted here. */
  phrase: string;
  tag: T;
  /**
   * Letters allowed to follow the phrase inside its last token («تخلف» + «ات»). Without them
   * the phrase must end exactly at a token end (no «تبریز» inside «تبریزی»).
   */
  suffixes?: readonly string[];
  /** Also match the PDF-damaged spelling with «لا» lost («کانشهر» for «کلانشهر»). */
  pdfVariant?: boolean;
}

export interface PhraseHit<T> {
  tag: T;
  /** [start, end) in compact positions; end includes an allowed suffix. */
  start: number;
  end: number;
  /** Token indexes [firstToken, lastToken]. */
  firstToken: number;
  lastToken: number;
}

interface Pattern<T> {
  text: string;
  variants: { tag: T; suffixes?: readonly string[] }[];
}

export class PhraseMatcher<T> {
  private readonly patterns: Pattern<T>[] = [];
  private readonly ac: AhoCorasick;

  constructor(entries: readonly PhraseEntry<T>[]) {
    const byText = new Map<string, Pattern<T>>();
    const add = (text: string, e: PhraseEntry<T>) => {
      if (text.length === 0) return;
      let p = byText.get(text);
      if (!p) {
        p = { text, variants: [] };
        byText.set(text, p);
        this.patterns.push(p);
      }
      p.variants.push({ tag: e.tag, suffixes: e.suffixes });
    };
    for (const e of entries) {
      const c = compactPhrase(e.phrase);
      add(c, e);
      if (e.pdfVariant) {
        const v = withoutLamAlef(c);
        // Very short damaged forms would match ordinary words; keep only distinctive ones.
        if (v && v.length >= 6) add(v, e);
      }
    }
    this.ac = new AhoCorasick(this.patterns.map((p) => p.text));
  }

  get patternCount(): number {
    return this.patterns.length;
  }

  match(c: Compact): PhraseHit<T>[] {
    const hits: PhraseHit<T>[] = [];
    this.ac.scan(c.text, (id, start, end) => {
      if (!c.tokenStart[start]) return;
      const lastToken = c.tokenOf[end - 1];
      const tokenEnd = c.tokens[lastToken].end;
      const rest = end === tokenEnd ? '' : c.text.slice(end, tokenEnd);
      for (const v of this.patterns[id].variants) {
        if (rest !== '' && !(v.suffixes && v.suffixes.includes(rest))) continue;
        hits.push({ tag: v.tag, start, end: tokenEnd, firstToken: c.tokenOf[start], lastToken });
      }
    });
    return hits;
  }
}
