// Date adapter over the normalizer's parseDate (Jalali and Gregorian forms, Persian digits, month
// names, Tehran time), plus the extractor's own sanity rule: a "publication date" in the future
// or before the Persian web existed is a parse error or a wrong calendar, so it is dropped.
import { parseDate as normalizerParseDate } from '../normalize/index.ts';

/** A publication instant, or null when the text holds no date we can trust. */
export function parseDate(text: string | undefined | null, now = new Date()): Date | null {
  if (!text || !text.trim()) return null;
  const r = normalizerParseDate(text, { now });
  if (!r.ok || Number.isNaN(r.date.getTime())) return null;
  const d = r.date;
  if (d.getTime() > now.getTime() + 2 * 86400_000) return null;
  if (d.getUTCFullYear() < 1995) return null;
  return d;
}
