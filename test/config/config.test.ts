import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkConfig, loadSources, ConfigError, type ConfigPaths } from '../../src/config.ts';

const goodSource = {
  id: 'asr-tabriz',
  nameFa: 'عصر تبریز',
  nameEn: 'Asr-e Tabriz',
  homepage: 'https://asrtabriz.ir',
  type: 'site',
  scope: 'local',
  province: 'east-azerbaijan',
  cms: 'wordpress',
  feeds: [{ url: 'https://asrtabriz.ir/feed/', confidence: 'guess' }],
};

const goodProfile = { city: 'tabriz', cityFa: 'تبریز', province: 'east-azerbaijan' };

function writeConfig(sources: unknown, profiles: Record<string, unknown> = { tabriz: goodProfile }): ConfigPaths {
  const dir = mkdtempSync(join(tmpdir(), 'kaghaz-config-'));
  mkdirSync(join(dir, 'profiles'));
  writeFileSync(join(dir, 'sources.json'), typeof sources === 'string' ? sources : JSON.stringify(sources));
  for (const [name, p] of Object.entries(profiles)) writeFileSync(join(dir, 'profiles', `${name}.json`), JSON.stringify(p));
  return { configDir: dir, sourcesFile: join(dir, 'sources.json'), profilesDir: join(dir, 'profiles') };
}

test('a valid config has no problems and loads with defaults filled in', () => {
  const paths = writeConfig({ version: 1, sources: [goodSource] });
  assert.deepEqual(checkConfig(paths), []);
  const s = loadSources(paths.sourcesFile).sources[0];
  assert.equal(s.enabled, true);
  assert.deepEqual(s.listingPages, []);
});

test('a misspelt key is reported with file, path and the key to write instead', () => {
  const { feeds, ...rest } = goodSource;
  const paths = writeConfig({ version: 1, sources: [{ ...rest, feed: feeds }] });
  const problems = checkConfig(paths);
  assert.ok(problems.some((p) => p.file === paths.sourcesFile && p.path === 'sources[0]' && /unknown key "feed".*did you mean "feeds"/.test(p.message)), JSON.stringify(problems));
});

test('a wrong enum value lists the allowed values', () => {
  const paths = writeConfig({ version: 1, sources: [{ ...goodSource, type: 'blog' }] });
  const [p] = checkConfig(paths);
  assert.equal(p.path, 'sources[0].type');
  assert.match(p.message, /"agency".*"newspaper".*"site"/);
});

test('a bad feed URL names the exact path', () => {
  const paths = writeConfig({ version: 1, sources: [{ ...goodSource, feeds: [{ url: 'asrtabriz.ir/feed', confidence: 'guess' }] }] });
  const [p] = checkConfig(paths);
  assert.equal(p.path, 'sources[0].feeds[0].url');
  assert.match(p.message, /full URL/);
});

test('duplicate outlet ids and an outlet with nothing to crawl are refused', () => {
  const paths = writeConfig({
    version: 1,
    sources: [goodSource, { ...goodSource }, { ...goodSource, id: 'empty', feeds: [] }],
  });
  const problems = checkConfig(paths);
  assert.ok(problems.some((p) => p.path === 'sources[1].id' && /duplicate id "asr-tabriz"/.test(p.message)));
  assert.ok(problems.some((p) => p.path === 'sources[2].feeds' && /at least one feed or listing page/.test(p.message)));
});

test('broken JSON is reported, not thrown as a stack trace', () => {
  const paths = writeConfig('{"version": 1, "sources": [');
  const [p] = checkConfig(paths);
  assert.equal(p.file, paths.sourcesFile);
  assert.match(p.message, /not valid JSON/);
  assert.throws(() => loadSources(paths.sourcesFile), ConfigError);
});

test('profile problems: unknown province, city/file mismatch, own outlet that does not exist', () => {
  const paths = writeConfig(
    { version: 1, sources: [goodSource] },
    {
      tabriz: { ...goodProfile, ownOutlets: ['asr-tabrz'] },
      shiraz: { ...goodProfile, city: 'shiraz', province: 'pars' },
      mashhad: { ...goodProfile, city: 'tehran' },
    },
  );
  const problems = checkConfig(paths);
  const byFile = (name: string) => problems.filter((p) => p.file.endsWith(`${name}.json`));
  assert.match(byFile('tabriz')[0].message, /did you mean "asr-tabriz"/);
  assert.equal(byFile('shiraz')[0].path, 'province');
  assert.match(byFile('mashhad')[0].message, /file is named mashhad\.json/);
});

test('the shipped config in the repository is valid', () => {
  const problems = checkConfig({ configDir: 'config', sourcesFile: 'config/sources.json', profilesDir: 'config/profiles' });
  assert.deepEqual(problems, []);
});
