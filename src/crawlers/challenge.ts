// Bot walls (ArvanCloud, Cloudflare, generic JS challenges) are recognised and reported, never
// bypassed: solving them would mean impersonating a browser, which kaghaz does not do.

const MARKERS: { name: string; re: RegExp }[] = [
  { name: 'arvancloud', re: /arvancloud|__arcsjs|ar-challenge|arvan-challenge|دیوار امنیتی/i },
  { name: 'cloudflare', re: /cf-browser-verification|challenge-platform|cf_chl_|Just a moment\.\.\.|Attention Required! \| Cloudflare|cf-mitigated/i },
  { name: 'generic', re: /(enable|activate) javascript and cookies to continue|checking your browser before accessing|ddos[- ]guard/i },
];

/** Returns the wall's name when the response is a challenge page rather than content. */
export function detectBotChallenge(status: number, headers: Record<string, string | string[] | undefined>, body: string): string | null {
  const server = String(headers['server'] ?? '').toLowerCase();
  if (headers['cf-mitigated'] === 'challenge') return 'cloudflare';
  const head = body.slice(0, 20000);
  for (const m of MARKERS) {
    if (m.re.test(head)) {
      // A news article may mention "Cloudflare"; a challenge page is short and has almost no text.
      if (status === 403 || status === 503 || status === 429 || head.length < 15000) return m.name;
    }
  }
  if ((status === 403 || status === 503) && /arvancloud|cloudflare/.test(server) && head.length < 15000 && /<script/i.test(head)) {
    return server.includes('arvan') ? 'arvancloud' : 'cloudflare';
  }
  return null;
}
