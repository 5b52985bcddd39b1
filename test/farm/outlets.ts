// The outlets of a farm: identity, CMS family, feed kind, text style and page habits, all
// derived from (seed, index) so the same farm comes back for the same options.
import { makeRng, subSeed, chance, int, pick } from './rng.ts';
import { randomStyle, type TextStyle } from './content.ts';
import { TEMPLATE_NAMES, type TemplateName, type BodyMarkup } from './templates.ts';
import { DATE_FORMS, type JalaliFormat } from './dates.ts';

export type FaultKind =
  | 'timeout'
  | 'http500'
  | 'http404'
  | 'redirect-loop'
  | 'malformed-xml'
  | 'windows-1256'
  | 'oversized'
  | 'bot-challenge';

export const FAULT_KINDS: readonly FaultKind[] = [
  'timeout', 'http500', 'http404', 'redirect-loop', 'malformed-xml', 'windows-1256', 'oversized', 'bot-challenge',
];

export type FeedKind = 'rss' | 'atom' | 'none';

export interface OutletPlan {
  /** 1-based position in the farm. */
  index: number;
  id: string;
  nameFa: string;
  nameEn: string;
  type: 'agency' | 'newspaper' | 'site';
  template: TemplateName;
  feedKind: FeedKind;
  fault?: FaultKind;
  encoding: 'utf-8' | 'windows-1256';
  /** windows-1256 outlets: whether the HTTP header names the charset (else only <meta> does). */
  headerCharset: boolean;
  /** Charset written in the page's <meta>; null: none. */
  metaCharset: string | null;
  style: TextStyle;
  dateFormat: JalaliFormat;
  /** Share of articles whose page shows no date at all. */
  noDateRate: number;
  jsonLd: boolean;
  ogMeta: boolean;
  canonical: boolean;
  /** Links carry utm_* tracking parameters. */
  utmLinks: boolean;
  /** Listing links are absolute URLs (else root-relative). */
  absoluteLinks: boolean;
  inlineRelated: boolean;
  markup: BodyMarkup;
  /** RSS pubDate written in GMT ("… GMT") or Tehran time ("… +0330"). */
  rssDateZone: 'gmt' | 'tehran';
}

const pad3 = (n: number) => String(n).padStart(3, '0');

/** The id of the outlet at a 1-based index: farm-nastooh-001, farm-iransamaneh-002, … */
export function farmOutletId(index: number): string {
  return `farm-${TEMPLATE_NAMES[(index - 1) % TEMPLATE_NAMES.length]}-${pad3(index)}`;
}

const KINDS_FA: { fa: string; type: OutletPlan['type'] }[] = [
  { fa: 'خبرگزاری', type: 'agency' },
  { fa: 'پایگاه خبری', type: 'site' },
  { fa: 'روزنامه', type: 'newspaper' },
  { fa: 'پایگاه خبری تحلیلی', type: 'site' },
  { fa: 'هفته‌نامه', type: 'newspaper' },
];
const NAME_A = ['آوای', 'صدای', 'پیک', 'ندای', 'نگاه', 'افق', 'چشم‌انداز', 'پیام', 'فریاد', 'طلوع', 'نسیم', 'سپیده'];
const NAME_B = ['شهر', 'مردم', 'امروز', 'آذربایجان', 'فردا', 'ایران', 'شمال‌غرب', 'جوان', 'دیار', 'روشن', 'عدالت', 'آزادی'];

function outletName(index: number): { fa: string; type: OutletPlan['type'] } {
  const i = index - 1;
  const k = KINDS_FA[i % KINDS_FA.length];
  const a = NAME_A[Math.floor(i / KINDS_FA.length) % NAME_A.length];
  const b = NAME_B[Math.floor(i / (KINDS_FA.length * NAME_A.length)) % NAME_B.length];
  const round = Math.floor(i / (KINDS_FA.length * NAME_A.length * NAME_B.length));
  return { fa: `${k.fa} ${a} ${b}${round ? ` ${round + 1}` : ''}`, type: k.type };
}

export function planOutlet(seed: number, index: number, fault?: FaultKind): OutletPlan {
  const rng = makeRng(subSeed(seed, 'outlet', index));
  const template = TEMPLATE_NAMES[(index - 1) % TEMPLATE_NAMES.length];
  const cp1256 = fault === 'windows-1256';
  // windows-1256 has no Persian yeh or Persian digits: such sites wrote ي and ASCII digits.
  const style: TextStyle = cp1256 ? { letters: 'arabic', zwnj: 'keep', digits: 'ascii', kashida: false } : randomStyle(rng);
  let feedKind: FeedKind;
  // The feed faults need a feed to break.
  if (fault === 'http404' || fault === 'malformed-xml') feedKind = 'rss';
  else if (template === 'studiokhabar' || index % 6 === 0) feedKind = 'none';
  else if ((template === 'aasaam' || template === 'wordpress') && chance(rng, 0.35)) feedKind = 'atom';
  else feedKind = 'rss';
  const name = outletName(index);
  // A separate stream, so adding markup habits did not change any other habit of a seed's outlets.
  const mr = makeRng(subSeed(seed, 'markup', index));
  const markup: BodyMarkup = {
    readMoreAsParagraph: chance(mr, 0.5),
    emptyParagraphs: chance(mr, 0.3),
    styledParagraphs: chance(mr, 0.3),
    captionInBody: chance(mr, 0.3),
    brParagraphs: template !== 'wordpress' && chance(mr, 0.15),
  };
  return {
    index,
    id: farmOutletId(index),
    nameFa: name.fa,
    nameEn: `Farm ${template} ${pad3(index)}`,
    type: name.type,
    template,
    feedKind,
    fault,
    encoding: cp1256 ? 'windows-1256' : 'utf-8',
    headerCharset: cp1256 ? index % 2 === 1 : true,
    metaCharset: cp1256 ? 'windows-1256' : chance(rng, 0.85) ? 'utf-8' : null,
    style,
    dateFormat: {
      form: int(rng, 0, DATE_FORMS.length - 1),
      digits: cp1256 || style.digits === 'ascii' || chance(rng, 0.3) ? 'ascii' : 'persian',
      arabicLetters: style.letters === 'arabic',
      monthVariants: chance(rng, 0.2),
    },
    noDateRate: template === 'studiokhabar' ? 0.3 : 0.08,
    jsonLd: chance(rng, 0.5),
    ogMeta: template === 'wordpress' || chance(rng, 0.6),
    canonical: chance(rng, 0.6),
    utmLinks: chance(rng, 0.5),
    absoluteLinks: chance(rng, 0.5),
    inlineRelated: chance(rng, 0.25),
    markup,
    rssDateZone: pick(rng, ['gmt', 'tehran'] as const),
  };
}
