#!/usr/bin/env node
// kaghaz ships its TypeScript sources and runs them through tsx, so `npx kaghaz`
// works right after `npm install` with no build step and never runs stale output.
import { register } from 'tsx/esm/api';

register();
// `kaghaz search … | head` closes the pipe early; that is the reader's choice, not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));
