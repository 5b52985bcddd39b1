// Start a farm by hand and keep it running until Ctrl-C:
//   node --import tsx test/farm/main.ts --outlets 120 --sources /tmp/farm-sources.json
// Options: --outlets N (default 20), --articles N per outlet (10), --seed N (1), --city tabriz|tehran|mashhad|shiraz,
// --delay MS (minimum response delay), --sources FILE (write config/sources.json-style file),
// --expected FILE (write the ground truth as JSON), --fault ID=KIND (repeatable).
import { parseArgs } from 'node:util';
import { writeFileSync } from 'node:fs';
import { startFarm, FAULT_KINDS, type FaultKind } from './farm.ts';

const { values } = parseArgs({
  options: {
    outlets: { type: 'string', default: '20' },
    articles: { type: 'string', default: '10' },
    seed: { type: 'string', default: '1' },
    city: { type: 'string', default: 'tabriz' },
    delay: { type: 'string', default: '0' },
    sources: { type: 'string' },
    expected: { type: 'string' },
    fault: { type: 'string', multiple: true, default: [] },
  },
});

const faults: Record<string, FaultKind> = {};
for (const f of values.fault ?? []) {
  const [id, kind] = f.split('=');
  if (!id || !FAULT_KINDS.includes(kind as FaultKind)) {
    console.error(`--fault ${f}: write OUTLET_ID=KIND with KIND one of ${FAULT_KINDS.join(', ')}`);
    process.exit(2);
  }
  faults[id] = kind as FaultKind;
}

const farm = await startFarm({
  outlets: Number(values.outlets),
  articlesPerOutlet: Number(values.articles),
  seed: Number(values.seed),
  city: values.city,
  minDelayMs: Number(values.delay),
  faults,
});
if (values.sources) farm.writeSourcesFile(values.sources);
if (values.expected) writeFileSync(values.expected, JSON.stringify(farm.expected, null, 1));

console.log(`farm: ${farm.outlets.length} outlets, ${farm.expected.length} articles, city ${values.city}`);
for (const o of farm.outlets.slice(0, 10)) {
  console.log(`  ${o.id.padEnd(24)} ${o.baseUrl}  feed: ${o.feedUrl ?? '(none) listing ' + o.listingUrl}${o.fault ? `  fault: ${o.fault}` : ''}`);
}
if (farm.outlets.length > 10) console.log(`  … and ${farm.outlets.length - 10} more`);
if (values.sources) console.log(`sources file: ${values.sources}`);
console.log('Ctrl-C to stop.');

const stop = async () => {
  await farm.close();
  console.log(`\nfarm closed after ${farm.requests.total} requests`);
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
