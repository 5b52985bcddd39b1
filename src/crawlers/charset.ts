// Decoding raw bytes into text. Persian outlets still serve windows-1256 (sometimes only in a
// <meta>, sometimes only in the header, sometimes lying); we sniff in the order browsers use:
// forced config > BOM > Content-Type header > <meta>/<?xml?> declaration > UTF-8 validity > windows-1256.
import iconv from 'iconv-lite';
import { FetchError } from './errors.ts';

export interface Decoded {
  text: string;
  charset: string;
  /** Where the charset came from, for debugging odd outlets. */
  from: 'config' | 'bom' | 'header' | 'meta' | 'sniff';
}

const ALIASES: Record<string, string> = {
  'utf8': 'utf-8', 'cp1256': 'windows-1256', 'arabic': 'windows-1256', 'x-cp1256': 'windows-1256',
  'iso-8859-1': 'windows-1252', 'latin1': 'windows-1252', 'us-ascii': 'windows-1252', 'ascii': 'windows-1252',
};

export function normalizeCharset(label: string | undefined | null): string | undefined {
  if (!label) return undefined;
  const l = label.trim().replace(/^["']|["']$/g, '').toLowerCase();
  if (!l) return undefined;
  const name = ALIASES[l] ?? l;
  return iconv.encodingExists(name) ? name : undefined;
}

export function charsetFromContentType(contentType: string | undefined | null): string | undefined {
  const m = /charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType ?? '');
  return m ? normalizeCharset(m[1]) : undefined;
}

/** Looks for <meta charset>, <meta http-equiv content="…charset=…"> or <?xml encoding?> in the first 4 KB. */
export function charsetFromMarkup(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const xml = /<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (xml) return normalizeCharset(xml[1]);
  const meta = /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.-]+)/i.exec(head);
  return meta ? normalizeCharset(meta[1]) : undefined;
}

function bomCharset(b: Uint8Array): { charset: string; skip: number } | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { charset: 'utf-8', skip: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { charset: 'utf-16le', skip: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { charset: 'utf-16be', skip: 2 };
  return undefined;
}

export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export function decodeBytes(bytes: Uint8Array, contentType?: string | null, forced?: string): Decoded {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const decode = (charset: string, from: Decoded['from'], skip = 0): Decoded => {
    try {
      return { text: iconv.decode(buf.subarray(skip), charset), charset, from };
    } catch (e) {
      throw new FetchError('encoding', `cannot decode as ${charset}: ${(e as Error).message}`);
    }
  };
  const forcedName = normalizeCharset(forced);
  if (forced && !forcedName) throw new FetchError('encoding', `unknown encoding "${forced}" in config; use e.g. "windows-1256" or "utf-8"`);
  if (forcedName) return decode(forcedName, 'config');
  const bom = bomCharset(buf);
  if (bom) return decode(bom.charset, 'bom', bom.skip);
  const header = charsetFromContentType(contentType);
  const markup = charsetFromMarkup(buf);
  if (header) {
    // A header that claims UTF-8 over bytes that are not UTF-8 is a misconfigured server;
    // the page's own declaration (or the regional default) is then the better witness.
    if (header === 'utf-8' && !isValidUtf8(buf)) return decode(markup && markup !== 'utf-8' ? markup : 'windows-1256', markup ? 'meta' : 'sniff');
    return decode(header, 'header');
  }
  if (markup) {
    if (markup === 'utf-8' && !isValidUtf8(buf)) return decode('windows-1256', 'sniff');
    return decode(markup, 'meta');
  }
  return isValidUtf8(buf) ? decode('utf-8', 'sniff') : decode('windows-1256', 'sniff');
}
