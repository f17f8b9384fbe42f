// `node bench/search/profile.mjs [sessions]`: where the index build's writing thread spends its
// time. Builds a fresh index of the generated corpus of that many sessions (2000 by default; made
// by run.mjs's generator and reused) under `node --cpu-prof`, then prints the writing thread's
// call tree down to frames of at least 1.5% of its samples, and its costliest frames by self time.
// `node bench/search/profile.mjs queries [sessions] [reps]`: the same for the benchmark's queries
// (run.mjs's fts-query task, 10000 sessions and 3 reps by default) on the index run.mjs built,
// bench/.corpus/search-<sessions>.sqlite (built first when missing).
// SQLite's WebAssembly has no names: its frames print as wasm-function[N] (docs/decisions.md
// says which is which for the node-sqlite3-wasm version in use).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleSearch } from './bundle-search.mjs';
import { generateCorpus } from './generate.mjs';

const QUERIES = process.argv[2] === 'queries';
const args = process.argv.slice(QUERIES ? 3 : 2);
const SESSIONS = Number(args[0] ?? (QUERIES ? 10_000 : 2000));
const REPS = args[1] ?? '3';
const MIN_SHARE = 0.015;
const TOP = 25;

const lib = await bundleSearch();
const dir = join(import.meta.dirname, '..', '.corpus', `search-${SESSIONS}`);
generateCorpus(dir, SESSIONS);
const out = mkdtempSync(join(tmpdir(), 'search-profile-'));
/** Runs one task.mjs task, under the profiler when `profile`. */
function task(args, profile) {
  const prof = profile ? ['--cpu-prof', `--cpu-prof-dir=${out}`] : [];
  const r = spawnSync(
    process.execPath,
    ['--expose-gc', ...prof, join(import.meta.dirname, 'task.mjs'), ...args],
    {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    },
  );
  if (r.status !== 0) throw new Error(`${args[0]} failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}
try {
  if (QUERIES) {
    const index = join(import.meta.dirname, '..', '.corpus', `search-${SESSIONS}.sqlite`);
    if (!existsSync(index)) task(['fts-build', lib, dir, index], false);
    const { queries } = task(['fts-query', lib, dir, index, REPS], true);
    console.log(`${SESSIONS} sessions, median of ${REPS} per query, slowest first:`);
    for (const q of [...queries].sort((a, b) => b.ms - a.ms))
      console.log(`${q.ms.toFixed(1).padStart(7)} ms  ${q.kind.padEnd(7)} ${q.q.trim()}`);
  } else {
    const built = task(['fts-build', lib, dir, join(out, 'index.sqlite')], true);
    console.log(
      `${SESSIONS} sessions: ${(built.ms / 1000).toFixed(1)} s wall, writing thread ${(built.writerCpuMs / 1000).toFixed(1)} s CPU, both threads ${(built.cpuMs / 1000).toFixed(1)} s`,
    );
  }
  // The main thread's profile is the one numbered 0 (the reader thread's is 1).
  const file = readdirSync(out).find((n) => /\.0\.\d+\.cpuprofile$/.test(n));
  printProfile(JSON.parse(readFileSync(join(out, file), 'utf8')));
} finally {
  rmSync(out, { recursive: true, force: true });
}

/** The call tree (frames of at least MIN_SHARE of the samples) and the TOP frames by self time. */
function printProfile(profile) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = new Map();
  const sum = (id) => {
    const t = (nodes.get(id).children ?? []).reduce((n, c) => n + sum(c), self.get(id) ?? 0);
    total.set(id, t);
    return t;
  };
  const all = sum(profile.nodes[0].id);
  const name = (n) => n.callFrame.functionName || '(anonymous)';
  const share = (t) => `${((100 * t) / all).toFixed(1)}%`.padStart(6);
  console.log('\ncall tree (share of samples, self share):');
  const walk = (id, depth) => {
    const n = nodes.get(id);
    if (total.get(id) < all * MIN_SHARE) return;
    console.log(
      `${share(total.get(id))} ${' '.repeat(depth)}${name(n)} (self ${share(self.get(id) ?? 0).trim()})`,
    );
    for (const c of n.children ?? []) walk(c, depth + 1);
  };
  walk(profile.nodes[0].id, 0);
  const bySelf = new Map();
  for (const [id, t] of self) bySelf.set(name(nodes.get(id)), (bySelf.get(name(nodes.get(id))) ?? 0) + t);
  console.log('\nself time:');
  for (const [n, t] of [...bySelf].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`${share(t)} ${n}`);
}
