// The single source of config types: zod schemas for config/sources.json and
// config/profiles/<city>.json. Config is validated once, at the edge; every problem is
// reported with the file, the JSON path and what to write instead.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve, basename } from 'node:path';
import { z } from 'zod';

export const PROVINCES = [
  'alborz', 'ardabil', 'bushehr', 'chaharmahal-bakhtiari', 'east-azerbaijan', 'fars', 'gilan',
  'golestan', 'hamadan', 'hormozgan', 'ilam', 'isfahan', 'kerman', 'kermanshah', 'khorasan-north',
  'khorasan-razavi', 'khorasan-south', 'khuzestan', 'kohgiluyeh-boyerahmad', 'kurdistan', 'lorestan',
  'markazi', 'mazandaran', 'qazvin', 'qom', 'semnan', 'sistan-baluchestan', 'tehran',
  'west-azerbaijan', 'yazd', 'zanjan',
] as const;

export const OUTLET_TYPES = ['agency', 'newspaper', 'site', 'broadcaster', 'aggregator'] as const;
export const SCOPES = ['national', 'provincial', 'local'] as const;
export const CMS_FAMILIES = [
  'nastooh', 'iransamaneh', 'aasaam', 'studiokhabar', 'drupal', 'wordpress', 'joomla', 'custom', 'unknown',
] as const;

const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase latin letters, digits and "-", e.g. "asr-tabriz"');
const httpUrl = z
  .string()
  .url('write a full URL, e.g. "https://www.example.ir/rss"')
  .refine((u) => /^https?:\/\//.test(u), 'only http(s) URLs can be crawled');
const selectorList = z
  .array(z.string().min(1))
  .min(1, 'give at least one selector, most specific first');

/** Ordered fallback lists; the extractor tries JSON-LD/meta first, then these, in order. */
export const SelectorsSchema = z
  .object({
    article: selectorList.optional(),
    title: selectorList.optional(),
    kicker: selectorList.optional(),
    lead: selectorList.optional(),
    body: selectorList.optional(),
    author: selectorList.optional(),
    published: selectorList.optional(),
    section: selectorList.optional(),
    image: selectorList.optional(),
    /** Elements removed from the body before text is taken (share bars, related news …). */
    remove: selectorList.optional(),
    /** Links on listing pages that lead to articles. */
    listingLinks: selectorList.optional(),
  })
  .strict();

export const FeedSchema = z
  .object({
    url: httpUrl,
    /** listed: published by the outlet or a public list; guess: CMS convention, unverified; verified: fetched OK. */
    confidence: z.enum(['listed', 'guess', 'verified']),
    label: z.string().optional(),
  })
  .strict();

export const SourceSchema = z
  .object({
    id: slug,
    nameFa: z.string().min(1),
    nameEn: z.string().min(1),
    homepage: httpUrl,
    type: z.enum(OUTLET_TYPES),
    scope: z.enum(SCOPES),
    province: z.enum(PROVINCES).optional(),
    city: z.string().optional(),
    cms: z.enum(CMS_FAMILIES).default('unknown'),
    feeds: z.array(FeedSchema).default([]),
    listingPages: z.array(httpUrl).default([]),
    /** Regular expression (JavaScript syntax) matched against article URL paths. */
    articleUrlPattern: z
      .string()
      .refine((p) => {
        try {
          new RegExp(p);
          return true;
        } catch {
          return false;
        }
      }, 'must be a valid JavaScript regular expression, e.g. "^/fa/news/\\\\d+"')
      .optional(),
    selectors: SelectorsSchema.optional(),
    /** Force a charset when the outlet lies about it (e.g. "windows-1256"). */
    encoding: z.string().optional(),
    enabled: z.boolean().default(true),
    /** Minutes between crawls; default by type (agencies 10, newspapers 60, others 30). */
    intervalMinutes: z.number().int().positive().optional(),
    /** Minimum milliseconds between two requests to this outlet's host (politeness). */
    minIntervalMs: z.number().int().nonnegative().optional(),
    notes: z.string().optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.enabled && s.feeds.length === 0 && s.listingPages.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['feeds'],
        message: 'an enabled outlet needs at least one feed or listing page; add "feeds" or "listingPages", or set "enabled": false',
      });
    }
  });

export const SourcesFileSchema = z
  .object({
    version: z.literal(1),
    sources: z.array(SourceSchema).min(1, 'list at least one outlet'),
  })
  .strict()
  .superRefine((f, ctx) => {
    const seen = new Map<string, number>();
    f.sources.forEach((s, i) => {
      const prev = seen.get(s.id);
      if (prev !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['sources', i, 'id'],
          message: `duplicate id "${s.id}" (also at sources[${prev}]); outlet ids must be unique`,
        });
      } else seen.set(s.id, i);
    });
  });

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'write a Gregorian date as YYYY-MM-DD');
const email = z.string().email('write an e-mail address, e.g. "media@tabriz.ir"');

