// Which evidence sentences to show: the detector often flags the headline or the lead itself,
// which the item already shows; repeating them buries the sentences that add something.
import { matchKey } from '../normalize/index.ts';
import { clipText } from './escape.ts';

export const EVIDENCE_MAX = 320;
export const EVIDENCE_ITEMS = 3;

/** Distinct evidence sentences not already shown as the headline, kicker or (part of) the lead. */
export function evidenceToShow(sentences: string[], shown: { title: string; lead?: string; kicker?: string }): string[] {
  const title = matchKey(shown.title);
  const lead = matchKey(shown.lead ?? '');
  const kicker = matchKey(shown.kicker ?? '');
  const seen = new Set<string>();
  const out: string[] = [];
  for (const s of sentences) {
    const key = matchKey(s);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    if (key === title || key === kicker || (lead && lead.includes(key))) continue;
    out.push(clipText(s, EVIDENCE_MAX));
    if (out.length === EVIDENCE_ITEMS) break;
  }
  return out;
}
