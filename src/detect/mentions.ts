// Finds the monitored municipality's mentions in an article and resolves the generic ones
// («شهرداری», «شهردار», «شهرداری منطقه ۳», an official's surname) from the article's context.
import type { Mention } from '../article.ts';
import type { Official, Profile, Source } from '../config.ts';
import { findLearnedNames, learnNames } from './appositions.ts';
import { KNOWN_CITIES } from './cities.ts';
import { buildDictionary, type DictTag } from './dictionary.ts';
import { FIELD_ORDER, originalSpan, prepareField, type FieldName, type PreparedField } from './fields.ts';
import { PhraseMatcher, type PhraseHit } from './matcher.ts';

export interface ArticleFields {
  title?: string;
  kicker?: string;
  lead?: string;
  body?: string;
}

export interface Hit extends PhraseHit<DictTag> {
  field: PreparedField;
}

export interface MentionResult {
  fields: PreparedField[];
  mentions: Mention[];
  /** Resolved mention hits (same order as mentions), for criticism scoring. */
  mentionHits: Hit[];
  /** Mentions of other cities' municipalities (used to keep criticism on target). */
  otherMunicipalityHits: Hit[];
}

export type ResolvedBy = 'name' | 'context' | 'outlet';

/** Detector-side extension of Mention: how a generic mention was resolved and who it names. */
export interface MentionExtra {
  resolvedBy: ResolvedBy;
  person?: string;
  district?: number;
}

const PLURAL_TOKENS = new Set(['ها', 'های', 'هایی', 'هاي']);

function overlaps(a: Hit, b: Hit): boolean {
  return a.field === b.field && a.start < b.end && b.start < a.end;
}

function contains(outer: Hit, inner: Hit): boolean {
  return outer.field === inner.field && outer.start <= inner.start && inner.end <= outer.end && outer.end - outer.start > inner.end - inner.start;
}

function inTerm(o: Official, isoDay: string | null): boolean {
  if (!isoDay) return o.to === undefined; // unknown date: only the current office-holder
  return o.from <= isoDay && (o.to === undefined || isoDay <= o.to);
}

function dayOf(date: string | null | undefined): string | null {
  if (!date) return null;
  const d = new Date(date);
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}

export class MentionFinder {
  private readonly matcher: PhraseMatcher<DictTag>;
  private readonly mayors: Official[];
  private readonly provinceCities: Set<string>;

  constructor(readonly profile: Profile) {
    this.matcher = new PhraseMatcher(buildDictionary(profile));
    this.mayors = profile.officials.filter((o) => o.role === 'mayor');
    this.provinceCities = new Set(KNOWN_CITIES.filter((c) => c.province === profile.province).map((c) => c.slug));
  }

  /** True when the outlet is based in the profile's city (or is a provincial outlet of its province). */
  isLocalSource(source?: Source): boolean {
    if (!source) return false;
    const p = this.profile;
    if (source.city) {
      const c = source.city.trim().toLowerCase().replace(/\s+/g, '-');
      return c === p.city || source.city.trim() === p.cityFa || p.cityAliases.includes(source.city.trim());
    }
    return source.province === p.province && source.scope !== 'national';
  }

