import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  normalize, matchKey, matchKeyWithMap, tokenize, splitSentences, parseDate, repairLigatures,
} from '../../src/normalize/index.ts';

// Any UTF-16 code units, including lone surrogates, plus pieces of real Persian news text.
const anyUnits = fc
  .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 120 })
  .map((codes) => String.fromCharCode(...codes));
const mixed = fc
  .array(
    fc.oneof(
      fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
      fc.constantFrom('۱۴۰۲/۰۳/۰۹', '۱۲:۲۷', 'خرداد', 'پیش', 'ساعت', ' ', '\u200c', '\ud800', '\udc00', 'https://', '@', 'ﷲ', 'ها'),
    ),
    { maxLength: 60 },
  )
  .map((a) => a.join(''));

test('no function throws on random Unicode (fuzz)', () => {
  fc.assert(
    fc.property(fc.oneof(anyUnits, mixed), (s) => {
      assert.equal(typeof normalize(s), 'string');
      const k = matchKey(s);
      const m = matchKeyWithMap(s);
      assert.equal(m.key, k);
      assert.equal(m.map.length, k.length);
      for (const off of m.map) assert.ok(off >= 0 && off <= s.length);
      for (const t of tokenize(s)) assert.equal(s.slice(t.start, t.end), t.text);
      for (const x of splitSentences(s)) assert.equal(s.slice(x.start, x.end), x.text);
      const r = parseDate(s, { now: new Date('2024-01-01T00:00:00Z') });
      assert.ok(r.ok ? !Number.isNaN(r.date.getTime()) : typeof r.error === 'string');
      assert.equal(typeof repairLigatures(s), 'string');
    }),
    { numRuns: 3000 },
  );
});
