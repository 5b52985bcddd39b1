// kaghaz serve: the search page, clusters and the digest archive over HTTP.
import type { Command } from 'commander';
import { openContext } from '../context.ts';
import { defaultCity } from '../config.ts';
import { createSearchIndex } from '../index/factory.ts';
import { startWebServer } from './server.ts';

export function registerWebCommands(program: Command): void {
  program
    .command('serve')
    .description('serve the search page, republication clusters and the digest archive')
    .option('--port <n>', 'port (0 picks a free one)', '8080')
    .option('--host <addr>', 'address to bind; keep 127.0.0.1 unless a proxy with login stands in front', '127.0.0.1')
    .option('--city <name>', 'city whose verdicts the result buttons store (default KAGHAZ_CITY or tabriz)')
    .action(async (flags: { port: string; host: string; city?: string }) => {
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        console.error(`kaghaz: --port must be a number from 0 to 65535, got «${flags.port}»`);
        process.exitCode = 1;
        return;
      }
      const ctx = openContext();
      const index = createSearchIndex(ctx.db);
      let web;
      try {
        web = await startWebServer({ db: ctx.db, index, dataDir: ctx.dataDir, host: flags.host, port, triageCity: flags.city ?? defaultCity() });
      } catch (e) {
        console.error(`kaghaz: could not listen on ${flags.host}:${flags.port}: ${(e as Error).message}`);
        process.exitCode = 1;
        await index.close();
        ctx.close();
        return;
      }
      console.log(`kaghaz: serving ${web.url} (search index: ${index.driver}); Ctrl+C stops`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await web.close();
      await index.close();
      ctx.close();
    });
}
