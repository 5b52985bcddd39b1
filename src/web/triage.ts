// Triage from the search page: an editor marks a result critical or not critical, and the
// verdict is stored for `kaghaz detect train`. The only route that changes data, so it takes
// POST only, from this site's own pages only (a page elsewhere cannot post to it), and sends
// the browser back where it came from.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Db } from '../store/db.ts';
import { isVerdict, storeVerdict } from '../detect/verdicts.ts';
import type { WebRoute } from './server.ts';

const MAX_BODY = 4096;

function sameOrigin(req: IncomingMessage): boolean {
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string') return site === 'same-origin';
  const origin = req.headers.origin;
  if (typeof origin === 'string') return origin === `http://${req.headers.host}`;
  // Neither header: not a browser cross-site post (browsers send one of them on cross-site forms).
  return true;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams | null> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) return null;
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function plain(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
  res.end(text);
}

/** A local path to go back to; anything else (another host, "//host") goes to the search page. */
function backTo(raw: string | null): string {
  return raw && raw.startsWith('/') && !raw.startsWith('//') && !raw.includes('\\') ? raw : '/';
}

export function verdictRoute(db: Db, city: string): WebRoute {
  const exists = db.prepare('SELECT 1 FROM articles WHERE id = ?').pluck();
  return {
    path: '/verdict',
    async handler(req, res) {
      if (req.method !== 'POST') return plain(res, 405, 'use POST', { allow: 'POST' });
      if (!sameOrigin(req)) return plain(res, 403, 'verdicts are accepted from kaghaz pages only');
      const form = await readForm(req);
      if (!form) return plain(res, 413, 'form too large');
      const id = form.get('id') ?? '';
      const verdict = form.get('verdict');
      if (!/^[A-Za-z0-9_-]{1,64}$/.test(id) || !isVerdict(verdict)) return plain(res, 400, 'need id (an article id) and verdict (critical or not-critical)');
      if (exists.get(id) === undefined) return plain(res, 404, `no stored article ${id}`);
      storeVerdict(db, id, city, verdict, 'web');
      res.writeHead(303, { location: `${backTo(form.get('back'))}#hit-${id}` });
      res.end();
    },
  };
}
