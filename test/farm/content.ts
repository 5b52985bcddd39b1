// Deterministic synthetic Persian news for the outlet farm and for tests.
//
// A corpus is planned as events → distinct stories → copies. A press release is one story
// copied by several outlets with small edits (same releaseId); an agency story may be copied
// verbatim-ish too (same storyId, no releaseId). Copies are rendered on demand from the plan,
// so a 10,000-article farm keeps only the story drafts in memory.
import { CITIES, OUTLET_NAMES, SYNONYMS, type FarmCity, type CityVocab } from './vocab.ts';
import { generateEvent, wordRegex, type FarmArticleKind, type StoryDraft } from './stories.ts';
import { type Rng, makeRng, subSeed, int, pick, chance } from './rng.ts';

export type { FarmArticleKind } from './stories.ts';
export { FARM_KINDS } from './stories.ts';
export type { FarmCity } from './vocab.ts';
export { CITIES, FARM_CITIES } from './vocab.ts';

export interface FarmArticle {
  /** Unique per copy: `s{story}-c{copy}`. */
  id: string;
  title: string;
  kicker?: string;
  /** The lead (summary) paragraph; not repeated in `body`. */
  lead: string;
  /** Body paragraphs joined by "\n\n" (lead excluded). */
  body: string;
  paragraphs: string[];
  kind: FarmArticleKind;
  /** Same for every republication of one municipality press release. */
  releaseId?: string;
  /** Same for copies of one story (a release and its republications, or an agency copy). */
  storyId: string;
  /** Distinct stories about one event (e.g. a release and a critical report on the same metro opening). */
  eventId: string;
  city: FarmCity;
  publishedAt: Date;
  mentionsMunicipality: boolean;
  critical: boolean;
  /** The outlet whose boilerplate the copy carries. */
  outletNameFa: string;
  /** How the text was disfigured (for debugging a failing extraction or match). */
  style: TextStyle;
}

export interface TextStyle {
  /** 'arabic': ي/ك instead of ی/ک throughout (old CMSs, windows-1256 sites). */
  letters: 'persian' | 'arabic';
  /** ZWNJ kept, dropped («میشود») or replaced by a space («می شود»). */
  zwnj: 'keep' | 'drop' | 'space';
  digits: 'persian' | 'ascii' | 'arabic-indic' | 'mixed';
  /** Kashida (ـ) stretched into a word of the title. */
  kashida: boolean;
}

export const CLEAN_STYLE: TextStyle = { letters: 'persian', zwnj: 'keep', digits: 'persian', kashida: false };

const MUNICIPAL_KINDS = new Set<FarmArticleKind>(['press-release', 'critical', 'neutral', 'mayor-criticises-other']);

export interface PlannedStory {
  storyId: string;
  eventId: string;
  releaseId?: string;
  draft: StoryDraft;
  /** Time the first copy appeared. */
  publishedAt: number;
}

/** A copy of a story, not yet rendered: a few numbers. */
export interface PlannedCopy {
  story: number;
  copy: number;
  seed: number;
  publishedAt: number;
}

export interface CorpusPlan {
  city: CityVocab;
  stories: PlannedStory[];
  copies: PlannedCopy[];
}

export interface PlanOptions {
  city?: FarmCity;
  /** Newest possible publication time; default 2026-11-22T06:00:00Z so output does not depend on the clock. */
  now?: Date;
  /** Publication times are spread over this many days before `now` (default 3). */
  spanDays?: number;
  /** Most copies of one story (a farm passes its outlet count so reprints land on different outlets). */
  maxCopies?: number;
}

export const DEFAULT_NOW = new Date('2026-11-22T06:00:00Z');

export function cityVocab(city: string = 'tabriz'): CityVocab {
  const c = (CITIES as Record<string, CityVocab>)[city];
  if (!c) throw new Error(`farm: unknown city "${city}"; use one of ${Object.keys(CITIES).join(', ')}`);
  return c;
}

