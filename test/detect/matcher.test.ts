import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AhoCorasick } from '../../src/detect/aho-corasick.ts';
import { compact, keyWithMap, localKeyWithMap } from '../../src/detect/fold.ts';
import { PhraseMatcher } from '../../src/detect/matcher.ts';

function naive(patterns: string[], text: string): string[] {
  const out: string[] = [];
  patterns.forEach((p, id) => {
    if (!p) return;
    for (let i = text.indexOf(p); i !== -1; i = text.indexOf(p, i + 1)) out.push(`${id}:${i}:${i + p.length}`);
  });
  return out.sort();
}

test('Aho–Corasick finds exactly the occurrences a naive search finds', () => {
  fc.assert(
    fc.property(
      fc.array(fc.string({ unit: fc.constantFrom('ا', 'ب', 'پ', 'ت'), minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 }),
      fc.string({ unit: fc.constantFrom('ا', 'ب', 'پ', 'ت', ' '), maxLength: 60 }),
      (patterns, text) => {
        const got = new AhoCorasick(patterns).findAll(text).map((m) => `${m.pattern}:${m.start}:${m.end}`).sort();
        assert.deepEqual(got, naive(patterns, text));
      },
    ),
  );
});

function matches(phrases: string[], text: string, opts: { suffixes?: string[]; pdf?: boolean } = {}): string[] {
  const m = new PhraseMatcher(phrases.map((p) => ({ phrase: p, tag: p, suffixes: opts.suffixes, pdfVariant: opts.pdf })));
  const kwm = keyWithMap(text);
  const c = compact(kwm.key);
  return m.match(c).map((h) => {
    const s = kwm.map[c.keyIndex[h.start]];
    const e = kwm.map[c.keyIndex[h.end - 1]] + 1;
    return text.slice(s, e);
  });
}

test('Arabic yeh/kaf, diacritics, kashida and ZWNJ/space variants all match', () => {
  for (const text of ['شهرداري تبريز', 'شهرداریِ تبریز', 'شهرداری‌ تبریز', 'شهرداری  تبریز', 'شهرداـری تبریز', 'شهرداری\u200cتبریز']) {
    assert.equal(matches(['شهرداری تبریز'], `خبر ${text} امروز`).length, 1, text);
  }
  assert.deepEqual(matches(['شهرداری کلان‌شهر تبریز'], 'شهرداری کلانشهر تبریز و شهرداری کلان شهر تبریز'), [
    'شهرداری کلانشهر تبریز',
    'شهرداری کلان شهر تبریز',
  ]);
});

test('matches whole tokens only', () => {
  assert.deepEqual(matches(['تبریز'], 'تبریزی‌ها و شهر تبریز'), ['تبریز']);
  assert.deepEqual(matches(['شهردار'], 'شهرداری تبریز'), []);
  assert.deepEqual(matches(['تبریز'], 'شهرهای تبریز،'), ['تبریز']);
  // Allowed suffixes extend the last token only by the listed letters.
  assert.deepEqual(matches(['تخلف'], 'تخلفات و تخلفی و تخلفگیر', { suffixes: ['ات', 'ی'] }), ['تخلفات', 'تخلفی']);
});

test('the PDF-damaged spelling with the lam of «لا» lost is matched when asked for', () => {
  assert.deepEqual(matches(['شهرداری کلانشهر تبریز'], 'شهرداری کانشهر تبریز', { pdf: true }), ['شهرداری کانشهر تبریز']);
  assert.deepEqual(matches(['شهرداری کلانشهر تبریز'], 'شهرداری کانشهر تبریز'), []);
  // The presentation-form ligature itself is expanded.
  assert.deepEqual(matches(['کلانشهر'], 'ک\uFEFBنشهر'), ['ک\uFEFBنشهر']);
});

test('the offset map points into the original text', () => {
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom('ي', 'ك', 'ا', 'ب', ' ', '\u200c', '\u064E', '۱', '.', 'ـ'), maxLength: 40 }), (text) => {
      const { key, map } = localKeyWithMap(text);
      assert.equal(map.length, key.length);
      for (let i = 1; i < map.length; i++) assert.ok(map[i] >= map[i - 1]);
      for (const o of map) assert.ok(o >= 0 && o < text.length);
      assert.ok(!/\s\s/.test(key) && key === key.trim());
    }),
  );
  assert.deepEqual(localKeyWithMap('۱۲ ك').key, '12 ک');
});
