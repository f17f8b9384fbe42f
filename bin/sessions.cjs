#!/usr/bin/env node
// The `sessions` command: runs the bundled CLI, or says how to build it. The bundle's compiled code
// is cached (V8 code cache) in the cache folder, so a start does not compile 180 KB of JavaScript
// again: Node 22's module.enableCompileCache where it exists, else the same through vm.Script.
const {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} = require('node:fs');
const Module = require('node:module');
const { homedir } = require('node:os');
const { dirname, join } = require('node:path');
const vm = require('node:vm');

const cli = join(__dirname, '..', 'out', 'cli', 'sessions.cjs');
if (!existsSync(cli)) {
  process.stderr.write('sessions: not built yet; run `npm run build` in the Transcripts folder first\n');
  process.exit(1);
}

/** The platform cache folder (as src/core/search/cache-dir.ts computes it), for the code cache. */
function cacheDir() {
  if (process.env.TRANSCRIPTS_CACHE_DIR) return process.env.TRANSCRIPTS_CACHE_DIR;
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'Transcripts');
  if (process.platform === 'win32')
    return join(process.env.LOCALAPPDATA || join(homedir(), 'AppData', 'Local'), 'Transcripts', 'Cache');
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'transcripts');
}

/** Removes the code caches of earlier builds that no start has written for a week (each build
 * writes its own, about 200 KB; a newer one from another checkout in use stays). */
function pruneStaleCaches(dir, keep) {
  const weekAgo = Date.now() - 7 * 24 * 3600 * 1000;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (path === keep || !/^cli-.*\.v8cache$/.test(name)) continue;
    try {
      if (statSync(path).mtimeMs < weekAgo) unlinkSync(path);
    } catch {
      // Gone already, or not ours to remove.
    }
  }
}

/** Runs the bundle from a vm.Script with V8's cached data, writing the cache when it had none. */
function runCached(dir) {
  const st = statSync(cli);
  const file = join(dir, `cli-${process.version}-${st.size}-${Math.floor(st.mtimeMs)}.v8cache`);
  let cachedData;
  try {
    cachedData = readFileSync(file);
  } catch {
    // No cache yet: this run writes it.
  }
  const script = new vm.Script(Module.wrap(readFileSync(cli, 'utf8')), {
    filename: cli,
    cachedData,
    // import() inside the bundle (of an external package) resolves as it would under require().
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const mod = new Module(cli, module);
  mod.filename = cli;
  mod.paths = Module._nodeModulePaths(dirname(cli));
  if (cachedData === undefined || script.cachedDataRejected) {
    // After the command ran, the cache also holds the functions it compiled lazily.
    process.once('exit', () => {
      try {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        const tmp = `${file}.${process.pid}.tmp`;
        writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
        renameSync(tmp, file);
        pruneStaleCaches(dir, file);
      } catch {
        // A read-only or full cache folder only costs the next start its compile time.
      }
    });
  }
  script.runInThisContext()(mod.exports, Module.createRequire(cli), mod, cli, dirname(cli));
}

if (typeof Module.enableCompileCache === 'function') {
  Module.enableCompileCache(join(cacheDir(), 'compile-cache'));
  require(cli);
} else {
  runCached(cacheDir());
}
