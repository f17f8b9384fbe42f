// One measured task of the sources benchmark, in a fresh process (cold: no JIT or caches).
// Prints a JSON line (see measure in task-lib.mjs).
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { measure, readAll } from '../task-lib.mjs';

const require = createRequire(import.meta.url);
const [task, home, bundle, only] = process.argv.slice(2);
// The cache folder the stored tasks keep the list's summaries in (beside the generated home).
const cacheDir = `${home}-cache`;

const ROOTS = { ggcode: ['.ggcode/sessions'], claude: ['.claude/projects'], codex: ['.codex/sessions'] };

// Every .jsonl under a root, found as a list must find them (folders walked).
async function files(dir) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    if (e.isDirectory()) out.push(...(await files(join(dir, e.name))));
    else if (e.name.endsWith('.jsonl')) out.push(join(dir, e.name));
  }
  return out;
}

const names = only ? [only] : Object.keys(ROOTS);
const tasks = {
  // The floor: find every session file and read each once (the concurrency the sources use).
  async 'read-all'() {
    const paths = (await Promise.all(names.flatMap((n) => ROOTS[n].map((r) => files(join(home, r)))))).flat();
    return readAll(paths);
  },
  // A cold list of every source (or of `only`), as the app and the CLI do it (files unseen
  // scanned on the scan threads).
  async list() {
    const { Catalog, resolveSources, sourceContext, useScanThreads } = require(bundle);
    useScanThreads(join(dirname(bundle), 'scan-thread.cjs'));
    const settings = resolveSources({}, sourceContext({ HOME: home })).filter((s) => names.includes(s.name));
    return (await Catalog.open(settings).list()).length;
  },
  // The same list in a new process that finds what an earlier one stored in the cache folder
  // (ggcode's summaries and the other sources' facts), every file's stat checked against them.
  async 'list-stored'() {
    const { Catalog, resolveSources, sourceContext, useScanThreads } = require(bundle);
    useScanThreads(join(dirname(bundle), 'scan-thread.cjs'));
    const settings = resolveSources({}, sourceContext({ HOME: home })).filter((s) => names.includes(s.name));
    return (await Catalog.open(settings, undefined, cacheDir).list()).length;
  },
};

await measure(tasks[task]);
