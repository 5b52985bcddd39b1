// The search page in a real browser (Debian's Chromium via playwright-core): a query, a filter,
// a facet click, a highlighted Persian result, and a screenshot for a human to look at.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { servedKaghaz } from './harness.ts';

const CHROMIUM = '/usr/bin/chromium';
const SKIP = existsSync(CHROMIUM) ? false : `${CHROMIUM} is missing: browser test skipped (apt-get install -y chromium)`;
if (SKIP) console.log(`# NOTICE: ${SKIP}`);

test('search page in Chromium: query, filter, facet click, highlighted Persian result', { skip: SKIP, timeout: 120_000 }, async () => {
  const k = await servedKaghaz();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'fa-IR' });
    const external: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(k.url)) external.push(r.url());
    });
    await page.goto(k.url + '/');
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');

    // A query typed with Persian letters finds a title written with Arabic ones.
    await page.fill('input[name=q]', 'قطار شهری');
    await Promise.all([page.waitForURL(/q=/), page.click('button[type=submit]')]);
    assert.deepEqual(await page.locator('li.hit').evaluateAll((els) => els.map((e) => e.getAttribute('data-id'))), ['d1', 'd2']);
    assert.ok((await page.locator('li.hit[data-id=d2] h3 mark').allTextContents()).includes('قطار شهري'));

    // A filter from the form.
    await page.selectOption('select[name=critical]', 'yes');
    await Promise.all([page.waitForURL(/critical=yes/), page.click('button[type=submit]')]);
    assert.deepEqual(await page.locator('li.hit').evaluateAll((els) => els.map((e) => e.getAttribute('data-id'))), ['d2']);
    await Promise.all([page.waitForURL((u) => !u.search.includes('critical')), page.click('a.chip')]);

    // A facet click: only ایرنا.
    await Promise.all([page.waitForURL(/outlet=irna/), page.click('section[data-facet=outlet] a[data-value=irna]')]);
    assert.deepEqual(await page.locator('li.hit').evaluateAll((els) => els.map((e) => e.getAttribute('data-id'))), ['d1']);
    assert.match(await page.textContent('p.summary') ?? '', /۱ نتیجه/);

    // The font is the local Vazirmatn and it loaded.
    // A string, so the browser-side code needs no DOM typings here.
    const fontOk = await page.evaluate(`document.fonts.ready.then(() => [...document.fonts].some((f) => f.family.replace(/"/g, '') === 'Vazirmatn' && f.status === 'loaded'))`);
    assert.ok(fontOk, 'Vazirmatn loaded');
    assert.deepEqual(external, [], 'no request leaves the server');

    // A broader query for the screenshot.
    await page.goto(k.url + '/?q=' + encodeURIComponent('شهرداری OR قطار OR ترافیک'));
    mkdirSync('test-artifacts', { recursive: true });
    await page.screenshot({ path: 'test-artifacts/search-page.png', fullPage: true });
    assert.ok((await page.locator('mark').count()) > 3);
  } finally {
    await browser.close();
    await k.close();
  }
});
