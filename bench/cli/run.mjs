// `npm run bench:cli` (after `npm run build`): the `sessions` command as a user runs it, whole process.
//   export of a small session   vs `node -e 0`, alternated run by run (goal: <= 1.2x)
//   list of 10,000 sessions     peak RSS, against `node -e 0`'s (goal: under 150 MB)
// Env: BENCH_CLI_RUNS (30), BENCH_CLI_SESSIONS (10000).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { generateMany } from '../generate.mjs';
import { report } from '../report.mjs';

const RUNS = Number(process.env.BENCH_CLI_RUNS ?? 30);
const SESSIONS = Number(process.env.BENCH_CLI_SESSIONS ?? 10_000);
const repo = join(import.meta.dirname, '..', '..');
const bin = join(repo, 'bin', 'sessions.cjs');
if (!existsSync(join(repo, 'out', 'cli', 'sessions.cjs'))) {
  console.error('out/cli is missing: run `npm run build` first');
  process.exit(1);
}
const fixtures = join(repo, 'test', 'fixtures', 'ggcode-v1.0.9', 'corpus');
const manyDir = join(import.meta.dirname, '..', '.corpus', `many-${SESSIONS}`);
generateMany(manyDir, SESSIONS);

/** Wall ms, CPU ms (user + system, GNU time's %U %S: 10 ms steps, so only a mean over many runs
 * tells) and peak RSS (MB, %M) of one whole process. */
function run(args) {
  const start = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S %M', process.execPath, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  const [user, system, rssKb] = r.stderr.trim().split('\n').at(-1).split(' ').map(Number);
  return { ms, cpuMs: (user + system) * 1000, rssMb: rssKb / 1024 };
}
if (spawnSync('/usr/bin/time', ['true']).error) {
  console.error('GNU time is missing: apt-get install -y time');
  process.exit(1);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const exportArgs = [bin, '--dir', fixtures, 'export', '20261124-135052-d23db7e55539ac33'];
run(exportArgs); // the first run after a build writes the compile cache
const ours = [];
const floor = [];
for (let i = 0; i < RUNS; i++) {
  floor.push(run(['-e', '0']));
  ours.push(run(exportArgs));
}
const exportMs = median(ours.map((r) => r.ms));
const nodeMs = median(floor.map((r) => r.ms));
console.log(
  `sessions export (small session): ${exportMs.toFixed(1)} ms vs node -e 0 ${nodeMs.toFixed(1)} ms -> ${(exportMs / nodeMs).toFixed(2)}x`,
);
// The wall figure is the goal's; on a shared machine the CPU one is steadier.
const meanCpu = (rs) => rs.reduce((sum, r) => sum + r.cpuMs, 0) / rs.length;
console.log(
  `  CPU (user + system, mean): ${meanCpu(ours).toFixed(1)} ms vs ${meanCpu(floor).toFixed(1)} ms -> ${(meanCpu(ours) / meanCpu(floor)).toFixed(2)}x`,
);
const startMet = report({
  bench: 'cli',
  figure: 'sessions export of a small session, whole process',
  value: exportMs,
  baselineName: 'node -e 0',
  baseline: nodeMs,
  goal: { max: 1.2 },
});

const list = run([bin, '--dir', manyDir, 'list', '--json']);
const nodeRss = median(floor.map((r) => r.rssMb));
console.log(
  `sessions list of ${SESSIONS}: peak RSS ${list.rssMb.toFixed(0)} MB (node -e 0: ${nodeRss.toFixed(0)} MB), ${list.ms.toFixed(0)} ms`,
);
const memMet = report({
  bench: 'cli',
  figure: `sessions list of ${SESSIONS} sessions, peak RSS`,
  value: list.rssMb,
  unit: 'MB',
  baselineName: 'node -e 0',
  baseline: nodeRss,
  goal: { under: 150 },
});
console.log(
  `goals: start <= 1.2x ${startMet ? 'met' : 'MISSED'}, list RSS < 150 MB ${memMet ? 'met' : 'MISSED'}`,
);
process.exitCode = startMet && memMet ? 0 : 1;
