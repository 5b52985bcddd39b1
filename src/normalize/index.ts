// PLACEHOLDER until the normalization issue (#3) lands: the real normalizer replaces this file.
// Signatures here are the contract other modules build on.

const ARABIC_TO_PERSIAN: Record<string, string> = { 'ي': 'ی', 'ى': 'ی', 'ك': 'ک', 'ة': 'ه', 'ۀ': 'ه', 'ە': 'ه' };

/** Display normalizer (Hazm-like). */
export function normalize(text: string): string {
  return text
    .replace(/[يىكۀ]/g, (c) => ARABIC_TO_PERSIAN[c] ?? c)
    .replace(/[\u064B-\u0652\u0640]/g, '')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/** Match key: the folded form used for mentions, dedup and search, on documents and queries alike. */
export function matchKey(text: string): string {
  return normalize(text)
    .replace(/[\u200c\u200d]/g, ' ')
    .replace(/[0-9٠-٩]/g, (d) => String.fromCharCode((d.charCodeAt(0) >= 0x660 ? d.charCodeAt(0) - 0x660 : d.charCodeAt(0) - 48) + 0x6f0))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .toLowerCase();
}
