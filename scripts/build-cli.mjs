// Bundles the CLI (store, server and all) into out/cli/sessions.cjs, the search worker it
// starts into out/cli/search-worker.cjs and the index's reader thread into
// out/cli/search-reader.cjs. SQLite's WebAssembly build and koffi (the FFI for flock, a native
// module) stay normal dependencies: each loads its .wasm or .node file from beside its own script.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  external: ['node-sqlite3-wasm', 'koffi'],
};

await build({ ...common, entryPoints: ['src/cli/entry.ts'], outfile: 'out/cli/sessions.cjs' });
await build({ ...common, entryPoints: ['src/core/search/worker.ts'], outfile: 'out/cli/search-worker.cjs' });
await build({
  ...common,
  entryPoints: ['src/core/search/reader-worker.ts'],
  outfile: 'out/cli/search-reader.cjs',
});
