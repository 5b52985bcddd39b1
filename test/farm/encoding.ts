// windows-1256 output the way old Iranian CMSs produced it: Persian letters the code page
// lacks become their Arabic look-alikes (ی→ي), Persian digits become ASCII, anything else
// unencodable becomes a numeric character reference (never a silent "?").
import iconv from 'iconv-lite';

let cp1256Chars: Set<string> | undefined;

function encodable(): Set<string> {
  if (!cp1256Chars) {
    const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    cp1256Chars = new Set([...iconv.decode(bytes, 'windows-1256')]);
  }
  return cp1256Chars;
}

/** Text rewritten so every character survives windows-1256; `xml` picks the reference syntax. */
export function cp1256Safe(text: string): string {
  const ok = encodable();
  let out = '';
  for (const ch of text.replace(/ی/g, 'ي').replace(/ک/g, 'ك').replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x6f0))) {
    out += ok.has(ch) ? ch : `&#${ch.codePointAt(0)};`;
  }
  return out;
}

export function encodeBody(text: string, encoding: 'utf-8' | 'windows-1256'): Buffer {
  return encoding === 'utf-8' ? Buffer.from(text, 'utf8') : iconv.encode(cp1256Safe(text), 'windows-1256');
}
