// The editors' query language: words, "phrases" (also «…»), OR (or |), -exclusion (or NOT),
// parentheses, and filters outlet:/site:, type:, province:, from:, to:, critical:, entity:, cluster:.
// Words are turned into match-key tokens with the same matchKey() the documents went through, and
// drivers only ever emit them quoted: user text never reaches FTS5 or Meilisearch as syntax.
import { matchKey } from '../normalize/index.ts';
import { parseDay, type DayRange } from './days.ts';
import { resolveProvince, resolveType, PROVINCE_LABELS, TYPE_LABELS } from './labels.ts';

export class QueryError extends Error {
  constructor(
    message: string,
    /** Character offset in the query where the problem is. */
    readonly position: number,
  ) {
    super(message);
    this.name = 'QueryError';
  }
}

/** A word or phrase as match-key tokens; several tokens must appear next to each other. */
export interface Term {
  kind: 'term';
  tokens: string[];
  /** As typed (for messages). */
  raw: string;
}
export type QueryNode = Term | { kind: 'and'; items: QueryNode[] } | { kind: 'or'; items: QueryNode[] } | { kind: 'not'; item: QueryNode };

export const LIST_FILTERS = ['outlet', 'type', 'province', 'entity', 'cluster'] as const;
export type ListFilterName = (typeof LIST_FILTERS)[number];

export interface ValueFilter {
  include: string[];
  exclude: string[];
}

export interface QueryFilters {
  outlet: ValueFilter;
  type: ValueFilter;
  province: ValueFilter;
  entity: ValueFilter;
  cluster: ValueFilter;
  from?: DayRange;
  to?: DayRange;
  critical?: boolean;
}

export interface ParsedQuery {
  /** The text part; null when the query is only filters (or empty). */
  text: QueryNode | null;
  filters: QueryFilters;
}

const FILTER_NAMES: Record<string, ListFilterName | 'from' | 'to' | 'critical'> = {
  outlet: 'outlet',
  site: 'outlet',
  type: 'type',
  province: 'province',
  entity: 'entity',
  cluster: 'cluster',
  from: 'from',
  to: 'to',
  critical: 'critical',
};
const KNOWN_FILTERS = 'outlet: site: type: province: from: to: critical: entity: cluster:';

