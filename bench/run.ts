// npm run bench [-- --quick] [-- name ...]: runs every bench/*.bench.ts and prints its numbers.
// Machines are shared and noisy: benches report medians and ratios, never pass/fail on time.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes('--quick') || process.env.KAGHAZ_BENCH_QUICK === '1';
const names = args.filter((a) => !a.startsWith('--'));
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => names.length === 0 || names.some((n) => f.includes(n)))
  .sort();

console.log(`kaghaz bench — node ${process.version}, ${quick ? 'quick' : 'full'} mode, ${new Date().toISOString()}`);
let failed = 0;
for (const f of files) {
  console.log(`\n## ${f.replace('.bench.ts', '')}`);
  try {
    const mod = (await import(pathToFileURL(join(here, f)).href)) as { run(o: { quick: boolean }): Promise<void> };
    await mod.run({ quick });
  } catch (e) {
    failed++;
    console.log(`bench ${f} failed: ${(e as Error).stack ?? e}`);
  }
}
if (failed) process.exitCode = 1;
