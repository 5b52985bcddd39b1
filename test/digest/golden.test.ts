// Golden files: the whole digest (HTML and text) of the fixed fixture day. A change in layout
// or wording shows up here as a diff to review. Regenerate after an intended change with
//   UPDATE_GOLDEN=1 node scripts/run-tests.js test/digest/golden
// and commit test/digest/golden/* with the change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildDigest } from '../../src/digest/build.ts';
import { renderDigestHtml } from '../../src/digest/render-html.ts';
import { renderDigestText } from '../../src/digest/render-text.ts';
import { DAY, PROFILE, SOURCES, fixtureDb } from './fixtures.ts';

const dir = join(import.meta.dirname, 'golden');

function golden(name: string, actual: string): void {
  const file = join(dir, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    writeFileSync(file, actual);
    return;
  }
  assert.ok(existsSync(file), `${file} is missing; create it with UPDATE_GOLDEN=1`);
  const expected = readFileSync(file, 'utf8');
  if (actual !== expected) {
    const a = actual.split('\n');
    const e = expected.split('\n');
    const i = a.findIndex((line, k) => line !== e[k]);
    assert.fail(`${name} differs from the golden file at line ${i + 1}:\n  expected: ${e[i]}\n  actual:   ${a[i]}\n(UPDATE_GOLDEN=1 regenerates it after an intended change)`);
  }
}

test('digest of the fixture day matches the golden HTML and text', () => {
  const d = buildDigest(fixtureDb(), { profile: PROFILE, sources: SOURCES, day: DAY });
  golden('1405-09-01.html', renderDigestHtml(d));
  golden('1405-09-01.txt', renderDigestText(d));
});
