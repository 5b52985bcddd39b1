// CLI: `kaghaz normalize [--key]` and `kaghaz date [TEXT] [--json] [--now ISO]`.
// Streams are injectable so tests can drive the commands without spawning a process.

import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { normalize } from './normalize.ts';
import { matchKey } from './match-key.ts';
import { parseDate } from './dates.ts';

export interface NormalizeCliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

function lines(stdin: NodeJS.ReadableStream): AsyncIterable<string> {
  return createInterface({ input: stdin, crlfDelay: Infinity });
}

/** Writes and waits for the stream to drain when it asks to, so huge inputs stream in constant memory. */
async function write(out: NodeJS.WritableStream, s: string): Promise<void> {
  if (!out.write(s)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
}

export function registerNormalizeCommands(program: Command, io: Partial<NormalizeCliIo> = {}): void {
  const stdin = (): NodeJS.ReadableStream => io.stdin ?? process.stdin;
  const stdout = (): NodeJS.WritableStream => io.stdout ?? process.stdout;
  const stderr = (): NodeJS.WritableStream => io.stderr ?? process.stderr;

  program
    .command('normalize')
    .description('normalize Persian text from stdin, line by line (display form, or the match key with --key)')
    .option('--key', 'print the match key (folded form used for matching and search) instead')
    .action(async (opts: { key?: boolean }) => {
      const fn = opts.key ? matchKey : normalize;
      for await (const line of lines(stdin())) await write(stdout(), fn(line) + '\n');
    });

  program
    .command('date')
    .description('parse a Persian/Jalali or feed date to an ISO-8601 UTC instant (Asia/Tehran wall time)')
    .argument('[text...]', 'the date text, e.g. "۰۹ خرداد ۱۴۰۲ - ۱۲:۲۷"')
    .option('--json', 'read one date per line from stdin and write one JSON object per line')
    .option('--now <iso>', 'reference instant for relative forms such as «۳ ساعت پیش» (default: now)')
    .action(async (words: string[], opts: { json?: boolean; now?: string }) => {
      let now: Date | undefined;
      if (opts.now !== undefined) {
        now = new Date(opts.now);
        if (Number.isNaN(now.getTime())) {
          await write(stderr(), `kaghaz date: --now "${opts.now}" is not an ISO-8601 instant (e.g. 2023-05-30T08:57:00Z)\n`);
          process.exitCode = 1;
          return;
        }
      }
      if (opts.json) {
        for await (const input of lines(stdin())) {
          const r = parseDate(input, { now });
          const row = r.ok ? { input, date: r.date.toISOString() } : { input, date: null, error: r.error };
          await write(stdout(), JSON.stringify(row) + '\n');
        }
        return;
      }
      const text = words.join(' ');
      if (text.trim() === '') {
        await write(stderr(), 'kaghaz date: give the date text as an argument, or use --json with lines on stdin\n');
        process.exitCode = 1;
        return;
      }
      const r = parseDate(text, { now });
      if (r.ok) await write(stdout(), r.date.toISOString() + '\n');
      else {
        await write(stderr(), `kaghaz date: ${r.error}\n`);
        process.exitCode = 1;
      }
    });
}
