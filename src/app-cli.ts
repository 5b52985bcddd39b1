// Commands that drive the whole system (run, start, demo) and the registration of every
// area's own commands.
import type { Command } from 'commander';
import { formatCycleSummary, runOnce, startService } from './app.ts';
import { runDemo } from './demo.ts';
import { parseDate } from './normalize/index.ts';
import { registerNormalizeCommands } from './normalize/cli.ts';
import { registerCrawlCommands } from './crawlers/cli.ts';
import { registerDetectCommands } from './detect/cli.ts';
import { registerSearchCommands } from './index/cli.ts';
import { registerWebCommands } from './web/cli.ts';
import { registerDigestCommands } from './digest/cli.ts';

export function registerAppCommands(program: Command): void {
  program
    .command('run')
    .description('run crawl cycles: --once runs one cycle over all enabled outlets and prints a per-outlet summary')
    .option('--once', 'run one cycle and exit (default)', true)
    .option('--sources <file>', 'sources file (default config/sources.json)')
    .option('--city <name>', 'profile to detect for (default KAGHAZ_CITY or tabriz)')
    .option('--only <ids>', 'comma-separated outlet ids to crawl')
    .option('--min-interval <ms>', 'minimum milliseconds between requests to one host', (v) => Number(v))
    .option('--since <date>', 'backfill: also walk listing pages, skip items published before DATE (Jalali 1405/09/01 or ISO)')
    .option('--json', 'print the summary as JSON')
    .action(async (o: { sources?: string; city?: string; only?: string; minInterval?: number; since?: string; json?: boolean }) => {
      let since: Date | undefined;
      if (o.since) {
        const d = parseDate(o.since);
        if (!d.ok) throw new Error(`--since "${o.since}": ${d.error}; write a date such as 1405/09/01 or 2026-11-22`);
        since = d.date;
      }
      const summary = await runOnce({
        since,
        sourcesFile: o.sources,
        city: o.city,
        only: o.only?.split(',').map((s) => s.trim()).filter(Boolean),
        minIntervalMs: o.minInterval,
        progress: process.stderr.isTTY,
      });
      console.log(o.json ? JSON.stringify(summary, null, 2) : formatCycleSummary(summary));
    });

  program
    .command('start')
    .description('the service: scheduled crawling (node-cron), the daily digest, alerts and the web server, until SIGINT/SIGTERM')
    .option('--sources <file>', 'sources file (default config/sources.json)')
    .option('--city <name>', 'profile (default KAGHAZ_CITY or tabriz)')
    .option('--port <n>', 'web server port', (v) => Number(v), 8080)
    .option('--host <host>', 'web server host', '127.0.0.1')
    .action(async (o: { sources?: string; city?: string; port: number; host: string }) => {
      await startService({ sourcesFile: o.sources, city: o.city, port: o.port, host: o.host });
    });

  program
    .command('demo')
    .description('start a local farm of synthetic outlets, crawl it once into ./data, write the digest and print totals')
    .option('--outlets <n>', 'number of farm outlets', (v) => Number(v), 120)
    .option('--fresh', 'wipe an earlier demo data directory first', true)
    .action(async (o: { outlets: number }) => {
      await runDemo({ outlets: o.outlets });
    });

  registerNormalizeCommands(program);
  registerCrawlCommands(program);
  registerDetectCommands(program);
  registerSearchCommands(program);
  registerWebCommands(program);
  registerDigestCommands(program);
}
