// `npm run bench:sources`: a cold list of sessions spread over the three sources (ggcode, Claude
// Code, Codex CLI) against reading every one of their files once, measured in the same run
// (goal: <= 1.5x). Each source alone is printed too, against reading its own files; then the same
// list in a new process that finds the summaries an earlier list stored in the cache folder. The
// lists start the scan threads (every source's unseen files) as the app and the CLI do.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { globPlugin } from '../../scripts/esbuild-glob.mjs';
import { report } from '../report.mjs';
import { generateHome } from './generate.mjs';

const root = join(import.meta.dirname, '..', '.corpus');
const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const home = join(root, `sources-${SESSIONS}-v3`);
const bundle = join(root, 'sources.cjs');

await build({
  stdin: {
    contents:
      "export { Catalog } from './src/core/sources/catalog';\nexport { resolveSources, sourceContext } from './src/core/sources/selection';\nexport { useScanThreads } from './src/core/scan-threads';",
    resolveDir: resolve(import.meta.dirname, '..', '..'),
    loader: 'ts',
  },
  outfile: bundle,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  external: ['node-sqlite3-wasm', 'koffi'],
  plugins: [globPlugin],
  logLevel: 'warning',
});
// The scan threads (ggcode's, Claude Code's and Codex's files), as the app and the CLI start
// them, found beside the bundle by the task.
await build({
  entryPoints: [resolve(import.meta.dirname, '..', '..', 'src/core/scan-thread.ts')],
  outfile: join(root, 'scan-thread.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  external: ['koffi'],
  logLevel: 'warning',
});
console.log(`generating ${SESSIONS} sessions over three sources in ${home} (kept for later runs)...`);
generateHome(home, SESSIONS);

const task = (name, only) =>
  JSON.parse(
    execFileSync(
      process.execPath,
      [join(import.meta.dirname, 'task.mjs'), name, home, bundle, ...(only ? [only] : [])],
      {
        encoding: 'utf8',
      },
    ),
  );
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Alternated, so that disk cache and machine load affect both alike.
function compare(label, only, name = 'list') {
  const ours = [];
  const floor = [];
  for (let i = 0; i < RUNS; i++) {
    floor.push(task('read-all', only));
    ours.push(task(name, only));
  }
  const m = (rs, key) => median(rs.map((r) => r[key]));
  console.log(
    `${label}: ${ours[0].result} sessions of ${floor[0].result} files, ${m(ours, 'ms').toFixed(0)} ms vs floor ${m(floor, 'ms').toFixed(0)} ms (read-all) -> ` +
      `${(m(ours, 'ms') / m(floor, 'ms')).toFixed(2)}x wall; CPU ${m(ours, 'cpuMs').toFixed(0)} vs ${m(floor, 'cpuMs').toFixed(0)} ms -> ${(m(ours, 'cpuMs') / m(floor, 'cpuMs')).toFixed(2)}x`,
  );
  return { value: m(ours, 'ms'), baseline: m(floor, 'ms') };
}

const all = compare(`cold list of ${SESSIONS} sessions, three sources`);
for (const only of ['ggcode', 'claude', 'codex']) compare(`  ${only} alone`, only);
rmSync(`${home}-cache`, { recursive: true, force: true });
task('list-stored'); // the first list stores what the next processes use
const storedAll = compare(
  `list of ${SESSIONS} sessions, three sources, new process with stored summaries`,
  undefined,
  'list-stored',
);
const met = report({
  bench: 'sources',
  figure: `cold list of ${SESSIONS} sessions over three sources`,
  ...all,
  baselineName: 'read-all',
  goal: { max: 1.5 },
});
const storedMet = report({
  bench: 'sources',
  figure: `list of ${SESSIONS} sessions over three sources, stored summaries`,
  ...storedAll,
  baselineName: 'read-all',
  goal: { max: 1.5 },
});
console.log(
  `goals: list <= 1.5x reading every file once: cold ${met ? 'met' : 'MISSED'} / stored summaries ${storedMet ? 'met' : 'MISSED'}`,
);
process.exitCode = met && storedMet ? 0 : 1;