/** Plans `count` article copies: events, their stories, and how many outlets copy each story. */
export function planCorpus(count: number, seed = 1, opts: PlanOptions = {}): CorpusPlan {
  if (!Number.isInteger(count) || count < 0) throw new Error(`farm: article count must be a whole number ≥ 0, got ${count}`);
  const city = cityVocab(opts.city);
  const now = (opts.now ?? DEFAULT_NOW).getTime();
  const span = (opts.spanDays ?? 3) * 86_400_000;
  const rng = makeRng(subSeed(seed, 'plan', city.id));
  const stories: PlannedStory[] = [];
  const copies: PlannedCopy[] = [];
  let events = 0;
  let releases = 0;
  while (copies.length < count) {
    const ev = generateEvent(rng, city);
    const eventId = `ev-${++events}`;
    for (const draft of ev.drafts) {
      if (copies.length >= count) break;
      const storyNo = stories.length;
      const first = Math.floor((now - rng() * span) / 60_000) * 60_000;
      stories.push({
        storyId: `st-${storyNo + 1}`,
        eventId,
        releaseId: draft.kind === 'press-release' ? `rel-${++releases}` : undefined,
        draft,
        publishedAt: first,
      });
      const wanted = draft.kind === 'press-release' ? int(rng, 2, 5) : chance(rng, 0.2) ? 2 : 1;
      const n = Math.max(1, Math.min(wanted, opts.maxCopies ?? Infinity));
      for (let k = 0; k < n && copies.length < count; k++) {
        const delay = k === 0 ? 0 : int(rng, 5, 360) * 60_000;
        copies.push({ story: storyNo, copy: k, seed: Math.floor(rng() * 2 ** 32), publishedAt: Math.min(now, first + delay) });
      }
    }
  }
  return { city, stories, copies };
}

export interface RenderOutlet {
  nameFa: string;
  style: TextStyle;
}

/** Renders one planned copy as the given outlet would publish it. */
export function renderCopy(plan: CorpusPlan, copy: PlannedCopy, outlet: RenderOutlet): FarmArticle {
  const s = plan.stories[copy.story];
  const d = s.draft;
  const rng = makeRng(copy.seed);
  const muni = `شهرداری ${plan.city.fa}`;
  let title = headline(d, copy, rng);
  let lead = d.lead;
  let paragraphs = [...d.paragraphs];
  if (copy.copy > 0) {
    // A republication: the edits outlets really make to a release they reprint.
    const own = `به گزارش روابط عمومی ${muni}،`;
    if (lead.startsWith(own)) {
      const r = rng();
      if (r < 0.4) lead = lead.replace(own, `به گزارش خبرنگار ${outlet.nameFa}،`);
      else if (r < 0.7) lead = lead.replace(own, `به گزارش ${outlet.nameFa} به نقل از روابط عمومی ${muni}،`);
    } else if (chance(rng, 0.5)) {
      lead = `به گزارش ${outlet.nameFa}، ${lead}`;
    }
    if (paragraphs.length >= 3 && chance(rng, 0.5)) {
      const i = int(rng, 0, paragraphs.length - 2);
      [paragraphs[i], paragraphs[i + 1]] = [paragraphs[i + 1], paragraphs[i]];
    }
    if (chance(rng, 0.4)) paragraphs = paragraphs.map(reorderSentences);
    const swaps = new Map(SYNONYMS.filter(() => chance(rng, 0.35)));
    const swapRe = swaps.size > 0 ? cachedWordRegex([...swaps.keys()]) : null;
    const swap = (t: string) => (swapRe ? t.replace(swapRe, (w) => swaps.get(w)!) : t);
    lead = swap(lead);
    paragraphs = paragraphs.map(swap);
    if (paragraphs.length >= 3 && chance(rng, 0.4)) {
      const dropped = paragraphs.pop()!;
      // A reprint of a municipal story still names the municipality somewhere.
      if (MUNICIPAL_KINDS.has(d.kind) && !namesMunicipality(plan.city, [title, lead, ...paragraphs].join(' '))) paragraphs.push(dropped);
    }
    if (MUNICIPAL_KINDS.has(d.kind) && !namesMunicipality(plan.city, [title, lead, ...paragraphs].join(' '))) {
      lead = lead.replace(`به گزارش خبرنگار ${outlet.nameFa}،`, `به گزارش ${outlet.nameFa} به نقل از روابط عمومی ${muni}،`);
    }
  }
  const sign = pick(rng, ['انتهای پیام', 'انتهای پیام/', '/ ۱۰۱', '', '', '']);
  if (sign) paragraphs.push(sign);
  const style = outlet.style;
  const t = (text: string, i: number) => applyStyle(text, style, copy.seed + i);
  const styledParagraphs = paragraphs.map((p, i) => t(p, i + 3));
  return {
    id: `s${copy.story + 1}-c${copy.copy + 1}`,
    title: styledHeadline(title, outlet.style, copy.seed),
    kicker: d.kicker ? t(d.kicker, 1) : undefined,
    lead: t(lead, 2),
    body: styledParagraphs.join('\n\n'),
    paragraphs: styledParagraphs,
    kind: d.kind,
    releaseId: s.releaseId,
    storyId: s.storyId,
    eventId: s.eventId,
    city: plan.city.id,
    publishedAt: new Date(copy.publishedAt),
    mentionsMunicipality: MUNICIPAL_KINDS.has(d.kind),
    critical: d.kind === 'critical',
    outletNameFa: outlet.nameFa,
    style,
  };
}

