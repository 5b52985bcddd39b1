#!/usr/bin/env node
// kaghaz ships its TypeScript sources and runs them through tsx, so `npx kaghaz`
// works right after `npm install` with no build step and never runs stale output.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));
