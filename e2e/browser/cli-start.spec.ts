// `sessions export ID` loads only what it needs: no node:crypto (nothing is hashed, created or
// written), which costs a few milliseconds of every start, even with Claude Code's and Codex's
// folders present (their sources are opened, and hash only when they list). `list` does hash (its summary file's
// name), which shows the probe sees crypto when it loads.
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { isolatedEnv, SESSIONS_BIN } from '../support/cli';
import { FIXTURE_CORPUS, FIXTURE_IDS, makeTempDir, removeDir } from '../support/corpus';

/** Whether a `sessions` run with `args` loaded node:crypto (from Node's list of loaded built-ins). */
async function loadsCrypto(dir: string, args: string[], home?: string): Promise<boolean> {
  const probe = join(dir, 'probe.cjs');
  const report = join(dir, 'loaded.json');
  await writeFile(
    probe,
    `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(report)}, JSON.stringify(process.moduleLoadList)));\n`,
  );
  await promisify(execFile)(
    process.execPath,
    ['--require', probe, SESSIONS_BIN, '--dir', FIXTURE_CORPUS, ...args],
    {
      env: { ...isolatedEnv(home), TRANSCRIPTS_CACHE_DIR: join(dir, 'cache') },
    },
  );
  const loaded = JSON.parse(await readFile(report, 'utf8')) as string[];
  return loaded.includes('NativeModule crypto');
}

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