const OPEN_QUOTES: Record<string, string> = { '"': '"', '«': '»', '“': '”' };
const CLOSE_QUOTES = new Set(['»', '”']);
const BREAKS = /[\s"«»“”()]/;

type Lexeme =
  | { t: 'word'; text: string; pos: number }
  | { t: 'phrase'; text: string; pos: number }
  | { t: 'filter'; name: string; value: string; pos: number }
  | { t: 'or' | 'neg' | 'lparen' | 'rparen'; pos: number };

function readQuoted(q: string, i: number): { text: string; next: number } {
  const open = q[i];
  const close = OPEN_QUOTES[open];
  const end = q.indexOf(close, i + 1);
  if (end < 0) throw new QueryError(`the quote ${open} at position ${i + 1} is never closed; add ${close} after the phrase`, i);
  return { text: q.slice(i + 1, end), next: end + 1 };
}

function lex(q: string): Lexeme[] {
  const out: Lexeme[] = [];
  let i = 0;
  while (i < q.length) {
    const c = q[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c in OPEN_QUOTES) {
      const { text, next } = readQuoted(q, i);
      out.push({ t: 'phrase', text, pos: i });
      i = next;
      continue;
    }
    if (CLOSE_QUOTES.has(c)) throw new QueryError(`the closing quote ${c} at position ${i + 1} has no opening quote`, i);
    if (c === '(' || c === ')') {
      out.push({ t: c === '(' ? 'lparen' : 'rparen', pos: i });
      i++;
      continue;
    }
    if (c === '-') {
      const n = q[i + 1];
      if (n === undefined || /\s/.test(n) || n === '-' || n === ')')
        throw new QueryError(`"-" at position ${i + 1} excludes nothing; write it directly before a word: -word`, i);
      out.push({ t: 'neg', pos: i });
      i++;
      continue;
    }
    let j = i;
    while (j < q.length && !BREAKS.test(q[j])) j++;
    const run = q.slice(i, j);
    const pos = i;
    i = j;
    if (run === 'OR' || run === '|') {
      out.push({ t: 'or', pos });
      continue;
    }
    if (run === 'AND') continue;
    if (run === 'NOT') {
      out.push({ t: 'neg', pos });
      continue;
    }
    if (/^NEAR(\/\d*)?$/.test(run) && q[j] === '(') throw new QueryError('NEAR(…) is not supported; use a "quoted phrase" for words that belong together', pos);
    if (/^NEAR\//.test(run)) throw new QueryError('NEAR/… is not supported; use a "quoted phrase" for words that belong together', pos);
    if (/[*]/.test(run)) throw new QueryError(`"*" (prefix search) is not supported in «${run}»; write the whole word`, pos);
    if (/[\^]/.test(run)) throw new QueryError(`"^" is not supported in «${run}»; remove it`, pos);
    if (/[{}]/.test(run)) throw new QueryError(`column filters like {title}: are not supported in «${run}»; search all fields, and use ${KNOWN_FILTERS} to narrow`, pos);
    const f = /^([A-Za-z_]+):(.*)$/s.exec(run);
    if (f) {
      const name = f[1].toLowerCase();
      if (!(name in FILTER_NAMES))
        throw new QueryError(`unknown filter "${f[1]}:"; known filters are ${KNOWN_FILTERS} (searching inside one field is not supported)`, pos);
      let value = f[2];
      if (value === '' && i < q.length && q[i] in OPEN_QUOTES) {
        const r = readQuoted(q, i);
        value = r.text;
        i = r.next;
      }
      if (value.trim() === '') throw new QueryError(`the filter "${name}:" needs a value, e.g. ${name}:${exampleFor(name)}`, pos);
      out.push({ t: 'filter', name, value: value.trim(), pos });
      continue;
    }
    out.push({ t: 'word', text: run, pos });
  }
  return out;
}

function exampleFor(name: string): string {
  switch (FILTER_NAMES[name]) {
    case 'from':
    case 'to':
      return '1405/09/01';
    case 'critical':
      return 'yes';
    case 'type':
      return 'agency';
    case 'province':
      return 'east-azerbaijan';
    case 'cluster':
      return '3f2a9c0d1e2b4a5c';
    default:
      return name === 'entity' ? '«شهرداری تبریز»' : 'irna';
  }
}

function emptyFilters(): QueryFilters {
  const v = (): ValueFilter => ({ include: [], exclude: [] });
  return { outlet: v(), type: v(), province: v(), entity: v(), cluster: v() };
}

function termOf(text: string): Term | null {
  const key = matchKey(text);
  if (key === '') return null;
  return { kind: 'term', tokens: key.split(' '), raw: text };
}

class Parser {
  private i = 0;
  readonly filters = emptyFilters();
  constructor(
    private readonly lx: Lexeme[],
    private readonly query: string,
  ) {}

  private peek(): Lexeme | undefined {
    return this.lx[this.i];
  }

  /** andExpr := item* ; depth 0 is the whole query (filters allowed), deeper is inside parentheses. */
  parseAnd(depth: number): QueryNode | null {
    const items: QueryNode[] = [];
    for (;;) {
      const l = this.peek();
      if (!l) break;
      if (l.t === 'rparen') {
        if (depth === 0) throw new QueryError(`")" at position ${l.pos + 1} has no matching "("`, l.pos);
        break;
      }
      if (l.t === 'or') throw new QueryError(`OR at position ${l.pos + 1} needs a word on both sides`, l.pos);
      if (l.t === 'filter' || (l.t === 'neg' && this.lx[this.i + 1]?.t === 'filter')) {
        if (depth > 0) throw new QueryError(`filters cannot go inside parentheses; move "${this.filterAt(l).name}:" outside`, l.pos);
        this.takeFilter();
        if (this.peek()?.t === 'or')
          throw new QueryError('filters cannot be combined with OR; repeat the filter instead (outlet:a outlet:b means either outlet)', this.peek()!.pos);
        continue;
      }
      const node = this.parseOrChain();
      if (node) items.push(node);
    }
    if (items.length === 0) return null;
    const positives = items.filter((n) => n.kind !== 'not');
    if (depth > 0 && positives.length === 0) throw new QueryError('a group in parentheses needs at least one word that is not excluded', 0);
    return items.length === 1 ? items[0] : { kind: 'and', items };
  }

  private filterAt(l: Lexeme): { name: string } {
    const f = l.t === 'filter' ? l : this.lx[this.i + 1];
    return { name: f.t === 'filter' ? f.name : '' };
  }

  /** orChain := unary (OR unary)* */
  private parseOrChain(): QueryNode | null {
    const first = this.parseUnary();
    const items: QueryNode[] = first ? [first] : [];
    while (this.peek()?.t === 'or') {
      const or = this.peek()!;
      this.i++;
      const next = this.peek();
      if (!next || next.t === 'or' || next.t === 'rparen' || next.t === 'filter')
        throw new QueryError(`OR at position ${or.pos + 1} needs a word on both sides`, or.pos);
      const n = this.parseUnary();
      if (n) items.push(n);
    }
    if (items.length > 1 && items.some((n) => n.kind === 'not'))
      throw new QueryError('an excluded word cannot be one side of OR; write the exclusion separately: a OR b -c', 0);
    if (items.length === 0) return null;
    return items.length === 1 ? items[0] : { kind: 'or', items };
  }

  /** unary := '-' primary | primary */
  private parseUnary(): QueryNode | null {
    const l = this.peek()!;
    if (l.t === 'neg') {
      this.i++;
      const next = this.peek();
      if (!next || next.t === 'or' || next.t === 'rparen' || next.t === 'neg')
        throw new QueryError(`"-" (or NOT) at position ${l.pos + 1} excludes nothing; write it directly before a word: -word`, l.pos);
      const item = this.parsePrimary();
      return item ? { kind: 'not', item } : null;
    }
    return this.parsePrimary();
  }

  private parsePrimary(): QueryNode | null {
    const l = this.peek()!;
    this.i++;
    switch (l.t) {
      case 'word':
      case 'phrase':
        return termOf(l.text);
      case 'lparen': {
        const inner = this.parseAnd(1);
        const close = this.peek();
        if (!close || close.t !== 'rparen') throw new QueryError(`"(" at position ${l.pos + 1} is never closed; add ")"`, l.pos);
        this.i++;
        if (!inner) throw new QueryError(`the parentheses at position ${l.pos + 1} are empty`, l.pos);
        return inner;
      }
      case 'filter':
        throw new QueryError(`filters cannot be combined with OR or "-" groups here: "${l.name}:"`, l.pos);
      default:
        throw new QueryError(`unexpected ${l.t === 'or' ? 'OR' : '"' + this.query[l.pos] + '"'} at position ${l.pos + 1}`, l.pos);
    }
  }

  private takeFilter(): void {
    let neg = false;
    if (this.peek()!.t === 'neg') {
      neg = true;
      this.i++;
    }
    const l = this.peek() as Extract<Lexeme, { t: 'filter' }>;
    this.i++;
    const name = FILTER_NAMES[l.name];
    const f = this.filters;
    if (name === 'from' || name === 'to') {
      if (neg) throw new QueryError(`"-${l.name}:" makes no sense; use from: and to: for the date range`, l.pos);
      const r = parseDay(l.value);
      if ('error' in r) throw new QueryError(`${l.name}: ${r.error}`, l.pos);
      f[name] = r;
      if (f.from && f.to && f.from.start >= f.to.end)
        throw new QueryError(`from:${f.from.jalali} is after to:${f.to.jalali}; swap them`, l.pos);
      return;
    }
    if (name === 'critical') {
      const v = l.value.toLowerCase();
      let yes: boolean;
      if (['yes', 'true', '1', 'بله', 'آری', 'اری'].includes(v)) yes = true;
      else if (['no', 'false', '0', 'خیر', 'نه'].includes(v)) yes = false;
      else throw new QueryError(`critical: takes yes or no (بله / خیر), not «${l.value}»`, l.pos);
      f.critical = neg ? !yes : yes;
      return;
    }
    let value = l.value;
    if (name === 'type') {
      const id = resolveType(value);
      if (!id) throw new QueryError(`unknown outlet type «${value}»; use one of ${Object.entries(TYPE_LABELS).map(([k, v]) => `${k} (${v})`).join(', ')}`, l.pos);
      value = id;
    } else if (name === 'province') {
      const id = resolveProvince(value);
      if (!id) throw new QueryError(`unknown province «${value}»; use an id like east-azerbaijan or a name like ${PROVINCE_LABELS['east-azerbaijan']}`, l.pos);
      value = id;
    }
    (neg ? f[name].exclude : f[name].include).push(value);
  }
}

/** Parses an editor query; throws QueryError (with position) on anything malformed. */
export function parseQuery(query: string): ParsedQuery {
  if (query.length > 2000) throw new QueryError('the query is longer than 2000 characters; shorten it', 2000);
  const p = new Parser(lex(query), query);
  const text = p.parseAnd(0);
  return { text, filters: p.filters };
}

/** Every positive word/phrase (for highlighting), excluded ones left out. */
export function positiveTerms(node: QueryNode | null): Term[] {
  if (!node) return [];
  switch (node.kind) {
    case 'term':
      return [node];
    case 'not':
      return [];
    default:
      return node.items.flatMap(positiveTerms);
  }
}

/** True when the node has something that must match (not only exclusions). */
export function hasPositive(node: QueryNode | null): boolean {
  return positiveTerms(node).length > 0;
}

function quoteFts(t: Term): string {
  return '"' + t.tokens.join(' ').replace(/"/g, '""') + '"';
}

/**
 * FTS5 MATCH expression for a node with at least one positive term. Every term is a quoted
 * string, so nothing the user typed is read as FTS5 syntax.
 */
export function toFts5(node: QueryNode): string {
  switch (node.kind) {
    case 'term':
      return quoteFts(node);
    case 'or':
      return '(' + node.items.map(toFts5).join(' OR ') + ')';
    case 'not':
      throw new Error('toFts5: a lone exclusion has no FTS5 form; callers handle it');
    case 'and': {
      const pos = node.items.filter((n) => n.kind !== 'not');
      const neg = node.items.filter((n) => n.kind === 'not').map((n) => (n as { item: QueryNode }).item);
      const p = pos.map(toFts5).join(' AND ');
      if (neg.length === 0) return '(' + p + ')';
      return '((' + p + ') NOT (' + neg.map(toFts5).join(' OR ') + '))';
    }
  }
}

/** The exclusions at the top level of a query without positive terms (e.g. «-ورزش site:irna»). */
export function topLevelExclusions(node: QueryNode | null): QueryNode[] {
  if (!node) return [];
  if (node.kind === 'not') return [node.item];
  if (node.kind === 'and' && !hasPositive(node)) return node.items.map((n) => (n as { item: QueryNode }).item);
  return [];
}

export interface Conjunction {
  pos: Term[];
  neg: Term[];
}

/**
 * Disjunctive normal form: OR of conjunctions of terms, for engines (Meilisearch) whose query
 * string has AND, "phrases" and -exclusion but no OR. Throws QueryError past `limit` branches.
 */
export function toDnf(node: QueryNode | null, limit = 16): Conjunction[] {
  if (!node) return [{ pos: [], neg: [] }];
  const go = (n: QueryNode): Conjunction[] => {
    switch (n.kind) {
      case 'term':
        return [{ pos: [n], neg: [] }];
      case 'or':
        return n.items.flatMap(go);
      case 'not': {
        const inner = go(n.item);
        // -(a OR b) = -a -b; -(a b) has no form without OR of exclusions.
        if (inner.some((c) => c.pos.length !== 1 || c.neg.length > 0))
          throw new QueryError('excluding a group of several words is not supported by the Meilisearch index; exclude words one by one: -a -b', 0);
        return [{ pos: [], neg: inner.map((c) => c.pos[0]) }];
      }
      case 'and': {
        let acc: Conjunction[] = [{ pos: [], neg: [] }];
        for (const item of n.items) {
          const next: Conjunction[] = [];
          for (const a of acc) for (const b of go(item)) next.push({ pos: [...a.pos, ...b.pos], neg: [...a.neg, ...b.neg] });
          if (next.length > limit) throw new QueryError(`the query expands to more than ${limit} OR combinations; simplify it`, 0);
          acc = next;
        }
        return acc;
      }
    }
  };
  const out = go(node);
  if (out.length > limit) throw new QueryError(`the query has more than ${limit} OR alternatives; simplify it`, 0);
  return out;
}
