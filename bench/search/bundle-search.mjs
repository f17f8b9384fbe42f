// Bundles what the search benchmark's tasks load: the lib (lib.ts), and the search worker and the
// index's reader thread beside it, as the app ships them (task.mjs looks for them there).
import { join } from 'node:path';
import { build } from 'esbuild';
import { globPlugin } from '../../scripts/esbuild-glob.mjs';
import { bundleLib } from '../bundle.mjs';

/** Bundles the lib and both threads' scripts; returns the lib's path. */
export async function bundleSearch() {
  const lib = await bundleLib(import.meta.dirname, 'search');
  for (const [entry, name] of [
    ['worker.ts', 'search-worker.cjs'],
    ['reader-worker.ts', 'search-reader.cjs'],
  ]) {
    await build({
      entryPoints: [join(import.meta.dirname, '..', '..', 'src', 'core', 'search', entry)],
      outfile: join(lib, '..', name),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      logLevel: 'warning',
      external: ['node-sqlite3-wasm', 'koffi'],
      plugins: [globPlugin],
    });
  }
  return lib;
}
