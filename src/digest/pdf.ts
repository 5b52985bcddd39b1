// HTML → PDF through the system Chromium (playwright-core drives it; no browser download).
// When Chromium is not installed the digest is still written as HTML and text, and the
// caller gets a note saying why there is no PDF.
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const CHROMIUM_PATH = process.env.KAGHAZ_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export type PdfResult = { ok: true; pdf: Buffer } | { ok: false; note: string };

/** Loads playwright-core lazily: it is a dev dependency and the digest works without it. */
export async function launchChromium(): Promise<import('playwright-core').Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/**
 * Prints an HTML file (loaded from disk so its relative font URLs resolve) to A4.
 * Chromium stamps the current time into the PDF's CreationDate/ModDate; those are
 * overwritten with `fixedDate` (same byte length, so the xref offsets stay valid) so the
 * same day rebuilds to the same bytes.
 */
export async function htmlFileToPdf(htmlPath: string, fixedDate: Date): Promise<PdfResult> {
  if (!chromiumAvailable()) {
    return { ok: false, note: `no PDF: Chromium not found at ${CHROMIUM_PATH} (apt-get install chromium, or set KAGHAZ_CHROMIUM)` };
  }
  let browser: import('playwright-core').Browser | undefined;
  try {
    browser = await launchChromium();
    const page = await browser.newPage();
    await page.goto(pathToFileURL(htmlPath).href, { waitUntil: 'load' });
    await page.evaluate('document.fonts.ready.then(() => undefined)');
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    return { ok: true, pdf: pinPdfDates(Buffer.from(pdf), fixedDate) };
  } catch (err) {
    return { ok: false, note: `no PDF: Chromium failed (${(err as Error).message.split('\n')[0]})` };
  } finally {
    await browser?.close().catch(() => {});
  }
}

/** Replaces every PDF date string (D:YYYYMMDDHHmmSS…) with one for `at`, padded to the same length. */
export function pinPdfDates(pdf: Buffer, at: Date): Buffer {
  const text = pdf.toString('latin1');
  const stamp = `D:${at.toISOString().replace(/[-:T]/g, '').slice(0, 14)}`;
  const out = text.replace(/\((D:\d{14}[^)]*)\)/g, (_m, inner: string) => `(${(stamp + "Z00'00'").padEnd(inner.length, ' ').slice(0, inner.length)})`);
  return Buffer.from(out, 'latin1');
}
