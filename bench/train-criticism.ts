// `npm run train:criticism`: trains the bundled criticism model (src/detect/criticism-model.json)
// on the whole labelled set. Run it after changing the labelled set or the rules: a test fails
// while the shipped model is older than either (see dataHash).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, dirname } from 'node:path';
import { BUNDLED_COMBINER, train } from '../src/detect/model.ts';
import { evalProfiles, labelledExamples, loadLabelled } from './eval-detect.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const MODEL_FILE = join(root, 'src/detect/criticism-model.json');
/** What the model's features depend on: the labelled set and the code that turns text into features. */
const INPUTS = ['test/detect/labelled.jsonl', 'src/detect/cues.ts', 'src/detect/criticism.ts', 'src/detect/voice.ts', 'src/detect/model.ts'];

export function dataHash(): string {
  const h = createHash('sha256');
  for (const f of INPUTS) h.update(f).update('\0').update(readFileSync(join(root, f))).update('\0');
  return h.digest('hex');
}

export function main(): void {
  const items = loadLabelled();
  const examples = labelledExamples(items, evalProfiles(items));
  const model = train(examples, { combiner: BUNDLED_COMBINER, trainedOn: `labelled set (${items.length} items, ${examples.length} mentioned examples)`, dataHash: dataHash() });
  // A stable file: no training time, so retraining on the same inputs changes nothing.
  writeFileSync(MODEL_FILE, `${JSON.stringify({ ...model, trainedAt: 'bundled' }, null, 1)}\n`);
  const critical = examples.filter((e) => e.critical).length;
  console.log(`trained on ${examples.length} examples (${critical} critical): ${Object.keys(model.weights).length} features → ${MODEL_FILE}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
