// `npm run bench`: the store against plain-Node floors measured in the same run.
//   list of N unindexed sessions   vs reading every file once        (goal: <= 1.2x)
//   export of a 100 MB session     vs JSON.parse of each of its lines (goal: <= 1.5x)
//   load of a 200 MB single line   peak memory against the file size (goal: <= 6x)
import { execFileSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { generateHuge, generateLongLine, generateMany } from './generate.mjs';
import { report } from './report.mjs';

const root = join(import.meta.dirname, '.corpus');
const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 5000);
const HUGE_MB = Number(process.env.BENCH_HUGE_MB ?? 100);
const LINE_MB = Number(process.env.BENCH_LINE_MB ?? 200);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const storeBundle = join(root, 'store.cjs');
await build({
  entryPoints: ['src/core/store.ts'],
  outfile: storeBundle,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  logLevel: 'warning',
});

// The list's scan threads, found beside the store bundle by the task.
await build({
  entryPoints: ['src/core/scan-thread.ts'],
  outfile: join(root, 'scan-thread.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  logLevel: 'warning',
});

const manyDir = join(root, `many-${SESSIONS}`);
const hugeDir = join(root, `huge-${HUGE_MB}`);
const lineDir = join(root, `line-${LINE_MB}`);
console.log(`generating corpora in ${root} (kept for later runs)...`);
generateMany(manyDir, SESSIONS);
generateHuge(hugeDir, HUGE_MB * 1048576);
generateLongLine(lineDir, LINE_MB * 1048576);

const task = (name, dir) =>
  JSON.parse(
    execFileSync(
      process.execPath,
      ['--max-old-space-size=8192', join(import.meta.dirname, 'task.mjs'), name, dir, storeBundle],
      { encoding: 'utf8' },
    ),
  );
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Alternate the two so that disk cache and machine load affect both alike.
// Wall time is the goal; CPU time (user + system) is printed too, as it is steadier on a busy machine.
function compare(name, ours, floor, dir, goal) {
  const a = [];
  const b = [];
  for (let i = 0; i < RUNS; i++) {
    b.push(task(floor, dir));
    a.push(task(ours, dir));
  }
  const m = (rs, key) => median(rs.map((r) => r[key]));
  const wall = m(a, 'ms') / m(b, 'ms');
  const cpu = m(a, 'cpuMs') / m(b, 'cpuMs');
  console.log(
    `${name}: ${m(a, 'ms').toFixed(0)} ms vs floor ${m(b, 'ms').toFixed(0)} ms (${floor}) -> ${wall.toFixed(2)}x wall; ` +
      `CPU ${m(a, 'cpuMs').toFixed(0)} vs ${m(b, 'cpuMs').toFixed(0)} ms -> ${cpu.toFixed(2)}x`,
  );
  return report({
    bench: 'store',
    figure: name,
    value: m(a, 'ms'),
    baselineName: floor,
    baseline: m(b, 'ms'),
    goal,
  });
}

// The same sessions plus the 100 MB one in one folder (hard links: no second copy on disk).
const mixedDir = join(root, `many-${SESSIONS}-huge-${HUGE_MB}`);
if (!existsSync(join(mixedDir, '.done'))) {
  mkdirSync(mixedDir, { recursive: true });
  for (const [from, names] of [
    [manyDir, readdirSync(manyDir)],
    [hugeDir, ['bench-huge.jsonl']],
  ]) {
    for (const n of names)
      if (n.endsWith('.jsonl') && !existsSync(join(mixedDir, n))) linkSync(join(from, n), join(mixedDir, n));
  }
  linkSync(join(manyDir, '.done'), join(mixedDir, '.done'));
}

const manyBytes = Number(execFileSync('du', ['-sb', manyDir], { encoding: 'utf8' }).split('\t')[0]);
console.log(
  `corpus: ${SESSIONS} sessions without index (${(manyBytes / 1048576).toFixed(0)} MB); one ${HUGE_MB} MB session; one ${LINE_MB} MB line`,
);
const listMet = compare(`list ${SESSIONS} unindexed sessions`, 'list', 'read-all', manyDir, { max: 1.2 });
const mixedMet = compare(`list ${SESSIONS} + the ${HUGE_MB} MB session`, 'list', 'read-all', mixedDir, {
  max: 1.2,
});
task('list-stored', mixedDir); // the first list stores the summaries the next processes use
const storedMet = compare(
  `list ${SESSIONS} + the ${HUGE_MB} MB session, new process with stored summaries`,
  'list-stored',
  'read-all',
  mixedDir,
  { max: 1.2 },
);
const exportMet = compare(`export ${HUGE_MB} MB session`, 'export', 'parse-lines', hugeDir, { max: 1.5 });
const line = task('load-longline', lineDir);
const fileMb = statSync(join(lineDir, 'bench-longline.jsonl')).size / 1048576;
const memRatio = line.peakRssMb / fileMb;
console.log(
  `load of a ${LINE_MB} MB line: ${line.ms.toFixed(0)} ms, peak RSS ${line.peakRssMb.toFixed(0)} MB = ${memRatio.toFixed(2)}x the file`,
);
const memMet = report({
  bench: 'store',
  figure: `peak RSS loading a ${LINE_MB} MB line`,
  value: line.peakRssMb,
  unit: 'MB',
  baselineName: 'file size',
  baseline: fileMb,
  goal: { max: 6 },
});
const met = (ok) => (ok ? 'met' : 'MISSED');
console.log(
  `goals: list <= 1.2x ${met(listMet)} / with the big session ${met(mixedMet)} / stored summaries ${met(storedMet)}, ` +
    `export <= 1.5x ${met(exportMet)}, memory <= 6x file ${met(memMet)}`,
);
process.exitCode = listMet && mixedMet && storedMet && exportMet && memMet ? 0 : 1;
