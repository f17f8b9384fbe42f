// `node bench/search/run.mjs`: the full-text index on a 1 GB corpus of 10,000 sessions against
// ripgrep over the same files, then SQLite FTS5 (the chosen engine) against MiniSearch on a
// smaller corpus. Corpora are generated once into bench/.corpus and reused; every run builds a
// fresh index. Goals (printed at the end, exit code 1 when one is missed): build >= 30 MB/s,
// index <= 50% of the corpus, query p50 <= 0.08x and p95 <= 0.2x ripgrep's for the same
// searches, first results within 5 s of the start of a first build (in the search worker).
//   BENCH_SEARCH_SESSIONS (10000), BENCH_SEARCH_SMALL (1500 sessions; 0 skips the engines),
//   BENCH_SEARCH_REPS (3), BENCH_SEARCH_ONLY=queries (only the queries against ripgrep, on the index
//   a run left in bench/.corpus, built when missing; no build, first-results or engine figures)
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { generateCorpus } from './generate.mjs';
import { QUERIES } from './queries.mjs';
import { bundleSearch } from './bundle-search.mjs';
import { report } from '../report.mjs';

const root = join(import.meta.dirname, '..', '.corpus');
const SESSIONS = Number(process.env.BENCH_SEARCH_SESSIONS ?? 10_000);
const SMALL = Number(process.env.BENCH_SEARCH_SMALL ?? 1_500);
const REPS = Number(process.env.BENCH_SEARCH_REPS ?? 3);
const ONLY_QUERIES = process.env.BENCH_SEARCH_ONLY === 'queries';
/** The goals: build speed, index size as a share of the corpus, query time against ripgrep's, and
 * seconds from the start of a first build to a typical query's first results. */
const GOALS = { buildMbPerS: 30, sizePct: 50, p50: 0.08, p95: 0.2, firstS: 5 };

const lib = await bundleSearch();

