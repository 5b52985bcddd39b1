// From a profile to the phrase dictionary the mention finder matches: the municipality's
// generated name forms, districts, subsidiaries, officials, related bodies, exclusions,
// plus the city-context words (our city, other cities, other cities' municipalities).
import type { EntityKind } from '../article.ts';
import type { Official, Profile } from '../config.ts';
import { KNOWN_CITIES, MUNICIPALITY_ONLY_NAMES } from './cities.ts';
import { compactPhrase } from './fold.ts';
import type { PhraseEntry } from './matcher.ts';

export type DictTag =
  | {
      type: 'mention';
      entity: string;
      kind: EntityKind;
      /** Names the city (or is a full personal name): needs no context. */
      explicit: boolean;
      official?: Official;
      district?: number;
      /** A related body (city council): counted only when the profile includes related bodies. */
      related?: boolean;
    }
  | { type: 'cityref'; ours: boolean; city: string }
  | { type: 'othermuni'; city: string }
  | { type: 'exclusion' };

export const DISTRICT_WORDS = [
  '', 'یک', 'دو', 'سه', 'چهار', 'پنج', 'شش', 'هفت', 'هشت', 'نه', 'ده', 'یازده', 'دوازده', 'سیزده',
  'چهارده', 'پانزده', 'شانزده', 'هفده', 'هجده', 'نوزده', 'بیست', 'بیست و یک', 'بیست و دو',
];

/** Written forms of district number n: digits and words (and «هیجده» for 18). */
export function districtNumberForms(n: number): string[] {
  const forms = [String(n)];
  if (DISTRICT_WORDS[n]) forms.push(DISTRICT_WORDS[n]);
  if (n === 18) forms.push('هیجده');
  if (n === 1) forms.push('یکم');
  return forms;
}

const MUNICIPALITY_PREFIXES = ['شهرداری', 'شهرداری کلانشهر', 'شهرداری کلان شهر'];
const MAYOR_PREFIXES = ['شهردار', 'شهردار کلانشهر', 'شهردار کلان شهر', 'سرپرست شهرداری'];

/** Phrases that contain «شهرداری» but name a place or a team, in any city. */
const GENERIC_EXCLUSIONS = [
  'خیابان شهرداری', 'میدان شهرداری', 'چهارراه شهرداری', 'کوچه شهرداری', 'بلوار شهرداری',
  'ایستگاه شهرداری', 'پارک شهرداری', 'سازمان شهرداری ها و دهیاری ها', 'سازمان شهرداریها و دهیاریها',
  'شهرداری ها و دهیاری ها', 'قانون شهرداری ها',
];

export function cityNames(p: Profile): string[] {
  return [p.cityFa, ...p.cityAliases];
}

