// Finds the Electron binary the way `electron` itself does, so the e2e tests can skip cleanly
// where it is missing (it cannot be downloaded everywhere).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The one line printed when the Electron tests are skipped. */
export const SKIP_MESSAGE =
  "Electron e2e skipped: no Electron binary (set ELECTRON_OVERRIDE_DIST_PATH or install electron's binary)";

/** Repository root: e2e/electron/../.. */
export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');

const MARK = '@@electron-path@@';

/** The binary's path (honouring ELECTRON_OVERRIDE_DIST_PATH), or null when there is none. */
export function electronBinary(): string | null {
  // Asked in a child process: a missing binary makes electron's index.js try a download and
  // print progress, and it throws when that fails. Both stay out of the test output here.
  const probe = spawnSync(
    process.execPath,
    ['-e', `try { process.stdout.write('${MARK}' + require('electron')) } catch { process.exit(3) }`],
    { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000, env: process.env },
  );
  if (probe.status !== 0) return null;
  const path = probe.stdout.split(MARK).at(-1)?.trim();
  // With ELECTRON_OVERRIDE_DIST_PATH set, index.js returns a path without checking it exists.
  return path && existsSync(path) ? path : null;
}