export const OfficialSchema = z
  .object({
    name: z.string().min(1),
    /** Other spellings of the name (e.g. without the first name). */
    aliases: z.array(z.string()).default([]),
    role: z.enum(['mayor', 'deputy-mayor', 'district-mayor', 'manager', 'spokesperson', 'council']),
    titleFa: z.string().optional(),
    district: z.number().int().positive().optional(),
    from: isoDate,
    to: isoDate.optional(),
  })
  .strict();

export const NamedEntitySchema = z
  .object({
    name: z.string().min(1),
    aliases: z.array(z.string()).default([]),
  })
  .strict();

export const RecipientRouteSchema = z
  .object({
    /** Route when any of these topic words or districts matches the alert. */
    topics: z.array(z.string()).default([]),
    districts: z.array(z.number().int().positive()).default([]),
    to: z.array(email).min(1),
  })
  .strict();

export const ProfileSchema = z
  .object({
    /** Latin id used in file names and CLI (--city tabriz). */
    city: slug,
    cityFa: z.string().min(1),
    /** Other names of the city (e.g. historic or dialect forms). */
    cityAliases: z.array(z.string()).default([]),
    province: z.enum(PROVINCES),
    /** Names of the municipality itself beyond the generated «شهرداری X» forms. */
    names: z.array(z.string()).default([]),
    /** Number of district municipalities (مناطق); 0 when the city has none. */
    districts: z.number().int().nonnegative().default(0),
    officials: z.array(OfficialSchema).default([]),
    subsidiaries: z.array(NamedEntitySchema).default([]),
    /** Related bodies kept apart (the city council); matched only when includeRelated is true. */
    related: z.array(NamedEntitySchema).default([]),
    includeRelated: z.boolean().default(false),
    /** Phrases that look like a mention but are not (a football club, a same-name company). */
    exclusions: z.array(z.string()).default([]),
    /** Outlet ids owned by the municipality: their items count as own coverage. */
    ownOutlets: z.array(slug).default([]),
    recipients: z
      .object({
        digest: z.array(email).default([]),
        alerts: z.array(email).default([]),
        routes: z.array(RecipientRouteSchema).default([]),
      })
      .strict()
      .default({ digest: [], alerts: [], routes: [] }),
    alerts: z
      .object({
        quietHours: z
          .object({ start: z.string().regex(/^\d{2}:\d{2}$/), end: z.string().regex(/^\d{2}:\d{2}$/) })
          .strict()
          .optional(),
      })
      .strict()
      .default({}),
    digest: z
      .object({ time: z.string().regex(/^\d{2}:\d{2}$/, 'write a Tehran time as HH:MM, e.g. "07:00"').default('07:00') })
      .strict()
      .default({ time: '07:00' }),
  })
  .strict();

export type Source = z.infer<typeof SourceSchema>;
export type SourcesFile = z.infer<typeof SourcesFileSchema>;
export type Selectors = z.infer<typeof SelectorsSchema>;
export type Profile = z.infer<typeof ProfileSchema>;
export type Official = z.infer<typeof OfficialSchema>;

/** One config problem, phrased for the person editing the file. */
export interface ConfigProblem {
  file: string;
  /** JSON path such as sources[3].feeds[0].url */
  path: string;
  message: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(formatProblems(problems));
    this.name = 'ConfigError';
  }
}

export function formatProblems(problems: ConfigProblem[]): string {
  return problems.map((p) => `${p.file}: ${p.path || '(top level)'}: ${p.message}`).join('\n');
}

function jsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/** Suggest the nearest allowed key for an unknown one (typos like "feed" for "feeds"). */
function nearest(word: string, options: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const o of options) {
    const d = editDistance(word.toLowerCase(), o.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = o;
    }
  }
  return bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0];
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j];
      dp[j] = Math.min(dp[j] + 1, dp[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length];
}