const bigDir = join(root, `search-${SESSIONS}`);
const smallDir = join(root, `search-${SMALL}`);
for (const [dir, count] of [
  [bigDir, SESSIONS],
  [smallDir, ONLY_QUERIES ? 0 : SMALL],
].filter(([, count]) => count > 0)) {
  const t = performance.now();
  if (generateCorpus(dir, count))
    console.log(`generated ${dir} in ${((performance.now() - t) / 1000).toFixed(0)} s`);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const mb = (bytes) => bytes / 1048576;
const corpusBytes = (dir) =>
  readdirSync(dir)
    .filter((n) => n.endsWith('.jsonl'))
    .reduce((n, name) => n + statSync(join(dir, name)).size, 0);

function task(...args) {
  const r = spawnSync(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=8192', join(import.meta.dirname, 'task.mjs'), ...args],
    { encoding: 'utf8', maxBuffer: 64 << 20 },
  );
  if (r.status !== 0) throw new Error(`task ${args[0]} failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

const hasRg = !spawnSync('rg', ['--version']).error;
if (!hasRg)
  console.log(
    'ripgrep (rg) not found: install it with `apt-get install -y ripgrep`; skipping the ripgrep comparisons',
  );

/** The files containing every string (case-insensitive, fixed strings), narrowed string by string. */
function rgFiles(strings, dir) {
  let files = [dir];
  const t = performance.now();
  for (const s of strings) {
    const args = ['-l', '-i', '-F', '-g', '*.jsonl', '--', s, ...files];
    const r = spawnSync('rg', args, { encoding: 'utf8', maxBuffer: 64 << 20 });
    files = r.stdout.split('\n').filter(Boolean);
    if (files.length === 0) break;
  }
  return { ms: performance.now() - t, files: files.length };
}

function rgPass(dir, word) {
  const t = performance.now();
  spawnSync('rg', ['-c', '-i', word, dir], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return performance.now() - t;
}

const fixed = (x, d = 0) => x.toFixed(d);
const ratio = (a, b) => `${(a / b).toFixed(2)}x`;

// --- 1 GB corpus: build, size, queries against ripgrep ---
const bigBytes = corpusBytes(bigDir);
console.log(`corpus: ${SESSIONS} sessions, ${fixed(mb(bigBytes))} MB`);
if (hasRg) rgPass(bigDir, 'warmup'); // page cache warm for everyone
const bigIndex = join(root, `search-${SESSIONS}.sqlite`);
// With BENCH_SEARCH_ONLY=queries, the index a run left behind is queried as it is.
let built = null;
let buildMbPerS = null;
if (!ONLY_QUERIES || !existsSync(bigIndex)) {
  const loadBefore = loadavg()[0];
  built = task('fts-build', lib, bigDir, bigIndex);
  buildMbPerS = mb(bigBytes) / (built.ms / 1000);
  console.log(
    `index build (fresh): ${fixed(built.ms / 1000, 1)} s = ${fixed(buildMbPerS, 1)} MB/s, ` +
      `${built.stats.messages} messages, peak RSS ${fixed(built.peakRssMb)} MB`,
  );
  // The machine may be shared: CPU time (both threads) and the load say how much of the wall
  // time was this build's own.
  console.log(
    `  CPU time ${fixed(built.cpuMs / 1000, 1)} s (both threads; ${fixed(mb(bigBytes) / (built.cpuMs / 1000), 1)} MB per CPU second), ` +
      `load average ${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after, on ${availableParallelism()} cores`,
  );
  // The writing thread is the build's critical path (the reader thread waits on it): with a core
  // of its own, the build would take about its CPU time.
  if (built.writerCpuMs)
    console.log(
      `  writing thread: ${fixed(built.writerCpuMs / 1000, 1)} s CPU = ${fixed(mb(bigBytes) / (built.writerCpuMs / 1000), 1)} MB/s with a core to itself`,
    );
}
let rgPassMs = null;
if (hasRg) {
  rgPassMs = median([0, 1, 2].map(() => rgPass(bigDir, 'xylophone')));
  console.log(
    `ripgrep pass (rg -c -i xylophone): ${fixed(rgPassMs)} ms` +
      (built ? ` -> build is ${ratio(built.ms, rgPassMs)} one pass` : ''),
  );
}
if (built)
  console.log(
    `index size: ${fixed(mb(built.bytes))} MB for ${fixed(mb(bigBytes))} MB of sessions = ${fixed((100 * built.bytes) / bigBytes, 1)}%`,
  );

let firstS = null;
if (!ONLY_QUERIES) {
  // --- the first build as the app runs it: results while it builds ---
  const FIRST_SECONDS = 10;
  const firstIndex = join(root, `search-${SESSIONS}-first.sqlite`);
  const during = task('fts-first', lib, bigDir, firstIndex, String(FIRST_SECONDS));
  console.log(`\nfirst build in the search worker (fresh index, first ${FIRST_SECONDS} s):`);
  for (const f of during.first) {
    if (f.s === null) {
      console.log(`  ${f.q.trim().padEnd(22)} no results within ${FIRST_SECONDS} s`);
      continue;
    }
    console.log(
      `  ${f.q.trim().padEnd(22)} first results at ${fixed(f.s, 2)} s${f.partial ? ' (partial)' : ''}: ` +
        `${f.done} sessions looked at, the oldest session shown is the ${f.rank + 1}th newest`,
    );
  }
  console.log(
    `  queries meanwhile: p50 ${fixed(during.queryP50, 1)} ms, p95 ${fixed(during.queryP95, 1)} ms; ` +
      `this thread's event-loop delay p99 ${fixed(during.lagP99, 1)} ms, max ${fixed(during.lagMax, 1)} ms; ` +
      `${during.progress.done} of ${during.progress.total} sessions indexed by then`,
  );
  rmSync(firstIndex, { force: true });
  // The goal's figure: when a typical query (the median of the four) first had results.
  // A query without results in the time given counts as never.
  firstS = median(during.first.map((f) => f.s ?? Infinity));
}

const measured = task('fts-query', lib, bigDir, bigIndex, String(REPS));
const ours = measured.queries;
const rg = hasRg
  ? QUERIES.map(({ rg: strings }) => {
      const runs = Array.from({ length: REPS }, () => rgFiles(strings, bigDir));
      return { ms: median(runs.map((r) => r.ms)), files: runs[0].files };
    })
  : null;
console.log(`\nqueries (first page of 20 sessions with snippets; median of ${REPS} after a warm-up run):`);
console.log(
  '(hits ">20000": too many to rank, sessions newest first; sessions then counts those on the page)',
);
console.log('kind    ours ms   rg ms  ratio  sessions    hits  rg files  query');
ours.forEach((o, i) => {
  const r = rg?.[i];
  console.log(
    `${o.kind.padEnd(7)} ${fixed(o.ms, 1).padStart(7)} ${r ? fixed(r.ms, 0).padStart(7) : '      -'} ${r ? ratio(o.ms, r.ms).padStart(6) : '     -'}` +
      ` ${String(o.result.sessions).padStart(9)} ${(o.result.capped ? `>${o.result.hits}` : String(o.result.hits)).padStart(7)} ${r ? String(r.files).padStart(9) : '        -'}  ${o.q.trim()}`,
  );
});
const kinds = [...new Set(QUERIES.map((q) => q.kind))];
for (const kind of kinds) {
  const mine = ours.filter((o) => o.kind === kind).map((o) => o.ms);
  const theirs = rg ? rg.filter((_, i) => QUERIES[i].kind === kind).map((r) => r.ms) : null;
  console.log(
    `  ${kind}: median ${fixed(median(mine), 1)} ms${theirs ? ` vs rg ${fixed(median(theirs))} ms` : ''}`,
  );
}
const p50 = pct(
  ours.map((o) => o.ms),
  0.5,
);
const p95 = pct(
  ours.map((o) => o.ms),
  0.95,
);
console.log(`ours: p50 ${fixed(p50, 1)} ms, p95 ${fixed(p95, 1)} ms over ${ours.length} queries`);
const inSession = measured.inSession.map((o) => o.ms);
console.log(
  `next/previous inside the first result's session (sessionMatches): p50 ${fixed(pct(inSession, 0.5), 1)} ms, p95 ${fixed(pct(inSession, 0.95), 1)} ms`,
);
const rgP50 = rg
  ? pct(
      rg.map((r) => r.ms),
      0.5,
    )
  : null;
const rgP95 = rg
  ? pct(
      rg.map((r) => r.ms),
      0.95,
    )
  : null;
if (rg) {
  console.log(`ripgrep: p50 ${fixed(rgP50)} ms, p95 ${fixed(rgP95)} ms`);
  console.log(`p50 ratio ${ratio(p50, rgP50)}, p95 ratio ${ratio(p95, rgP95)}`);
}

// --- engines on the smaller corpus ---
if (SMALL > 0 && !ONLY_QUERIES) {
  const smallBytes = corpusBytes(smallDir);
  console.log(`\nengines on ${SMALL} sessions (${fixed(mb(smallBytes))} MB):`);
  const smallIndex = join(root, `search-${SMALL}.sqlite`);
  const fts = task('fts-build', lib, smallDir, smallIndex);
  const ftsQueries = task('fts-query', lib, smallDir, smallIndex, String(REPS)).queries;
  const mini = task('minisearch', lib, smallDir, String(REPS));
  const row = (name, b, queries) => {
    const ms = queries.map((q) => q.ms);
    console.log(
      `${name.padEnd(12)} build ${fixed(b.ms / 1000, 1).padStart(6)} s  peak RSS ${fixed(b.peakRssMb).padStart(5)} MB  ` +
        `retained heap ${fixed(b.heapMb).padStart(4)} MB + external ${fixed(b.externalMb).padStart(4)} MB  ` +
        `query p50 ${fixed(pct(ms, 0.5), 1).padStart(6)} ms p95 ${fixed(pct(ms, 0.95), 1).padStart(7)} ms  size ${fixed(mb(b.bytes)).padStart(5)} MB`,
    );
  };
  row('SQLite FTS5', fts, ftsQueries);
  row('MiniSearch', mini, mini.queries);
  console.log(
    `(MiniSearch size: its JSON serialization, which takes ${fixed(mini.loadMs / 1000, 1)} s to load back at every start; ` +
      'it has no positions, so phrases match as AND of words)',
  );
}

// --- goals, each against its same-run baseline (also in `npm run bench:all`'s table) ---
const goals = [
  built && {
    figure: `index build of ${fixed(mb(bigBytes))} MB (goal: ${GOALS.buildMbPerS} MB/s)`,
    value: built.ms,
    baselineName: 'one ripgrep pass',
    baseline: rgPassMs ?? NaN,
    goal: { under: (mb(bigBytes) / GOALS.buildMbPerS) * 1000 },
  },
  built && {
    figure: 'index size',
    value: mb(built.bytes),
    unit: 'MB',
    baselineName: 'corpus',
    baseline: mb(bigBytes),
    goal: { max: GOALS.sizePct / 100 },
  },
  ...(rg
    ? [
        {
          figure: 'query p50',
          value: p50,
          baselineName: 'ripgrep p50',
          baseline: rgP50,
          goal: { max: GOALS.p50 },
        },
        {
          figure: 'query p95',
          value: p95,
          baselineName: 'ripgrep p95',
          baseline: rgP95,
          goal: { max: GOALS.p95 },
        },
      ]
    : []),
  firstS !== null && {
    figure: 'first results while building (median query)',
    value: firstS * 1000,
    baselineName: 'whole build',
    baseline: built.ms,
    goal: { under: GOALS.firstS * 1000 },
  },
];
console.log('\ngoals:');
let allMet = true;
for (const g of goals.filter(Boolean)) {
  const met = report({ bench: 'search', ...g });
  allMet &&= met;
  const unit = g.unit ?? 'ms';
  const goal = g.goal.under !== undefined ? `< ${fixed(g.goal.under)} ${unit}` : `<= ${g.goal.max}x`;
  console.log(
    `  ${g.figure}: ${fixed(g.value, 1)} ${unit} against ${g.baselineName} ${fixed(g.baseline, 1)} ${unit} ` +
      `= ${ratio(g.value, g.baseline)}; goal ${goal}: ${met ? 'met' : 'MISSED'}`,
  );
}
process.exitCode = allMet ? 0 : 1;
