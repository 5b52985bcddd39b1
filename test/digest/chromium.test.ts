// The digest as a person sees it: rendered by headless Chromium (screenshot and PDF pages as
// PNG under test-artifacts/digest/ to look at), plus the XSS check: hostile headlines and
// bodies must stay text. Skipped with a notice when Chromium is not installed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromiumAvailable, launchChromium } from '../../src/digest/pdf.ts';
import { writeDigest, installFonts } from '../../src/digest/write.ts';
import { buildDigest } from '../../src/digest/build.ts';
import { renderDigestHtml } from '../../src/digest/render-html.ts';
import { DAY, PROFILE, SOURCES, fixtureDb } from './fixtures.ts';

const skip = chromiumAvailable() ? false : 'Chromium not installed (apt-get install -y chromium)';
const artifacts = join(process.cwd(), 'test-artifacts', 'digest');

function hasPdftoppm(): boolean {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

test('digest renders RTL in Vazirmatn; screenshot and PDF pages saved for review', { skip }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'kaghaz-digest-view-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(artifacts, { recursive: true });
  const r = await writeDigest(dir, fixtureDb(), { profile: PROFILE, sources: SOURCES, day: DAY });
  const browser = await launchChromium();
  t.after(() => browser.close());
  const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
  await page.goto(pathToFileURL(r.htmlPath).href);
  await page.evaluate('document.fonts.ready');
  const facts = (await page.evaluate(`(() => {
    const body = getComputedStyle(document.body);
    const item = document.querySelector('.item');
    return {
      dir: getComputedStyle(document.documentElement).direction,
      loaded: [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family + ':' + f.weight),
      fontFamily: body.fontFamily,
      breakInside: item && getComputedStyle(item).breakInside,
      overflow: document.documentElement.scrollWidth > document.documentElement.clientWidth,
      h1Right: document.querySelector('h1').getBoundingClientRect().right,
      width: document.documentElement.clientWidth,
    };
  })()`)) as { dir: string; loaded: string[]; fontFamily: string; breakInside: string; overflow: boolean; h1Right: number; width: number };
  assert.equal(facts.dir, 'rtl');
  assert.ok(facts.loaded.includes('Vazirmatn:400') && facts.loaded.includes('Vazirmatn:700'), `fonts loaded: ${facts.loaded}`);
  assert.match(facts.fontFamily, /^Vazirmatn/);
  assert.equal(facts.breakInside, 'avoid');
  assert.equal(facts.overflow, false, 'page scrolls sideways');
  assert.ok(facts.h1Right > facts.width / 2, 'masthead title should sit on the right (RTL)');
  await page.screenshot({ path: join(artifacts, 'digest.png'), fullPage: true });

  assert.ok(r.pdfPath, r.pdfNote);
  if (!hasPdftoppm()) {
    t.diagnostic('pdftoppm not installed (apt-get install -y poppler-utils): PDF pages not rendered to PNG');
    return;
  }
  execFileSync('pdftoppm', ['-png', '-r', '70', r.pdfPath!, join(artifacts, 'digest-pdf')]);
  assert.ok(existsSync(join(artifacts, 'digest-pdf-1.png')));
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [r.pdfPath!]).toString())?.[1]);
  assert.ok(pages >= 2 && pages <= 6, `expected 2–6 A4 pages, got ${pages}`);
  const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(execFileSync('pdfinfo', [r.pdfPath!]).toString());
  assert.ok(size && Math.abs(Number(size[1]) - 595) < 3 && Math.abs(Number(size[2]) - 842) < 3, `not A4: ${size?.[0]}`);
});

