import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize, splitSentences } from '../../src/normalize/index.ts';

test('tokenize: words with ZWNJ, numbers, URLs, e-mails, punctuation', () => {
  const text = 'او می‌گوید: ۱۲,۵۰۰ تومان و 12.5% در 1402/03/09؛ https://shahr.example.ir/a?b=1 یا info@shahr.ir «خبر»!';
  const toks = tokenize(text);
  const seen = toks.map((t) => `${t.kind}:${t.text}`);
  assert.deepEqual(seen, [
    'word:او', 'word:می‌گوید', 'punct::', 'number:۱۲,۵۰۰', 'word:تومان', 'word:و', 'number:12.5', 'punct:%',
    'word:در', 'number:1402/03/09', 'punct:؛', 'url:https://shahr.example.ir/a?b=1', 'word:یا',
    'email:info@shahr.ir', 'punct:«', 'word:خبر', 'punct:»', 'punct:!',
  ]);
  for (const t of toks) assert.equal(text.slice(t.start, t.end), t.text);
});

test('tokenize: a ZWNJ between words joins, at the edge it does not', () => {
  assert.deepEqual(tokenize('کتاب\u200cها \u200cو').map((t) => t.text), ['کتاب\u200cها', 'و']);
});

test('splitSentences: Persian and Latin punctuation, newlines, offsets', () => {
  const text = 'شهردار گفت: کار تمام شد. آیا درست است؟ بله!\nخط دوم بدون نقطه\n\nنرخ 12.5 درصد شد. سایت https://a.example.ir/x.html را ببینید. Dr. Smith آمد. ساعت ۱۰ ق.ظ بود…';
  const s = splitSentences(text);
  assert.deepEqual(s.map((x) => x.text), [
    'شهردار گفت: کار تمام شد.',
    'آیا درست است؟',
    'بله!',
    'خط دوم بدون نقطه',
    'نرخ 12.5 درصد شد.',
    'سایت https://a.example.ir/x.html را ببینید.',
    'Dr. Smith آمد.',
    'ساعت ۱۰ ق.ظ بود…',
  ]);
  for (const x of s) assert.equal(text.slice(x.start, x.end), x.text);
});

test('splitSentences: closing quotes stay with their sentence', () => {
  const s = splitSentences('او گفت «کار تمام شد.» سپس رفت.');
  assert.deepEqual(s.map((x) => x.text), ['او گفت «کار تمام شد.»', 'سپس رفت.']);
});
