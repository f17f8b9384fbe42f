// One figure of a benchmark against its same-run baseline. Each benchmark prints its own lines; when
// BENCH_RESULTS names a file (as `npm run bench:all` sets it), every figure is also appended there as
// one JSON line, which bench/all.mjs turns into the summary table.
import { appendFileSync } from 'node:fs';

/**
 * Records `value` (e.g. ms) against `baseline`. The goal is on their ratio (`{ max: 1.5 }`: ratio
 * <= 1.5; `{ min: 30 }`: ratio >= 30, for rates) or, where the goal is a fixed bound, on the value
 * itself (`{ under: 500 }`: value < 500). Returns whether the goal is met.
 */
export function report({ bench, figure, value, unit = 'ms', baselineName, baseline, goal }) {
  const ratio = value / baseline;
  const met =
    goal.under !== undefined
      ? value < goal.under
      : goal.max !== undefined
        ? ratio <= goal.max
        : ratio >= goal.min;
  const file = process.env.BENCH_RESULTS;
  if (file) {
    appendFileSync(
      file,
      JSON.stringify({ bench, figure, value, unit, baselineName, baseline, ratio, goal, met }) + '\n',
    );
  }
  return met;
}
