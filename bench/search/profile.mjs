// `node bench/search/profile.mjs [sessions]`: where the index build's writing thread spends its
// time. Builds a fresh index of the generated corpus of that many sessions (2000 by default; made
// by run.mjs's generator and reused) under `node --cpu-prof`, then prints the writing thread's
// call tree down to frames of at least 1.5% of its samples, and its costliest frames by self time.
// SQLite's WebAssembly has no names: its frames print as wasm-function[N] (docs/decisions.md
// says which is which for the node-sqlite3-wasm version in use).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleSearch } from './bundle-search.mjs';
import { generateCorpus } from './generate.mjs';

const SESSIONS = Number(process.argv[2] ?? 2000);
const MIN_SHARE = 0.015;
const TOP = 25;

const lib = await bundleSearch();
const dir = join(import.meta.dirname, '..', '.corpus', `search-${SESSIONS}`);
generateCorpus(dir, SESSIONS);
const out = mkdtempSync(join(tmpdir(), 'search-profile-'));
try {
  const r = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      '--cpu-prof',
      `--cpu-prof-dir=${out}`,
      join(import.meta.dirname, 'task.mjs'),
      'fts-build',
      lib,
      dir,
      join(out, 'index.sqlite'),
    ],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`fts-build failed: ${r.stderr}`);
  const built = JSON.parse(r.stdout);
  console.log(
    `${SESSIONS} sessions: ${(built.ms / 1000).toFixed(1)} s wall, writing thread ${(built.writerCpuMs / 1000).toFixed(1)} s CPU, both threads ${(built.cpuMs / 1000).toFixed(1)} s`,
  );
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
