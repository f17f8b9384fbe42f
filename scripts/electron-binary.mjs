// Finds Electron's binary the way the `electron` package does (honouring ELECTRON_OVERRIDE_DIST_PATH),
// without letting its download attempt or stack trace reach the user: the lookup runs in a child.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const MARK = '@@electron-path@@';

/** The binary's path, or null when there is none (never downloaded, or the download failed). */
export function electronBinary(repoRoot) {
  const probe = spawnSync(
    process.execPath,
    ['-e', `try { process.stdout.write('${MARK}' + require('electron')) } catch { process.exit(3) }`],
    { cwd: repoRoot, encoding: 'utf8', timeout: 120_000, env: process.env },
  );
  if (probe.status !== 0) return null;
  const path = probe.stdout.split(MARK).at(-1)?.trim();
  // With ELECTRON_OVERRIDE_DIST_PATH set, index.js returns a path without checking it exists.
  return path && existsSync(path) ? path : null;
}

/** How to get the binary, for the one line printed when it is missing. */
export const ELECTRON_HOW_TO =
  'run `npx install-electron --no` with access to GitHub, or set ELECTRON_OVERRIDE_DIST_PATH to a folder holding it';