export function buildDictionary(p: Profile): PhraseEntry<DictTag>[] {
  const out: PhraseEntry<DictTag>[] = [];
  const municipality = `شهرداری ${p.cityFa}`;
  const mayor = `شهردار ${p.cityFa}`;
  const mention = (phrase: string, entity: string, kind: EntityKind, explicit: boolean, extra: Partial<Extract<DictTag, { type: 'mention' }>> = {}) =>
    out.push({ phrase, pdfVariant: true, tag: { type: 'mention', entity, kind, explicit, ...extra } });

  for (const name of cityNames(p)) {
    for (const pre of MUNICIPALITY_PREFIXES) mention(`${pre} ${name}`, municipality, 'municipality', true);
    for (const pre of MAYOR_PREFIXES) mention(`${pre} ${name}`, mayor, 'mayor', true);
    mention(`معاون شهردار ${name}`, municipality, 'official', true);
    out.push({ phrase: name, suffixes: ['ی', 'یها', 'یان', 'یهای'], tag: { type: 'cityref', ours: true, city: p.city } });
    out.push({ phrase: `کلانشهر ${name}`, tag: { type: 'cityref', ours: true, city: p.city } });
    for (let d = 1; d <= p.districts; d++) {
      const entity = `منطقه ${d} شهرداری ${p.cityFa}`;
      for (const n of districtNumberForms(d)) {
        mention(`منطقه ${n} شهرداری ${name}`, entity, 'district', true, { district: d });
        mention(`شهرداری منطقه ${n} ${name}`, entity, 'district', true, { district: d });
        mention(`شهردار منطقه ${n} ${name}`, entity, 'district', true, { district: d });
        out.push({ phrase: `منطقه ${n} ${name}`, tag: { type: 'cityref', ours: true, city: p.city } });
      }
    }
  }
  for (const name of p.names) mention(name, municipality, 'municipality', true);

  // Generic forms: resolved to this city only from the article's context (see context.ts).
  mention('شهرداری', municipality, 'municipality', false);
  mention('شهردار', mayor, 'mayor', false);
  mention('معاون شهردار', municipality, 'official', false);
  for (let d = 1; d <= p.districts; d++) {
    const entity = `منطقه ${d} شهرداری ${p.cityFa}`;
    for (const n of districtNumberForms(d)) {
      for (const f of [`شهرداری منطقه ${n}`, `شهردار منطقه ${n}`, `منطقه ${n} شهرداری`]) {
        mention(f, entity, 'district', false, { district: d });
      }
    }
  }

  // A subsidiary listed in the profile names this city's body even without the city's name
  // («سازمان بهشت زهرا»); the generic ones every city has need the context.
  for (const s of p.subsidiaries) {
    for (const name of [s.name, ...s.aliases]) mention(name, s.name, 'subsidiary', true);
  }
  const generic = (entity: string, phrases: string[]) => phrases.forEach((ph) => mention(ph, entity, 'subsidiary', false));
  generic(`سازمان قطار شهری ${p.cityFa}`, ['قطار شهری', 'سازمان قطار شهری', 'شرکت قطار شهری', 'مترو', 'متروی']);
  generic(`سازمان اتوبوسرانی شهرداری ${p.cityFa}`, ['سازمان اتوبوسرانی', 'شرکت واحد اتوبوسرانی']);
  generic(`سازمان تاکسیرانی شهرداری ${p.cityFa}`, ['سازمان تاکسیرانی']);
  generic(`سازمان آتش‌نشانی و خدمات ایمنی شهرداری ${p.cityFa}`, ['سازمان آتش نشانی']);
  generic(`سازمان مدیریت پسماند شهرداری ${p.cityFa}`, ['سازمان پسماند', 'سازمان مدیریت پسماند']);
  generic(`سازمان پارک‌ها و فضای سبز شهرداری ${p.cityFa}`, ['سازمان پارک ها و فضای سبز']);
  generic(`شهرداری ${p.cityFa}`, ['سامانه 137']);
  for (const r of p.related) {
    for (const name of [r.name, ...r.aliases]) {
      const explicit = cityNames(p).some((c) => compactPhrase(name).includes(compactPhrase(c)));
      mention(name, r.name, 'related', explicit, { related: true });
    }
  }
  for (const o of p.officials) {
    const kind: EntityKind = o.role === 'mayor' ? 'mayor' : o.role === 'district-mayor' ? 'district' : o.role === 'council' ? 'related' : 'official';
    const entity = o.role === 'mayor' ? mayor : o.titleFa ? `${o.titleFa} (${o.name})` : o.name;
    mention(o.name, entity, kind, true, { official: o, related: o.role === 'council', district: o.district });
    // A surname alone is ambiguous: like «شهردار», it needs the city context.
    for (const a of o.aliases) mention(a, entity, kind, false, { official: o, related: o.role === 'council', district: o.district });
  }

  for (const x of [...GENERIC_EXCLUSIONS, ...p.exclusions]) out.push({ phrase: x, tag: { type: 'exclusion' } });

  const ours = new Set(cityNames(p).map(compactPhrase));
  for (const c of KNOWN_CITIES) {
    for (const name of [c.fa, ...(c.aliases ?? [])]) {
      if (ours.has(compactPhrase(name))) continue;
      out.push({ phrase: name, suffixes: ['ی', 'یها', 'یان', 'یهای'], tag: { type: 'cityref', ours: false, city: c.slug } });
      for (const pre of [...MUNICIPALITY_PREFIXES, ...MAYOR_PREFIXES]) {
        out.push({ phrase: `${pre} ${name}`, pdfVariant: true, tag: { type: 'othermuni', city: c.slug } });
      }
      for (const n of ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '15']) {
        out.push({ phrase: `منطقه ${n} شهرداری ${name}`, tag: { type: 'othermuni', city: c.slug } });
        out.push({ phrase: `شهرداری منطقه ${n} ${name}`, tag: { type: 'othermuni', city: c.slug } });
      }
    }
  }
  for (const name of MUNICIPALITY_ONLY_NAMES) {
    if (ours.has(compactPhrase(name))) continue;
    for (const pre of [...MUNICIPALITY_PREFIXES, ...MAYOR_PREFIXES]) out.push({ phrase: `${pre} ${name}`, tag: { type: 'othermuni', city: 'other' } });
  }
  return out;
}
