// Verdicts from the search page: buttons on every result, stored for `kaghaz detect train`,
// accepted only as POST from kaghaz's own pages.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { servedKaghaz } from './harness.ts';

let k: Awaited<ReturnType<typeof servedKaghaz>>;
before(async () => {
  k = await servedKaghaz({ triageCity: 'tabriz' });
});
after(async () => k.close());

const verdictOf = (id: string) =>
  k.db.prepare(`SELECT verdict FROM detect_verdicts WHERE article_id = ? AND city = 'tabriz'`).pluck().get(id) as string | undefined;

async function firstHit(): Promise<{ id: string; page: string }> {
  const page = await (await fetch(k.url + '/?q=' + encodeURIComponent('قطار شهری'))).text();
  const m = /<li class="hit" id="hit-([^"]+)"/.exec(page);
  assert.ok(m, 'a result');
  return { id: m[1], page };
}

test('each result offers verdict buttons; a same-origin post stores the verdict and goes back', async () => {
  const { id, page } = await firstHit();
  assert.match(page, /<form class="triage" method="post" action="\/verdict">/);
  const r = await fetch(k.url + '/verdict', {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
    body: new URLSearchParams({ id, verdict: 'not-critical', back: '/?q=x' }).toString(),
  });
  assert.equal(r.status, 303);
  assert.equal(r.headers.get('location'), `/?q=x#hit-${id}`);
  assert.equal(verdictOf(id), 'not-critical');
  const again = await firstHit();
  assert.match(again.page, /داوری شما: غیرانتقادی/);
});

test('cross-site posts, bad values, unknown articles and foreign redirects are refused', async () => {
  const { id } = await firstHit();
  const post = (body: Record<string, string>, headers: Record<string, string> = { 'sec-fetch-site': 'same-origin' }) =>
    fetch(k.url + '/verdict', {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(body).toString(),
    });
  assert.equal((await post({ id, verdict: 'critical' }, { 'sec-fetch-site': 'cross-site' })).status, 403);
  assert.equal((await post({ id, verdict: 'critical' }, { origin: 'http://evil.example' })).status, 403);
  assert.notEqual(verdictOf(id), 'critical', 'a cross-site post changed nothing');
  assert.equal((await post({ id, verdict: 'maybe' })).status, 400);
  assert.equal((await post({ id: 'nope', verdict: 'critical' })).status, 404);
  assert.equal((await fetch(k.url + '/verdict')).status, 405);
  const r = await post({ id, verdict: 'critical', back: '//evil.example/x' });
  assert.equal(r.status, 303);
  assert.equal(r.headers.get('location'), `/#hit-${id}`, 'never redirected off-site');
  assert.equal(verdictOf(id), 'critical');
});

test('without a triage city the page shows no buttons', async () => {
  const plain = await servedKaghaz();
  try {
    const page = await (await fetch(plain.url + '/?q=' + encodeURIComponent('قطار شهری'))).text();
    assert.ok(!page.includes('class="triage"'));
    assert.equal((await fetch(plain.url + '/verdict', { method: 'POST' })).status, 405);
    assert.equal((await fetch(plain.url + '/review')).status, 404, 'no review queue without a triage city');
  } finally {
    await plain.close();
  }
});

test('the review page lists articles about the city without a verdict, most uncertain first; a verdict takes one off', async () => {
  const mentioned = k.db.prepare('SELECT id, score FROM articles WHERE mentioned = 1').all() as { id: string; score: number }[];
  assert.ok(mentioned.length >= 2, 'the corpus has articles about the municipality');
  // Distinct uncertainties, so the order is known.
  const set = k.db.prepare('UPDATE articles SET score = ? WHERE id = ?');
  mentioned.forEach((a, i) => set.run(i === 0 ? 0.49 : 0.9 - i * 0.001, a.id));
  k.db.prepare('DELETE FROM detect_verdicts').run();
  const ids = (page: string) => [...page.matchAll(/<li class="hit" id="hit-([^"]+)"/g)].map((m) => m[1]);
  const page = await (await fetch(k.url + '/review')).text();
  assert.equal(ids(page)[0], mentioned[0].id, 'score 0.49 first');
  assert.equal(ids(page).length, mentioned.length);
  assert.match(page, /احتمال انتقادی بودن ۴۹٪/);
  const r = await fetch(k.url + '/verdict', {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
    body: new URLSearchParams({ id: mentioned[0].id, verdict: 'critical', back: '/review' }).toString(),
  });
  assert.equal(r.headers.get('location'), `/review#hit-${mentioned[0].id}`);
  const next = ids(await (await fetch(k.url + '/review')).text());
  assert.ok(!next.includes(mentioned[0].id), 'the judged article left the queue');
  assert.equal(next.length, mentioned.length - 1);
  assert.match(await (await fetch(k.url + '/?q=' + encodeURIComponent('قطار شهری'))).text(), /href="\/review"/);
});
