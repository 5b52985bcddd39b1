// Canonical URL: the store key. Two fetches of the same article must map to one key
// whatever tracking parameters, fragments or host casing the link carried.

const TRACKING_PARAMS = [
  /^utm_/i, /^fbclid$/i, /^gclid$/i, /^dclid$/i, /^msclkid$/i, /^yclid$/i, /^mc_(cid|eid)$/i,
  /^_ga$/i, /^igshid$/i, /^ref$/i, /^ref_src$/i, /^from$/i, /^source$/i, /^cmpid$/i, /^s_cid$/i,
];

export function canonicalUrl(raw: string, base?: string): string {
  const u = new URL(raw, base);
  u.hash = '';
  u.hostname = u.hostname.toLowerCase();
  if ((u.protocol === 'http:' && u.port === '80') || (u.protocol === 'https:' && u.port === '443')) u.port = '';
  const kept = [...u.searchParams.entries()].filter(([k]) => !TRACKING_PARAMS.some((re) => re.test(k)));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  u.search = new URLSearchParams(kept).toString();
  // Percent-encoding differs between links to the same page (Persian slugs): decode once, re-encode.
  try {
    u.pathname = encodeURI(decodeURI(u.pathname));
  } catch {
    /* malformed %-sequence: keep the path as given */
  }
  if (u.pathname.length > 1 && u.pathname.endsWith('/')) u.pathname = u.pathname.slice(0, -1);
  return u.toString();
}
