// The kaghaz command line. Each area registers its own commands (src/<area>/cli.ts);
// this file owns the commands that drive the whole system: config check, run, start, demo.
import { Command, CommanderError } from 'commander';
import { checkConfig, configPaths, formatProblems } from './config.ts';
import { registerAppCommands } from './app-cli.ts';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('kaghaz')
    .description('Media monitoring and press clipping for Persian news (کاغذ اخبار)')
    .version(VERSION)
    .option('--data <dir>', 'data directory (default ./data, or KAGHAZ_DATA_DIR)')
    .option('--config <dir>', 'config directory (default ./config, or KAGHAZ_CONFIG_DIR)')
    .showHelpAfterError()
    .hook('preAction', (cmd) => {
      // Global options become environment so every module resolves paths the same way.
      const o = cmd.opts<{ data?: string; config?: string }>();
      if (o.data) process.env.KAGHAZ_DATA_DIR = o.data;
      if (o.config) process.env.KAGHAZ_CONFIG_DIR = o.config;
    });

  program
    .command('config')
    .description('configuration')
    .command('check')
    .description('validate config/sources.json and config/profiles/*.json; prints every problem with file, path and fix')
    .action(() => {
      const paths = configPaths();
      const problems = checkConfig(paths);
      if (problems.length === 0) {
        console.log(`config OK: ${paths.sourcesFile}, ${paths.profilesDir}`);
      } else {
        console.error(formatProblems(problems));
        console.error(`${problems.length} problem(s) found`);
        process.exitCode = 1;
      }
    });

  registerAppCommands(program);
  return program;
}

export const VERSION = '0.1.0';

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  program.exitOverride();
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode;
    const err = e as Error;
    // Errors are written for the person at the terminal; the stack only when asked for.
    if (err.name === 'ConfigError') console.error(err.message);
    else console.error(`kaghaz: ${process.env.KAGHAZ_DEBUG ? (err.stack ?? err.message) : err.message}`);
    return 1;
  }
  return typeof process.exitCode === 'number' ? process.exitCode : 0;
}
