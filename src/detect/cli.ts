// CLI of the detect area: `analyze`, `profile init`, `detect verdict`, `detect train`.
// Streams are injectable so tests drive the commands without a process.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { Command } from 'commander';
import { ConfigError, configPaths, loadProfile, loadSources, profileFile, type Profile, type Source } from '../config.ts';
import { openContext } from '../context.ts';
import { createDetector } from './detector.ts';
import { bundledModel, probability, saveModel, train, type TrainingExample } from './model.ts';
import type { Db } from '../store/db.ts';
import { initProfile, ProfileInitError } from './profile-init.ts';
import { isVerdict, reviewQueue, storeVerdict } from './verdicts.ts';

export interface DetectCliIo {
  stdin?: Readable;
  stdout?: Writable;
  stderr?: Writable;
  /** Overrides KAGHAZ_CONFIG_DIR / ./config. */
  configDir?: string;
  /** Overrides KAGHAZ_DATA_DIR / ./data. */
  dataDir?: string;
}

function out(io: DetectCliIo): Writable {
  return io.stdout ?? process.stdout;
}
function err(io: DetectCliIo): Writable {
  return io.stderr ?? process.stderr;
}

/** --profile FILE, else config/profiles/<city>.json, else a generated default for a known city. */
export function profileFor(opts: { city?: string; profile?: string }, io: DetectCliIo = {}): Profile {
  if (opts.profile) return loadProfile(opts.profile);
  if (!opts.city) throw new ProfileInitError('pass --city NAME or --profile FILE');
  const file = profileFile(configPaths(io.configDir), opts.city);
  if (existsSync(file)) return loadProfile(file);
  const p = initProfile({ city: opts.city });
  err(io).write(`note: ${file} not found; using the default profile for ${p.city} (run "kaghaz profile init --city ${p.city}" to create it)\n`);
  return p;
}

function reportError(io: DetectCliIo, e: unknown): void {
  const msg = e instanceof ConfigError || e instanceof ProfileInitError ? e.message : e instanceof Error ? e.message : String(e);
  err(io).write(`error: ${msg}\n`);
  process.exitCode = 1;
}

interface AnalyzeLine {
  id: string;
  title?: string;
  text: string;
  publishedAt?: string;
  sourceId?: string;
}

