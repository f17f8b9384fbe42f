// `npm run bench:all`: every benchmark of the project, one after the other, then one table of each
// figure, its same-run baseline, the ratio and its goal. Exits non-zero when a goal is missed.
//   BENCH_ALL_ONLY=store,ui runs some of them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BENCHES = [
  ['store', 'bench'],
  ['ui', 'bench:ui'],
  ['search', 'bench:search'],
  ['live', 'bench:live'],
  ['cli', 'bench:cli'],
  ['sources', 'bench:sources'],
  ['usage', 'bench:usage'],
  ['charts', 'bench:charts'],
  ['transcript', 'bench:transcript'],
];

const only = process.env.BENCH_ALL_ONLY?.split(',');
const dir = mkdtempSync(join(tmpdir(), 'transcripts-bench-all-'));
const results = join(dir, 'results.jsonl');
const failed = [];
for (const [name, script] of BENCHES) {
  if (only && !only.includes(name)) continue;
  console.log(`\n=== ${name}: npm run ${script}`);
  const run = spawnSync('npm', ['run', '--silent', script], {
    stdio: 'inherit',
    env: { ...process.env, BENCH_RESULTS: results },
  });
  if (run.status !== 0) failed.push(name);
}

let rows = [];
try {
  rows = readFileSync(results, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
} catch {
  // No benchmark reported a figure.
}
rmSync(dir, { recursive: true, force: true });

// A figure that never came (a count that never arrived: Infinity, null once in JSON) reads ∞.
const finite = (x) => typeof x === 'number' && Number.isFinite(x);
const num = (x, unit) =>
  !finite(x) ? '∞' : unit === 'ms' ? `${x.toFixed(0)} ms` : `${x.toFixed(1)} ${unit}`;
const goalText = (g, unit) =>
  g.under !== undefined ? `< ${num(g.under, unit)}` : g.max !== undefined ? `<= ${g.max}x` : `>= ${g.min}x`;
console.log('\n| bench | figure | value | baseline (same run) | ratio | goal | |');
console.log('|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(
    `| ${r.bench} | ${r.figure} | ${num(r.value, r.unit)} | ${r.baselineName}: ${num(r.baseline, r.unit)} | ` +
      `${finite(r.ratio) ? r.ratio.toFixed(2) : '∞'}x | ${goalText(r.goal, r.unit)} | ${r.met ? 'met' : 'MISSED'} |`,
  );
}
const missed = rows.filter((r) => !r.met).length;
console.log(
  `\n${rows.length} figures, ${missed} goals missed${failed.length ? `; failed to run: ${failed.join(', ')}` : ''}`,
);
process.exitCode = missed || failed.length ? 1 : 0;