const wordRegexCache = new Map<string, RegExp>();
function cachedWordRegex(words: string[]): RegExp {
  const key = words.join('|');
  let re = wordRegexCache.get(key);
  if (!re) wordRegexCache.set(key, (re = wordRegex(words)));
  return re;
}

function namesMunicipality(c: CityVocab, text: string): boolean {
  return [`شهرداری ${c.fa}`, `شهردار ${c.fa}`, c.mayor.name, ...Object.values(c.subsidiaries)].some((n) => text.includes(n));
}

/** The headline a copy carries: the first one, or for a reprint often another (first rng draws). */
function headline(d: StoryDraft, copy: PlannedCopy, rng: Rng): string {
  if (copy.copy > 0 && d.titles.length > 1 && chance(rng, 0.7)) return d.titles[1 + Math.floor(rng() * (d.titles.length - 1))];
  return d.titles[0];
}

function styledHeadline(title: string, style: TextStyle, seed: number): string {
  const t = applyStyle(title, style, seed);
  return style.kashida ? stretch(t, makeRng(seed ^ 0x5bd1e995)) : t;
}

/** The headline of a copy as the outlet prints it, without rendering the rest (listings, sidebars). */
export function renderHeadline(plan: CorpusPlan, copy: PlannedCopy, outlet: RenderOutlet): string {
  return styledHeadline(headline(plan.stories[copy.story].draft, copy, makeRng(copy.seed)), outlet.style, copy.seed);
}

/** A random but realistic style: most outlets are clean, some are not. */
export function randomStyle(rng: Rng): TextStyle {
  return {
    letters: chance(rng, 0.15) ? 'arabic' : 'persian',
    zwnj: pick(rng, ['keep', 'keep', 'keep', 'drop', 'space'] as const),
    digits: pick(rng, ['persian', 'persian', 'persian', 'ascii', 'arabic-indic', 'mixed'] as const),
    kashida: chance(rng, 0.1),
  };
}

export interface GenerateOptions extends PlanOptions {
  /** Style for every article; default a seeded random style per article. */
  style?: TextStyle;
}

/**
 * `count` deterministic Persian news items about `opts.city` (default Tabriz) with ground truth.
 * Republications of a release carry different outlets' boilerplate and edits.
 */
export function generateArticles(count: number, seed = 1, opts: GenerateOptions = {}): FarmArticle[] {
  const plan = planCorpus(count, seed, opts);
  const rng = makeRng(subSeed(seed, 'outlets'));
  return plan.copies.map((copy) => {
    const name = pick(rng, OUTLET_NAMES).fa;
    const style = opts.style ?? randomStyle(rng);
    return renderCopy(plan, copy, { nameFa: name, style });
  });
}

// ---------------------------------------------------------------------------------------------
// Text disfigurement, as found on real pages.

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
const ARABIC_DIGITS = '٠١٢٣٤٥٦٧٨٩';

function convertDigits(text: string, to: 'persian' | 'ascii' | 'arabic-indic'): string {
  return text.replace(/[0-9۰-۹٠-٩]/g, (ch) => {
    const code = ch.charCodeAt(0);
    const v = code <= 57 ? code - 48 : code >= 0x6f0 ? code - 0x6f0 : code - 0x660;
    return to === 'ascii' ? String(v) : to === 'persian' ? PERSIAN_DIGITS[v] : ARABIC_DIGITS[v];
  });
}

export function applyStyle(text: string, style: TextStyle, seed = 0): string {
  let out = text;
  if (style.letters === 'arabic') out = out.replace(/ی/g, 'ي').replace(/ک/g, 'ك');
  if (style.zwnj === 'drop') out = out.replace(/\u200c/g, '');
  else if (style.zwnj === 'space') out = out.replace(/\u200c/g, ' ');
  if (style.digits === 'mixed') {
    const options = ['persian', 'ascii', 'arabic-indic'] as const;
    out = convertDigits(out, options[Math.abs(seed) % 3]);
  } else out = convertDigits(out, style.digits);
  return out;
}

const JOINING = /[بپتثجچحخسشصضطظعغفقکگلمنهیيك]/;

function stretch(title: string, rng: Rng): string {
  const words = title.split(' ');
  const candidates = words.map((w, i) => (w.length >= 4 && JOINING.test(w[0]) && JOINING.test(w[1]) ? i : -1)).filter((i) => i >= 0);
  if (candidates.length === 0) return title;
  const i = pick(rng, candidates);
  words[i] = words[i][0] + 'ـــ' + words[i].slice(1);
  return words.join(' ');
}

function reorderSentences(paragraph: string): string {
  const parts = paragraph.split(/(?<=\.)\s+/);
  if (parts.length < 2) return paragraph;
  return [parts[1], parts[0], ...parts.slice(2)].join(' ');
}
