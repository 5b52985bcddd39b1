import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { servedKaghaz } from './harness.ts';

describe('web server', () => {
  let k: Awaited<ReturnType<typeof servedKaghaz>>;
  const get = (path: string, init?: RequestInit) => fetch(k.url + path, init);
  before(async () => {
    k = await servedKaghaz();
  });
  after(async () => k.close());

  test('binds to loopback on a free port', () => {
    assert.match(k.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  });

  test('the search page is RTL Persian with the local Vazirmatn font and highlighted results', async () => {
    const r = await get('/?q=' + encodeURIComponent('قطار شهری'));
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    const body = await r.text();
    assert.match(body, /<html lang="fa" dir="rtl">/);
    assert.match(body, /href="\/assets\/app.css"/);
    assert.ok(!/https?:\/\/(fonts|cdn)/.test(body), 'no CDN');
    assert.match(body, /<mark>قطار شهري<\/mark>/, 'Arabic-spelled title highlighted for a Persian query');
    assert.match(body, /۲ نتیجه/);
    assert.match(body, /href="https:\/\/irna.example\/news\/d1"/);
    assert.match(body, /href="\/cluster\/c1"/);
    assert.match(body, /data-facet="outlet"/);
    const css = await (await get('/assets/app.css')).text();
    assert.match(css, /url\('\/assets\/vazirmatn.woff2'\)/);
    const font = await get('/assets/vazirmatn.woff2');
    assert.equal(font.headers.get('content-type'), 'font/woff2');
    assert.equal(Buffer.from(await font.arrayBuffer()).subarray(0, 4).toString('latin1'), 'wOF2');
  });

  test('article text is escaped: a <script> title stays text', async () => {
    const body = await (await get('/?q=' + encodeURIComponent('هشدار'))).text();
    assert.ok(!body.includes('<script>alert(1)</script>'), 'raw script tag must not appear');
    assert.match(body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(body, /متن &lt;b&gt;آزمایشی&lt;\/b&gt;/);
    const reflected = await (await get('/?q=' + encodeURIComponent('"><script>x</script>'))).text();
    assert.ok(!reflected.includes('<script>x'), 'the query is escaped when echoed back');
  });

  test('filters from the form and facet links narrow the results', async () => {
    const body = await (await get('/?q=&outlet=irna&critical=no')).text();
    assert.match(body, /۳ نتیجه/);
    assert.match(body, /رسانه: ایرنا ✕/);
    const typed = await (await get('/?type=newspaper&province=east-azerbaijan')).text();
    assert.match(typed, /۲ نتیجه/);
    const day = await (await get('/?day=1405/08/29')).text();
    assert.match(day, /۱ نتیجه/);
    const hacked = await (await get('/?outlet=' + encodeURIComponent('irna» OR x «'))).text();
    assert.match(hacked, /۰ نتیجه/, 'quote characters in a parameter cannot break out of the filter value');
  });

  test('a malformed query shows a clear message with status 400, never a crash', async () => {
    const r = await get('/?q=' + encodeURIComponent('NEAR(قطار شهری)'));
    assert.equal(r.status, 400);
    const body = await r.text();
    assert.match(body, /role="alert">عبارت جستجو نادرست است: <bdi dir="ltr">NEAR/);
    assert.equal((await get('/%E0%A4%A')).status, 400);
  });

  test('the JSON API returns the search result', async () => {
    const r = await get('/api/search?q=' + encodeURIComponent('site:ایرنا') + '&sort=date&perPage=2');
    assert.equal(r.status, 200);
    const j = (await r.json()) as { total: number; hits: { id: string }[]; facets: { outlet: unknown[] } };
    assert.equal(j.total, 3);
    assert.deepEqual(j.hits.map((h) => h.id), ['d1', 'd6']);
    const bad = await get('/api/search?q=' + encodeURIComponent('"open'));
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as { kind: string }).kind, 'query');
  });

  test('a cluster page lists its articles, outlets and count', async () => {
    const r = await get('/cluster/c1');
    assert.equal(r.status, 200);
    const body = await r.text();
    assert.match(body, /۲ انتشار در ۲ رسانه/);
    assert.match(body, /ایرنا/);
    assert.match(body, /عصر تبریز/);
    assert.match(body, /data-id="d1"[\s\S]*data-id="d2"/, 'oldest first');
    assert.equal((await get('/cluster/nope')).status, 404);
    assert.equal((await get('/cluster/' + encodeURIComponent('<x>'))).status, 404);
  });

  test('stored digests are listed and served; nothing else in the data directory is', async () => {
    const list = await (await get('/digests/')).text();
    assert.match(list, /href="\/digests\/1405-08-30.html"[\s\S]*href="\/digests\/1405-08-29.html"/, 'newest first');
    assert.match(list, /href="\/digests\/1405-08-29.txt"/);
    const one = await get('/digests/1405-08-29.html');
    assert.equal(one.status, 200);
    assert.match(one.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    assert.match(await one.text(), /کاغذ اخبار ۲۹ آبان/);
    for (const p of ['/digests/..%2Fkaghaz-secret.txt', '/digests/../kaghaz-secret.txt', '/digests/%2e%2e/kaghaz-secret.txt', '/digests/.hidden.html', '/digests/missing.html', '/digests/fonts/x.exe'])
      assert.equal((await get(p)).status, 404, p);
  });

  test('health, unknown paths and other methods', async () => {
    const h = await get('/health');
    assert.equal(h.status, 200);
    assert.equal(((await h.json()) as { driver: string }).driver, 'fts5');
    assert.equal((await get('/nope')).status, 404);
    assert.equal((await get('/', { method: 'POST' })).status, 405);
  });
});

test('with Meilisearch unreachable the page says so (503) instead of failing', async () => {
  const { openMemoryDb } = await import('../../src/store/db.ts');
  const { MeiliIndex } = await import('../../src/index/meili.ts');
  const { startWebServer } = await import('../../src/web/server.ts');
  const { createServer } = await import('node:net');
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  const db = openMemoryDb();
  const index = new MeiliIndex({ url: `http://127.0.0.1:${port}`, indexUid: 'down', db });
  const web = await startWebServer({ db, index, dataDir: '/nonexistent-kaghaz', port: 0 });
  try {
    const r = await fetch(web.url + '/?q=' + encodeURIComponent('قطار'));
    assert.equal(r.status, 503);
    assert.match(await r.text(), /نمایهٔ جستجو در دسترس نیست/);
    const api = await fetch(web.url + '/api/search?q=x');
    assert.equal(api.status, 503);
    assert.equal(((await api.json()) as { kind: string }).kind, 'connect');
    assert.equal((await fetch(web.url + '/health')).status, 503);
    assert.match(await (await fetch(web.url + '/digests/')).text(), /هنوز کاغذ اخباری/);
  } finally {
    await web.close();
    await index.close();
    db.close();
  }
});

test('added routes are served (any method) after the built-in pages', async () => {
  const { openMemoryDb } = await import('../../src/store/db.ts');
  const { Fts5Index } = await import('../../src/index/fts5.ts');
  const { startWebServer } = await import('../../src/web/server.ts');
  const db = openMemoryDb();
  const web = await startWebServer({
    db, index: new Fts5Index(db), dataDir: '/nonexistent-kaghaz', port: 0,
    routes: [{ path: /^\/triage\/\w+$/, handler: (req, res, url) => void res.end(`${req.method} ${url.pathname}`) }],
  });
  try {
    assert.equal(await (await fetch(web.url + '/triage/x1', { method: 'POST' })).text(), 'POST /triage/x1');
    assert.equal(await (await fetch(web.url + '/triage/x1')).text(), 'GET /triage/x1');
    assert.equal((await fetch(web.url + '/', { method: 'POST' })).status, 405);
  } finally {
    await web.close();
    db.close();
  }
});
