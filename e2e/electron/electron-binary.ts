// Finds the Electron binary the way `npm start` does, so the e2e tests can skip cleanly where it
// is missing (it cannot be downloaded everywhere).
import { resolve } from 'node:path';
import { electronBinary as findBinary } from '../../scripts/electron-binary.mjs';

/** The one line printed when the Electron tests are skipped. */
export const SKIP_MESSAGE =
  "Electron e2e skipped: no Electron binary (set ELECTRON_OVERRIDE_DIST_PATH or install electron's binary)";

/** Repository root: e2e/electron/../.. */
export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');

/** The binary's path (honouring ELECTRON_OVERRIDE_DIST_PATH), or null when there is none. */
export function electronBinary(): string | null {
  return findBinary(REPO_ROOT);
}
