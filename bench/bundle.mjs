// Bundles a benchmark's lib.ts (the TypeScript it needs from src/ and e2e/) into one CommonJS
// file under bench/.corpus, so the benchmarks run on plain Node.
import { join } from 'node:path';
import { build } from 'esbuild';
import { globPlugin } from '../scripts/esbuild-glob.mjs';

/** Bundles `<dir>/lib.ts` into bench/.corpus/<name>-lib.cjs and returns that path. */
export async function bundleLib(dir, name) {
  const outfile = join(import.meta.dirname, '.corpus', `${name}-lib.cjs`);
  await build({
    entryPoints: [join(dir, 'lib.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    logLevel: 'warning',
    // SQLite's WebAssembly build loads its .wasm, and koffi its native module, from beside its
    // own script: both stay packages.
    external: ['node-sqlite3-wasm', 'koffi'],
    plugins: [globPlugin],
  });
  return outfile;
}
