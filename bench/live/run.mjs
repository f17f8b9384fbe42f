// `node bench/live/run.mjs`: how long a line appended to a session file takes to become visible
// through the API the renderer uses, over >= 50 appends, against the raw fs.watch event latency
// measured on the same appends:
//   browser mode   `sessions serve` (built CLI, its own process): an EventSource on
//                  /events?watch=<id> receives the session:appended carrying the line
//   main process   MainLive as Electron main runs it (same watcher and LiveSession objects), its
//                  send() called with the session:appended carrying the line
// Goal: p95 under 500 ms. Env: BENCH_LIVE_APPENDS (60), BENCH_LIVE_SESSIONS (2000),
// BENCH_LIVE_MESSAGES (2000: the length of the followed session).
import { spawn, execFileSync } from 'node:child_process';
import { appendFileSync, watch } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { EventSource } from 'eventsource';
import { bundleLib } from '../bundle.mjs';
import { report } from '../report.mjs';

const APPENDS = Number(process.env.BENCH_LIVE_APPENDS ?? 60);
const SESSIONS = Number(process.env.BENCH_LIVE_SESSIONS ?? 2000);
const MESSAGES = Number(process.env.BENCH_LIVE_MESSAGES ?? 2000);
const GOAL_MS = 500;
const repo = join(import.meta.dirname, '..', '..');

const bundle = await bundleLib(import.meta.dirname, 'live');
const lib = createRequire(import.meta.url)(bundle);
execFileSync(process.execPath, [join(repo, 'scripts', 'build-cli.mjs')], { stdio: 'inherit' });

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const describe = (xs) =>
  `p50 ${quantile(xs, 0.5).toFixed(1)} ms, p95 ${quantile(xs, 0.95).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms`;

/** Resolves with the time of the first fs.watch event for `name` in `dir` after each arm(). */
function rawWatch(dir, name) {
  let waiting = null;
  const watcher = watch(dir, (_event, file) => {
    if (file === name && waiting) {
      waiting(performance.now());
      waiting = null;
    }
  });
  return {
    arm: () => new Promise((resolve) => (waiting = resolve)),
    close: () => watcher.close(),
  };
}

/** A promise per marker, resolved with the time a session:appended payload carrying it arrives. */
function markerWaiter() {
  const pending = new Map();
  return {
    expect(marker) {
      return new Promise((resolve) => pending.set(marker, resolve));
    },
    seen(payload) {
      const now = performance.now();
      for (const message of payload.messages) {
        for (const [marker, resolve] of pending) {
          if (message.blocks.some((block) => block.kind === 'text' && block.text.includes(marker))) {
            pending.delete(marker);
            resolve(now);
          }
        }
      }
    },
  };
}

/** Appends one message per round to the followed session and times raw and visible. */
async function measure(dir, id, waiter) {
  const raw = rawWatch(dir, `${id}.jsonl`);
  const path = join(dir, `${id}.jsonl`);
  const rawMs = [];
  const visibleMs = [];
  try {
    for (let i = 0; i < APPENDS; i++) {
      const marker = `live-bench-marker-${i}-${Math.random().toString(36).slice(2)}`;
      const rawAt = raw.arm();
      const visibleAt = waiter.expect(marker);
      const line = lib.messageLine(id, { role: 'assistant', content: [{ type: 'text', text: marker }] });
      const start = performance.now();
      appendFileSync(path, line);
      const [r, v] = await Promise.all([rawAt, visibleAt]);
      rawMs.push(r - start);
      visibleMs.push(v - start);
      // Separate appends by a varying pause, so each is its own burst and none lines up with timers.
      await sleep(150 + Math.random() * 250);
    }
  } finally {
    raw.close();
  }
  return { rawMs, visibleMs };
}

/** Starts `sessions serve` on `dir` in its own process; resolves with its URL and the process. */
async function serve(dir, cacheHome) {
  const child = spawn(process.execPath, [join(repo, 'out', 'cli', 'sessions.cjs'), '--dir', dir, 'serve'], {
    env: { ...process.env, XDG_CACHE_HOME: cacheHome },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  const url = await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /at (http:\/\/\S+)/.exec(out);
      if (match) resolve(new URL(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`sessions serve exited with ${code}`)));
  });
  return { child, url };
}

/** Waits until the server's search index is built, so its first build does not compete. */
async function searchReady(url) {
  const token = url.searchParams.get('token');
  for (;;) {
    const response = await fetch(new URL('/api/search:progress', url), {
      method: 'POST',
      headers: { 'x-transcripts-token': token },
    });
    const { value } = await response.json();
    if (value.state !== 'indexing') return;
    await sleep(100);
  }
}

async function browserMode(dir, id, cacheHome) {
  const { child, url } = await serve(dir, cacheHome);
  let source;
  try {
    await searchReady(url);
    const waiter = markerWaiter();
    const token = url.searchParams.get('token');
    source = new EventSource(new URL(`/events?token=${token}&watch=${id}`, url));
    source.addEventListener(lib.SESSION_APPENDED_EVENT, (e) => waiter.seen(JSON.parse(e.data)));
    await new Promise((resolve, reject) => {
      source.onopen = resolve;
      source.onerror = reject;
    });
    return await measure(dir, id, waiter);
  } finally {
    source?.close();
    child.kill('SIGTERM');
  }
}

async function mainProcess(dir, id) {
  const waiter = markerWaiter();
  const live = new lib.MainLive((channel, payload) => {
    if (channel === lib.SESSION_APPENDED_EVENT) waiter.seen(payload);
  });
  const store = new lib.JsonlStore(dir);
  // The folder's live store, as main makes it (the search index's refreshes are not measured here).
  const liveStore = new lib.LiveStore(store);
  const stop = live.open(store, liveStore);
  try {
    await sleep(500); // the watcher's first look at the folder
    await live.watch(store, id);
    return await measure(dir, id, waiter);
  } finally {
    stop();
    liveStore.close();
  }
}

const dir = await mkdtemp(join(tmpdir(), 'transcripts-bench-live-'));
const cacheHome = await mkdtemp(join(tmpdir(), 'transcripts-bench-live-cache-'));
try {
  console.log(`generating ${SESSIONS} small sessions and one of ${MESSAGES} messages in ${dir} ...`);
  await lib.writeManySmallSessions(dir, SESSIONS);
  const id = '20270101-000000-00000000000f0110';
  await lib.writeSession(dir, { id, title: 'Followed session', messages: MESSAGES });

  console.log(`${APPENDS} appends each; latency from the append to the line being visible:`);
  const results = [
    ['browser mode (SSE session:appended)', await browserMode(dir, id, cacheHome)],
    ['main process (MainLive send)', await mainProcess(dir, id)],
  ];
  let ok = true;
  for (const [name, { rawMs, visibleMs }] of results) {
    const p95 = quantile(visibleMs, 0.95);
    ok &&= report({
      bench: 'live',
      figure: `${name}: append to visible, p95`,
      value: p95,
      baselineName: 'raw fs.watch event p95',
      baseline: quantile(rawMs, 0.95),
      goal: { under: GOAL_MS },
    });
    console.log(`${name}: ${describe(visibleMs)}`);
    console.log(`  baseline, raw fs.watch event on the same appends: ${describe(rawMs)}`);
  }
  console.log(`goal: p95 < ${GOAL_MS} ms ${ok ? 'met' : 'MISSED'}`);
  process.exitCode = ok ? 0 : 1;
} finally {
  await rm(dir, { recursive: true, force: true });
  await rm(cacheHome, { recursive: true, force: true });
}
