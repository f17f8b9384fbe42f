// `sessions export ID` loads only what it needs: no node:crypto (nothing is hashed, created or
// written), which costs a few milliseconds of every start, even with Claude Code's and Codex's
// folders present (their sources are opened, and hash only when they list). `list` does hash (its summary file's
// name), which shows the probe sees crypto when it loads. Nor does any command make an Intl date
// formatter (loading ICU data) when it prints no date.
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { isolatedEnv, SESSIONS_BIN } from '../support/cli';
import { FIXTURE_CORPUS, FIXTURE_IDS, makeTempDir, removeDir } from '../support/corpus';

/** Runs `sessions` with `args` and a probe required first, which writes what it saw (`seen`, an
 * expression evaluated at exit) as JSON to a report file; returns that. */
async function probed(
  dir: string,
  setup: string,
  seen: string,
  args: string[],
  home?: string,
): Promise<unknown> {
  const probe = join(dir, 'probe.cjs');
  const report = join(dir, 'report.json');
  await writeFile(
    probe,
    `${setup}\nprocess.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(report)}, JSON.stringify(${seen})));\n`,
  );
  await promisify(execFile)(
    process.execPath,
    ['--require', probe, SESSIONS_BIN, '--dir', FIXTURE_CORPUS, ...args],
    {
      env: { ...isolatedEnv(home), TRANSCRIPTS_CACHE_DIR: join(dir, 'cache') },
    },
  );
  return JSON.parse(await readFile(report, 'utf8'));
}

/** Whether a `sessions` run with `args` loaded node:crypto (from Node's list of loaded built-ins). */
async function loadsCrypto(dir: string, args: string[], home?: string): Promise<boolean> {
  const loaded = (await probed(dir, '', 'process.moduleLoadList', args, home)) as string[];
  return loaded.includes('NativeModule crypto');
}

// Each Intl formatter made is counted: the first one of a kind loads ICU data (~10 ms).
const COUNT_FORMATTERS = `globalThis.__formatters = [];
for (const name of ['RelativeTimeFormat', 'DateTimeFormat']) {
  const Original = Intl[name];
  Intl[name] = class extends Original {
    constructor(...args) { super(...args); globalThis.__formatters.push(name); }
  };
}`;

test('export of a session does not load node:crypto, other sources read or not; list, which hashes, does', async () => {
  const dir = await makeTempDir('transcripts-cli-start-');
  try {
    expect(await loadsCrypto(dir, ['export', FIXTURE_IDS.tools])).toBe(false);
    const home = join(dir, 'home');
    await mkdir(join(home, '.claude', 'projects'), { recursive: true });
    await mkdir(join(home, '.codex', 'sessions'), { recursive: true });
    expect(await loadsCrypto(dir, ['export', FIXTURE_IDS.tools], home)).toBe(false);
    expect(await loadsCrypto(dir, ['list'])).toBe(true);
  } finally {
    await removeDir(dir);
  }
});

test('export and list make no date formatter (relative or absolute): the CLI prints none', async () => {
  const dir = await makeTempDir('transcripts-cli-start-');
  try {
    for (const args of [['export', FIXTURE_IDS.tools], ['list']])
      expect(await probed(dir, COUNT_FORMATTERS, 'globalThis.__formatters', args)).toEqual([]);
  } finally {
    await removeDir(dir);
  }
});