  find(a: ArticleFields, date: string | null, source?: Source): MentionResult {
    const fields: PreparedField[] = [];
    FIELD_ORDER.forEach((name: FieldName) => {
      const text = a[name];
      if (text && text.trim()) fields.push(prepareField(name, fields.length, text));
    });
    const day = dayOf(date);
    let hits: Hit[] = [];
    for (const f of fields) for (const h of this.matcher.match(f.c)) hits.push({ ...h, field: f });

    // An exclusion is a name («پارک شهرداری»): it never runs across a comma or a sentence end
    // («… افتتاح پارک، شهرداری تبریز …»), which the compact match would otherwise allow.
    const exclusions = hits.filter((h) => h.tag.type === 'exclusion' && !crossesBreak(h));
    hits = hits.filter((h) => h.tag.type !== 'exclusion' && !exclusions.some((x) => overlaps(x, h)));
    // Officials outside their term of office are someone else's news.
    hits = hits.filter((h) => h.tag.type !== 'mention' || !h.tag.official || inTerm(h.tag.official, day));
    // Generic «شهرداری‌ها» (municipalities in general) is no mention of ours.
    hits = hits.filter((h) => {
      if (h.tag.type !== 'mention' || h.tag.explicit) return true;
      const next = h.field.tokenText[h.lastToken + 1];
      return !(next && PLURAL_TOKENS.has(next));
    });
    // Longest match wins: «شهرداری» inside «شهرداری اصفهان» or «منطقه ۳ شهرداری تبریز».
    const spans = hits.filter((h) => h.tag.type === 'mention' || h.tag.type === 'othermuni');
    hits = hits.filter((h) => !spans.some((o) => o !== h && contains(o, h)));
    hits = dedupeSameSpan(hits);
    hits.sort((x, y) => x.field.index - y.field.index || x.start - y.start);

    const anchors = hits.filter(
      (h) => h.tag.type === 'cityref' || h.tag.type === 'othermuni' || (h.tag.type === 'mention' && h.tag.explicit),
    );
    const isOurs = (h: Hit) => h.tag.type === 'mention' || (h.tag.type === 'cityref' && h.tag.ours);
    const ourCount = anchors.filter(isOurs).length;
    const otherCount = anchors.length - ourCount;
    const local = this.isLocalSource(source);
    // With no city named at all, an official's surname and a generic «شهرداری» corroborate
    // each other («زاکانی ... اراضی شهرداری»): two independent weak signals.
    const generics = hits.filter((h) => h.tag.type === 'mention' && !h.tag.explicit && !(h.tag.related && !this.profile.includeRelated));
    // «شورای شهر» corroborates a surname too («زاکانی در جلسه شورای شهر»), though it is no mention itself.
    const corroborators = hits.filter((h) => h.tag.type === 'mention' && !h.tag.explicit && !h.tag.official);
    const corroborated = generics.some((h) => h.tag.type === 'mention' && h.tag.official) && corroborators.length > 0;

    const resolved: { hit: Hit; by: ResolvedBy }[] = [];
    for (const h of hits) {
      if (h.tag.type !== 'mention') continue;
      if (h.tag.related && !this.profile.includeRelated) continue;
      if (h.tag.explicit) {
        resolved.push({ hit: h, by: 'name' });
        continue;
      }
      const by = anchors.length === 0 && corroborated ? 'context' : this.resolveGeneric(h, anchors, isOurs, ourCount, otherCount, local);
      if (by) resolved.push({ hit: h, by });
    }

    // Names learned from apposition to our resolved titles («رحیم صادقیان، شهردار تبریز،») are
    // mentions of that official in this article only: the full name and the surname alone.
    const persons = new Map<Hit, string>();
    const learnedNames = learnNames(
      resolved.map((r) => r.hit),
      hits.filter((h) => (h.tag.type === 'cityref' && !h.tag.ours) || h.tag.type === 'othermuni'),
    );
    if (learnedNames.length > 0) {
      for (const l of learnedNames) if (!persons.has(l.title)) persons.set(l.title, l.display);
      const taken = hits.filter((h) => h.tag.type !== 'cityref');
      for (const { hit, person } of findLearnedNames(learnedNames, fields, taken)) {
        resolved.push({ hit, by: 'context' });
        persons.set(hit, person);
      }
      resolved.sort((x, y) => x.hit.field.index - y.hit.field.index || x.hit.start - y.hit.start);
    }

    const mentions = resolved.map(({ hit, by }) => {
      return this.toMention(hit, by, day, persons.get(hit));
    });
    return {
      fields,
      mentions,
      mentionHits: resolved.map((r) => r.hit),
      otherMunicipalityHits: hits.filter((h) => h.tag.type === 'othermuni'),
    };
  }

  private resolveGeneric(
    h: Hit,
    anchors: Hit[],
    isOurs: (h: Hit) => boolean,
    ourCount: number,
    otherCount: number,
    local: boolean,
  ): ResolvedBy | null {
    if (anchors.length === 0) return local ? 'outlet' : null;
    const before = (a: Hit) => a.field.index < h.field.index || (a.field === h.field && a.start < h.start);
    let nearest: Hit | undefined;
    for (const a of anchors) if (before(a)) nearest = a;
    if (!nearest) nearest = anchors.find((a) => !before(a));
    if (!nearest) return null;
    if (isOurs(nearest)) return 'context';
    // The nearest city named is another city's municipality: the generic word is theirs.
    if (nearest.tag.type === 'othermuni') return null;
    // Nearest is a plain other-city name («مانند اصفهان»): decide by which city dominates.
    return ourCount > otherCount || (ourCount > 0 && ourCount === otherCount && local) ? 'context' : null;
  }

  /** `learned`: the person the article itself names for this title («X، شهردار تبریز،»). */
  private toMention(h: Hit, by: ResolvedBy, day: string | null, learned?: string): Mention & MentionExtra {
    const tag = h.tag as Extract<DictTag, { type: 'mention' }>;
    const span = originalSpan(h.field, h.start, h.end);
    const sentence = h.field.sentences[h.field.sentenceOfToken[h.firstToken]]?.text ?? h.field.text;
    const m: Mention & MentionExtra = {
      entity: tag.entity,
      kind: tag.kind,
      surface: h.field.text.slice(span.start, span.end),
      field: h.field.field,
      start: span.start,
      end: span.end,
      sentence,
      resolvedBy: by,
    };
    if (tag.official) m.person = tag.official.name;
    // The article's own apposition beats the profile's term dates, which may be out of date.
    else if (learned) m.person = learned;
    else if (tag.kind === 'mayor') {
      const mayor = this.mayors.find((o) => inTerm(o, day));
      if (mayor) m.person = mayor.name;
    }
    if (tag.district) m.district = tag.district;
    return m;
  }
}

function dedupeSameSpan(hits: Hit[]): Hit[] {
  const seen = new Map<string, Hit>();
  for (const h of hits) {
    const k = `${h.field.index}:${h.start}:${h.end}:${h.tag.type}`;
    const prev = seen.get(k);
    if (!prev) seen.set(k, h);
    else if (h.tag.type === 'mention' && prev.tag.type === 'mention' && h.tag.explicit && !prev.tag.explicit) seen.set(k, h);
  }
  return [...seen.values()];
}

/** The hit spans a clause break (comma, colon, quote) or a sentence boundary in its field. */
function crossesBreak(h: Hit): boolean {
  const f = h.field;
  for (let t = h.firstToken + 1; t <= h.lastToken; t++) {
    if (f.clauseStart[t] || f.sentenceOfToken[t] !== f.sentenceOfToken[h.firstToken]) return true;
  }
  return false;
}