test('hostile headlines and bodies never execute: no script, no handler, text shown as text', { skip }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'kaghaz-digest-xss-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const db = fixtureDb([
    { slug: 'x1', sourceId: 'sobh-azar', published: '2026-11-22 08:00', critical: true, severity: 'high',
      title: '<script>window.__xss="title"</script><img src=x onerror="window.__xss=\'img\'">',
      lead: '"><svg onload="window.__xss=\'svg\'"></svg><iframe src="javascript:window.parent.__xss=\'iframe\'"></iframe>',
      evidence: ['</blockquote><script>window.__xss="evidence"</script>', "' onmouseover='window.__xss=\"attr\"' x='"] },
    { slug: 'x2', sourceId: 'evil', published: '2026-11-22 09:00',
      title: '<style>body{display:none}</style><a href="javascript:window.__xss=1">click</a>' },
  ]);
  installFonts(dir);
  const d = buildDigest(db, { profile: PROFILE, sources: [...SOURCES, { ...SOURCES[0], id: 'evil', nameFa: '<img src=x onerror="window.__xss=\'outlet\'">' }], day: DAY });
  // The outlet name is config, but it is escaped all the same.
  const htmlPath = join(dir, 'xss.html');
  writeFileSync(htmlPath, renderDigestHtml(d));
  const browser = await launchChromium();
  t.after(() => browser.close());
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(pathToFileURL(htmlPath).href);
  await page.mouse.move(300, 300);
  await page.waitForTimeout(200);
  const r = (await page.evaluate(`({
    flag: window.__xss,
    scripts: document.querySelectorAll('script').length,
    handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
    injected: document.querySelectorAll('body img, body iframe, body style, body svg:not(.trend)').length,
    jsLinks: [...document.querySelectorAll('a')].filter((a) => a.href.startsWith('javascript:')).length,
    text: document.body.innerText,
  })`)) as { flag: unknown; scripts: number; handlers: number; injected: number; jsLinks: number; text: string };
  assert.equal(r.flag, undefined);
  assert.equal(r.scripts, 0);
  assert.equal(r.handlers, 0);
  assert.equal(r.injected, 0);
  assert.equal(r.jsLinks, 0);
  assert.ok(r.text.includes('<script>window.__xss="title"</script>'), 'the hostile headline is shown as text');
  assert.deepEqual(errors, []);
});

test('alert, follow-up and morning-summary e-mails stay inert with hostile text (and are saved for review)', { skip }, async (t) => {
  const { renderAlert, renderFollowup, renderMorningSummary } = await import('../../src/alerts/render.ts');
  const hostile = {
    clusterId: 'c', articleId: 'a', outletFa: 'روزنامهٔ <i>نمونه</i>', url: 'javascript:window.__xss="href"',
    title: '<img src=x onerror="window.__xss=\'title\'"> انتقاد از شهرداری', lead: '<script>window.__xss="lead"</script>',
    whenFa: '۱۴۰۵/۰۹/۰۱ ۰۷:۳۰', severity: 'high' as const, severityFa: 'شدید',
    evidence: ['<svg onload="window.__xss=\'ev\'"></svg>'], deadlineFa: '۱ دی ۱۴۰۵', deadlineApprox: false, reach: 3,
  };
  const reprints = [{ articleId: 'r', outletFa: '<b>x</b>', title: '<iframe src="javascript:parent.__xss=1">', url: 'https://ok.example/1', whenFa: '۰۹:۰۰', critical: true }];
  const browser = await launchChromium();
  t.after(() => browser.close());
  mkdirSync(artifacts, { recursive: true });
  for (const [name, mail] of [
    ['alert', renderAlert('تبریز', hostile)],
    ['followup', renderFollowup('تبریز', hostile, reprints)],
    ['morning', renderMorningSummary('تبریز', [hostile, { ...hostile, clusterId: 'd' }])],
  ] as const) {
    const page = await browser.newPage({ viewport: { width: 720, height: 600 } });
    await page.setContent(mail.html);
    await page.waitForTimeout(100);
    const r = (await page.evaluate(`({
      flag: window.__xss,
      dir: getComputedStyle(document.body).direction,
      active: document.querySelectorAll('script, img, svg, iframe, i, b[onclick]').length,
      handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
      jsLinks: [...document.querySelectorAll('a')].filter((a) => a.href.startsWith('javascript:')).length,
    })`)) as { flag: unknown; dir: string; active: number; handlers: number; jsLinks: number };
    assert.deepEqual(r, { flag: undefined, dir: 'rtl', active: 0, handlers: 0, jsLinks: 0 }, name);
    assert.ok(!/[\r\n]/.test(mail.subject), `${name} subject is one line`);
    await page.screenshot({ path: join(artifacts, `mail-${name}.png`), fullPage: true });
    await page.close();
  }
});
