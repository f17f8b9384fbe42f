// Bundles the CLI (store, server and all) into out/cli/sessions.cjs, the search worker it
// starts into out/cli/search-worker.cjs and the index's reader thread into
// out/cli/search-reader.cjs, and the list's scan threads into out/cli/scan-thread.cjs. SQLite's
// WebAssembly build and koffi (the FFI for flock, a native module) stay normal dependencies: each
// loads its .wasm or .node file from beside its own script.
// The exporters (HTML with highlight.js and sanitize-html, JSON, redaction with secretlint's
// rules: about 1.7 MB) are a bundle of their own, out/cli/cli-export.cjs, required only by the
// commands that export: every other command starts without reading them. `serve` (the server, its
// routes, live watchers, the search client) is out/cli/cli-serve.cjs, loaded by `serve` alone: a
// smaller main bundle is less code (and code cache) for every other start to read.
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

/** A plugin making every import of a module named `name` a require of the bundle `bundle`. The
 * module becomes a stub that requires it, so that an `await import()` of it is a lazy require
 * in the bundle: an import() of an external would go through vm's experimental loader (a warning
 * on stderr) when the launcher runs the bundle from its code cache. */
const apart = (name, bundle) => ({
  name: `${name}-apart`,
  setup(b) {
    b.onResolve({ filter: new RegExp(`(^|/)${name}$`) }, () => ({ path: bundle, namespace: 'apart' }));
    b.onLoad({ filter: /.*/, namespace: 'apart' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
    b.onResolve({ filter: /^\.\/cli-\w+\.cjs$/, namespace: 'apart' }, (args) => ({
      path: args.path,
      external: true,
    }));
  },
});
const exportersApart = apart('export-session', './cli-export.cjs');

await build({
  ...common,
  entryPoints: ['src/cli/entry.ts'],
  outfile: 'out/cli/sessions.cjs',
  plugins: [globPlugin, exportersApart, apart('serve-command', './cli-serve.cjs')],
});
await build({
  ...common,
  entryPoints: ['src/cli/serve-entry.ts'],
  outfile: 'out/cli/cli-serve.cjs',
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