function describeIssue(issue: z.core.$ZodIssue, schemaKeys: (path: readonly PropertyKey[]) => string[]): string {
  if (issue.code === 'unrecognized_keys') {
    const allowed = schemaKeys(issue.path);
    return issue.keys
      .map((k) => {
        const hint = nearest(k, allowed);
        return hint ? `unknown key "${k}": did you mean "${hint}"?` : `unknown key "${k}": allowed keys are ${allowed.join(', ')}`;
      })
      .join('; ');
  }
  if (issue.code === 'invalid_value' && 'values' in issue) {
    return `${issue.message}; write one of: ${(issue.values as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  }
  if (issue.code === 'invalid_type') {
    return `${issue.message}; expected ${issue.expected}`;
  }
  return issue.message;
}

/** Keys allowed at a path, for "did you mean" hints. */
function keysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let s: any = schema;
  const unwrap = (x: any): any => {
    for (let i = 0; i < 8 && x; i++) {
      const def = x._zod?.def;
      if (!def) break;
      if (def.type === 'object' || def.type === 'array') return x;
      x = def.innerType ?? def.in ?? def.schema ?? (def.type === 'pipe' ? def.in : undefined) ?? x;
      if (x === s) break;
    }
    return x;
  };
  s = unwrap(s);
  for (const part of path) {
    const def = s?._zod?.def;
    if (!def) return [];
    if (def.type === 'array') s = unwrap(def.element);
    else if (def.type === 'object') s = unwrap(def.shape[part as string]);
    else return [];
  }
  s = unwrap(s);
  const def = s?._zod?.def;
  return def?.type === 'object' ? Object.keys(def.shape) : [];
}

export function problemsFromZod(file: string, schema: z.ZodType, error: z.ZodError): ConfigProblem[] {
  return error.issues.map((issue) => ({
    file,
    path: jsonPath(issue.path),
    message: describeIssue(issue, (p) => keysAt(schema, p)),
  }));
}

function readJson(file: string): { value?: unknown; problem?: ConfigProblem } {
  if (!existsSync(file)) {
    return { problem: { file, path: '', message: 'file not found; create it or pass the right path' } };
  }
  const text = readFileSync(file, 'utf8');
  try {
    return { value: JSON.parse(text) };
  } catch (e) {
    return { problem: { file, path: '', message: `not valid JSON (${(e as Error).message}); fix the syntax` } };
  }
}

export function parseSourcesFile(file: string, value: unknown): { sources?: SourcesFile; problems: ConfigProblem[] } {
  const r = SourcesFileSchema.safeParse(value);
  if (r.success) return { sources: r.data, problems: [] };
  return { problems: problemsFromZod(file, SourcesFileSchema, r.error) };
}

export function parseProfile(file: string, value: unknown): { profile?: Profile; problems: ConfigProblem[] } {
  const r = ProfileSchema.safeParse(value);
  if (!r.success) return { problems: problemsFromZod(file, ProfileSchema, r.error) };
  const expected = basename(file).replace(/\.json$/, '');
  if (file.endsWith('.json') && expected !== r.data.city) {
    return {
      problems: [
        { file, path: 'city', message: `"city" is "${r.data.city}" but the file is named ${expected}.json; make them the same` },
      ],
    };
  }
  return { profile: r.data, problems: [] };
}

export function loadSources(file: string): SourcesFile {
  const { value, problem } = readJson(file);
  if (problem) throw new ConfigError([problem]);
  const { sources, problems } = parseSourcesFile(file, value);
  if (!sources) throw new ConfigError(problems);
  return sources;
}

export function loadProfile(file: string): Profile {
  const { value, problem } = readJson(file);
  if (problem) throw new ConfigError([problem]);
  const { profile, problems } = parseProfile(file, value);
  if (!profile) throw new ConfigError(problems);
  return profile;
}

export interface ConfigPaths {
  configDir: string;
  sourcesFile: string;
  profilesDir: string;
}

export function configPaths(configDir = process.env.KAGHAZ_CONFIG_DIR ?? 'config'): ConfigPaths {
  const dir = resolve(configDir);
  return {
    configDir: dir,
    sourcesFile: process.env.KAGHAZ_SOURCES ? resolve(process.env.KAGHAZ_SOURCES) : join(dir, 'sources.json'),
    profilesDir: join(dir, 'profiles'),
  };
}

export function profileFile(paths: ConfigPaths, city: string): string {
  return join(paths.profilesDir, `${city}.json`);
}

/** Checks every config file and returns all problems (empty = valid). Cross-file checks included. */
export function checkConfig(paths: ConfigPaths): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  let sourceIds = new Set<string>();
  const src = readJson(paths.sourcesFile);
  if (src.problem) problems.push(src.problem);
  else {
    const r = parseSourcesFile(paths.sourcesFile, src.value);
    problems.push(...r.problems);
    if (r.sources) sourceIds = new Set(r.sources.sources.map((s) => s.id));
  }
  if (existsSync(paths.profilesDir)) {
    for (const name of readdirSync(paths.profilesDir).filter((n) => n.endsWith('.json')).sort()) {
      const file = join(paths.profilesDir, name);
      const pr = readJson(file);
      if (pr.problem) {
        problems.push(pr.problem);
        continue;
      }
      const r = parseProfile(file, pr.value);
      problems.push(...r.problems);
      if (r.profile && sourceIds.size > 0) {
        r.profile.ownOutlets.forEach((id, i) => {
          if (!sourceIds.has(id)) {
            problems.push({
              file,
              path: `ownOutlets[${i}]`,
              message: `outlet "${id}" is not in ${paths.sourcesFile}; use an existing outlet id${nearest(id, [...sourceIds]) ? ` (did you mean "${nearest(id, [...sourceIds])}"?)` : ''}`,
            });
          }
        });
      }
    }
  }
  return problems;
}

/** The city kaghaz monitors when no --city is given: KAGHAZ_CITY, else tabriz. */
export function defaultCity(): string {
  return process.env.KAGHAZ_CITY || 'tabriz';
}
