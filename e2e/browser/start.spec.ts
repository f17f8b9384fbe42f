// `npm start` where Electron's binary is missing (as on this machine, or after a failed download):
// one line says so and how to get it, then the same app is served to a browser until stopped.
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '../support/app';
import { START_SCRIPT, startServing } from '../support/cli';
import { makeTempDir, removeDir } from '../support/corpus';

test('without an Electron binary, `npm start` says so in one line and serves the app', async ({
  page,
  corpus,
  store,
}) => {
  const home = await makeTempDir('transcripts-start-');
  // An empty override folder: the electron package then names a binary that does not exist.
  const env = { ...process.env, HOME: home, ELECTRON_OVERRIDE_DIST_PATH: home, TRANSCRIPTS_CACHE_DIR: home };
  const start = await startServing([START_SCRIPT, '--skip-build', '--dir', corpus], env);
  try {
    expect(start.line).toBe(`Transcripts is serving ${corpus} at ${start.url}`);
    const lines = start.stderr().trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^Electron's binary is not installed \(.*install-electron.*\); starting Transcripts in browser mode instead\.$/,
    );
    await page.goto(start.url);
    await expect(page.getByTestId('session-row')).toHaveCount((await store.list()).length);
    // It keeps serving: a second load later still answers.
    await page.reload();
    await expect(page.getByTestId('session-row').first()).toBeVisible();
  } finally {
    expect(await start.stop('SIGTERM')).toBe(0);
    await removeDir(home);
  }
});

test('with an Electron binary, `npm start` runs it on the built app with the given arguments', async ({
  corpus,
}) => {
  const dist = await makeTempDir('transcripts-electron-');
  try {
    // A stand-in binary at the path the electron package computes from ELECTRON_OVERRIDE_DIST_PATH.
    const record = join(dist, 'argv.txt');
    await mkdir(dist, { recursive: true });
    await writeFile(
      join(dist, 'electron'),
      `#!/bin/sh\nprintf '%s\\n' "$@" > '${record}'\necho "Transcripts is serving in Electron at http://x"\n`,
    );
    await chmod(join(dist, 'electron'), 0o755);
    const env = { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: dist };
    const start = await startServing([START_SCRIPT, '--skip-build', '--dir', corpus], env);
    expect(start.stderr()).toBe('');
    await expect.poll(() => readFile(record, 'utf8').catch(() => '')).toMatch(/--dir/);
    const argv = (await readFile(record, 'utf8')).trimEnd().split('\n');
    expect(argv).toEqual([join(START_SCRIPT, '..', '..'), '--dir', corpus]);
  } finally {
    await removeDir(dist);
  }
});