/** Validates one input line; returns the record or the problem (field + message). */
export function parseAnalyzeLine(line: string): { ok: true; value: AnalyzeLine } | { ok: false; field?: string; error: string; id?: string } {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch (e) {
    return { ok: false, error: `not valid JSON (${(e as Error).message}); write one JSON object per line` };
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return { ok: false, error: 'expected a JSON object like {"id": "...", "text": "..."}' };
  const o = v as Record<string, unknown>;
  const id = typeof o.id === 'number' ? String(o.id) : o.id;
  if (typeof id !== 'string' || id.trim() === '') return { ok: false, field: 'id', error: 'missing or empty "id"; give each line a string id' };
  if (typeof o.text !== 'string') return { ok: false, field: 'text', id, error: '"text" must be a string with the article body' };
  if (o.title !== undefined && typeof o.title !== 'string') return { ok: false, field: 'title', id, error: '"title" must be a string when given' };
  if (o.publishedAt !== undefined && (typeof o.publishedAt !== 'string' || Number.isNaN(Date.parse(o.publishedAt)))) {
    return { ok: false, field: 'publishedAt', id, error: '"publishedAt" must be an ISO date such as "2024-05-01T08:00:00Z"' };
  }
  if (o.sourceId !== undefined && typeof o.sourceId !== 'string') return { ok: false, field: 'sourceId', id, error: '"sourceId" must be an outlet id string' };
  return { ok: true, value: { id, title: o.title as string | undefined, text: o.text, publishedAt: o.publishedAt as string | undefined, sourceId: o.sourceId as string | undefined } };
}

export async function runAnalyze(profile: Profile, io: DetectCliIo, sources: Source[] = []): Promise<{ lines: number; errors: number }> {
  const detector = createDetector(profile, { sources });
  const rl = createInterface({ input: io.stdin ?? process.stdin, crlfDelay: Infinity });
  const w = out(io);
  let n = 0;
  let errors = 0;
  for await (const raw of rl) {
    n++;
    if (raw.trim() === '') continue;
    const p = parseAnalyzeLine(raw);
    if (!p.ok) {
      errors++;
      w.write(JSON.stringify({ line: n, ...(p.id ? { id: p.id } : {}), ...(p.field ? { field: p.field } : {}), error: p.error }) + '\n');
      continue;
    }
    const a = p.value;
    const d = detector.detect({ title: a.title ?? '', body: a.text, publishedAt: a.publishedAt ?? null, sourceId: a.sourceId ?? 'stdin' });
    w.write(
      JSON.stringify({
        id: a.id,
        mentioned: d.mentioned,
        mentions: d.mentions.map((m) => ({ ...m, span: [m.start, m.end] })),
        critical: d.critical,
        score: d.score,
        severity: d.severity,
        evidence: d.evidence,
      }) + '\n',
    );
  }
  return { lines: n, errors };
}

export function registerDetectCommands(program: Command, io: DetectCliIo = {}): void {
  program
    .command('analyze')
    .description('detect municipality mentions and criticism in JSON lines {"id","title"?,"text"} read from stdin')
    .option('--city <name>', 'profile city (config/profiles/<name>.json, or the generated default)')
    .option('--profile <file>', 'profile JSON file')
    .option('--sources <file>', 'sources.json, to tell local outlets by the "sourceId" of input lines')
    .action(async (opts: { city?: string; profile?: string; sources?: string }) => {
      try {
        if (!opts.city && !opts.profile) throw new ProfileInitError('pass --city NAME or --profile FILE');
        const profile = profileFor(opts, io);
        const sources = opts.sources ? loadSources(opts.sources).sources : [];
        const r = await runAnalyze(profile, io, sources);
        if (r.errors > 0) {
          err(io).write(`${r.errors} of ${r.lines} lines had errors (see the error lines in the output)\n`);
          process.exitCode = 1;
        }
      } catch (e) {
        reportError(io, e);
      }
    });

  const profileCmd = program.commands.find((c) => c.name() === 'profile') ?? program.command('profile').description('monitored-city profiles');
  profileCmd
    .command('init')
    .description('write a default profile for an Iranian city from its name')
    .requiredOption('--city <name>', 'Latin id of the city, e.g. tabriz')
    .option('--fa <name>', 'Persian name, when kaghaz does not know the city')
    .option('--province <slug>', 'province slug, e.g. east-azerbaijan')
    .option('--out <file>', 'where to write (default config/profiles/<city>.json)')
    .option('--stdout', 'print the profile instead of writing it')
    .option('--force', 'overwrite an existing file')
    .action((opts: { city: string; fa?: string; province?: string; out?: string; stdout?: boolean; force?: boolean }) => {
      try {
        const p = initProfile({ city: opts.city, fa: opts.fa, province: opts.province });
        const json = JSON.stringify(p, null, 2) + '\n';
        if (opts.stdout) {
          out(io).write(json);
          return;
        }
        const file = opts.out ?? profileFile(configPaths(io.configDir), p.city);
        if (existsSync(file) && !opts.force) {
          throw new ProfileInitError(`${file} exists; pass --force to overwrite it or --out to write elsewhere`);
        }
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, json);
        out(io).write(`wrote ${file} (${p.subsidiaries.length} subsidiaries, ${p.districts} districts, no officials: add them with their terms of office)\n`);
      } catch (e) {
        reportError(io, e);
      }
    });

  const detect = program.commands.find((c) => c.name() === 'detect') ?? program.command('detect').description('criticism verdicts and training');
  detect
    .command('verdict')
    .description("store the media unit's verdict on a stored article")
    .argument('<articleId>', 'article id')
    .argument('<verdict>', 'critical | not-critical')
    .option('--city <name>', 'profile city (default KAGHAZ_CITY or tabriz)')
    .option('--note <text>', 'why')
    .action((articleId: string, verdict: string, opts: { city?: string; note?: string }) => {
      try {
        if (!isVerdict(verdict)) {
          throw new ProfileInitError(`verdict "${verdict}" is not one of: critical, not-critical`);
        }
        const ctx = openContext({ dataDir: io.dataDir, configDir: io.configDir });
        try {
          const a = ctx.articles.get(articleId);
          if (!a) throw new ProfileInitError(`no stored article with id "${articleId}"; take the id from the digest or the web triage page`);
          const city = opts.city ?? process.env.KAGHAZ_CITY ?? a.detection.city ?? 'tabriz';
          const total = storeVerdict(ctx.db, articleId, city, verdict, opts.note);
          out(io).write(`stored: ${articleId} ${verdict} (${city}; ${total} verdicts; run "kaghaz detect train" to use them)\n`);
        } finally {
          ctx.close();
        }
      } catch (e) {
        reportError(io, e);
      }
    });

  detect
    .command('review')
    .description('list stored articles without a verdict, the most uncertain first: the verdicts that teach "detect train" the most')
    .option('--city <name>', 'profile city (default KAGHAZ_CITY or tabriz)')
    .option('--limit <n>', 'how many', '20')
    .option('--json', 'one JSON line per article')
    .action((opts: { city?: string; limit: string; json?: boolean }) => {
      try {
        const limit = Number(opts.limit);
        if (!Number.isInteger(limit) || limit < 1) throw new ProfileInitError(`--limit "${opts.limit}" is not a positive whole number`);
        const city = opts.city ?? process.env.KAGHAZ_CITY ?? 'tabriz';
        const ctx = openContext({ dataDir: io.dataDir, configDir: io.configDir });
        try {
          const items = reviewQueue(ctx.db, city, limit);
          for (const r of items) {
            out(io).write(opts.json ? `${JSON.stringify(r)}\n` : `${r.score.toFixed(2)}  ${r.critical ? 'critical' : 'not     '}  ${r.id}  ${r.title}\n`);
          }
          if (!opts.json) out(io).write(`${items.length} to review for ${city}; answer with "kaghaz detect verdict ID critical|not-critical"\n`);
        } finally {
          ctx.close();
        }
      } catch (e) {
        reportError(io, e);
      }
    });

  detect
    .command('train')
    .description('retrain the criticism layer from stored verdicts')
    .option('--city <name>', 'profile city')
    .option('--profile <file>', 'profile JSON file')
    .action((opts: { city?: string; profile?: string }) => {
      try {
        const city = opts.city ?? process.env.KAGHAZ_CITY ?? 'tabriz';
        const profile = profileFor({ city, profile: opts.profile }, io);
        const ctx = openContext({ dataDir: io.dataDir, configDir: io.configDir });
        try {
          const r = trainFromVerdicts(ctx.db, profile);
          out(io).write(
            `trained on ${r.examples} verdicts (${r.critical} critical): agreement with verdicts ${pct(r.before)} before → ${pct(r.after)} with the city's model; ${r.features} learned features\n`,
          );
        } finally {
          ctx.close();
        }
      } catch (e) {
        reportError(io, e);
      }
    });
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

/** Minimum verdicts (with both kinds present) before a model is trained. */
export const MIN_VERDICTS = 4;

export function trainFromVerdicts(
  db: Db,
  profile: Profile,
): { examples: number; critical: number; before: number; after: number; features: number } {
  const rows = db.prepare('SELECT article_id AS id, verdict FROM detect_verdicts WHERE city = ?').all(profile.city) as { id: string; verdict: string }[];
  const rules = createDetector(profile, { model: null });
  const getArticle = db.prepare('SELECT title, kicker, lead, body, published_at AS publishedAt, fetched_at AS fetchedAt, source_id AS sourceId FROM articles WHERE id = ?');
  const examples: TrainingExample[] = [];
  for (const r of rows) {
    const a = getArticle.get(r.id) as { title: string; kicker: string | null; lead: string | null; body: string; publishedAt: string | null; fetchedAt: string; sourceId: string } | undefined;
    if (!a) continue;
    const { criticism } = rules.analyse({ ...a, kicker: a.kicker ?? undefined, lead: a.lead ?? undefined });
    examples.push({ c: criticism, critical: r.verdict === 'critical' });
  }
  const critical = examples.filter((e) => e.critical).length;
  if (examples.length < MIN_VERDICTS || critical === 0 || critical === examples.length) {
    throw new ProfileInitError(
      `need at least ${MIN_VERDICTS} verdicts on stored articles with both "critical" and "not-critical" among them (have ${examples.length}, ${critical} critical); add more with "kaghaz detect verdict"`,
    );
  }
  // The bundled model is the prior: the city's verdicts adjust it rather than start from nothing.
  const prior = bundledModel();
  const model = train(examples, { prior, trainedOn: `${examples.length} verdicts${prior ? ' over the bundled model' : ''}` });
  saveModel(db, profile.city, model);
  const agree = (pred: (e: TrainingExample) => boolean) => examples.filter((e) => pred(e) === e.critical).length / examples.length;
  return {
    examples: examples.length,
    critical,
    before: agree((e) => (prior ? probability(prior, e.c) >= 0.5 : e.c.critical)),
    after: agree((e) => probability(model, e.c) >= 0.5),
    features: Object.keys(model.weights).length,
  };
}
