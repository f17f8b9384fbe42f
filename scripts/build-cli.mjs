// Bundles the CLI (store, server and all) into out/cli/sessions.cjs, the search worker it
// starts into out/cli/search-worker.cjs and the index's reader thread into
// out/cli/search-reader.cjs, and the list's scan threads into out/cli/scan-thread.cjs. SQLite's
// WebAssembly build and koffi (the FFI for flock, a native module) stay normal dependencies: each
// loads its .wasm or .node file from beside its own script.
// The exporters (HTML with highlight.js and sanitize-html, JSON, redaction with secretlint's
// rules: about 1.7 MB) are a bundle of their own, out/cli/cli-export.cjs, required only by the
// commands that export: every other command starts without reading them.
import { build } from 'esbuild';
import { globPlugin } from './esbuild-glob.mjs';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  external: ['node-sqlite3-wasm', 'koffi'],
  plugins: [globPlugin],
};

/** Every import of the exporters from the CLI's code becomes a require of cli-export.cjs. */
const exportersApart = {
  name: 'exporters-apart',
  setup(b) {
    b.onResolve({ filter: /(^|\/)export-session$/ }, () => ({
      path: './cli-export.cjs',
      external: true,
    }));
  },
};

await build({
  ...common,
  entryPoints: ['src/cli/entry.ts'],
  outfile: 'out/cli/sessions.cjs',
  plugins: [globPlugin, exportersApart],
});
await build({
  ...common,
  entryPoints: ['src/core/export/export-session.ts'],
  outfile: 'out/cli/cli-export.cjs',
});
await build({ ...common, entryPoints: ['src/core/search/worker.ts'], outfile: 'out/cli/search-worker.cjs' });
await build({ ...common, entryPoints: ['src/core/scan-thread.ts'], outfile: 'out/cli/scan-thread.cjs' });
await build({
  ...common,
  entryPoints: ['src/core/search/reader-worker.ts'],
  outfile: 'out/cli/search-reader.cjs',
});
