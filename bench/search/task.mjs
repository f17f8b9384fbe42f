// One measured search task in a fresh process (run with --expose-gc), so builds and engines do
// not share a heap. Prints one JSON line.
//   fts-build <lib> <dir> <indexFile>            a fresh index: time, peak RSS, retained memory
//   fts-query <lib> <dir> <indexFile> <reps>     every query once to warm up, then `reps` times;
//                                                also next/previous inside the first result's session
//   fts-first <lib> <dir> <indexFile> <seconds>  a fresh build in the search worker, as the app runs
//                                                it: when each query first finds results (partial),
//                                                whether they are the newest sessions, query times
//                                                and this thread's event-loop delay meanwhile
//   minisearch <lib> <dir> <reps>                build, serialize and load back, then the same queries
import { readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { QUERIES } from './queries.mjs';

const require = createRequire(import.meta.url);
const [task, lib, dir, ...rest] = process.argv.slice(2);
const { JsonlStore, SearchIndex, SearchWorkerClient, search, sessionMatches, MiniSearchEngine } = require(
  lib,
);
// The index's reader thread, bundled beside the lib (run.mjs), as the app bundles it.
const readerFile = join(dirname(lib), 'search-reader.cjs');

/** Queries asked while the first build runs, each until it finds something. */
const FIRST_QUERIES = ['zanzibar ', '"permission denied" ', 'ECONNRESET timeout ', 'error '];

/** CPU time of this process's main thread (the one writing to SQLite), on Linux; else null. */
function mainThreadCpuMs() {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime (fields 14 and 15 of stat), in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const peakRssMb = () => process.resourceUsage().maxRSS / 1024;
function retainedMb() {
  global.gc();
  const m = process.memoryUsage();
  return {
    heapMb: m.heapUsed / 1048576,
    externalMb: (m.external + m.arrayBuffers) / 1048576,
    rssMb: m.rss / 1048576,
  };
}

/** Runs every query once (warm-up), then `reps` more times; the median per query. */
async function timeQueries(run, reps) {
  for (const { q } of QUERIES) await run(q);
  const out = [];
  for (const { q, kind } of QUERIES) {
    const times = [];
    let result;
    for (let i = 0; i < reps; i++) {
      const t = performance.now();
      result = await run(q);
      times.push(performance.now() - t);
    }
    out.push({ q, kind, ms: median(times), result });
  }
  return out;
}

const tasks = {
  async 'fts-build'([indexFile]) {
    for (const suffix of ['', '-journal']) rmSync(indexFile + suffix, { force: true });
    const t = performance.now();
    const index = new SearchIndex(indexFile, { readerFile });
    const stats = await index.update(new JsonlStore(dir));
    const ms = performance.now() - t;
    const retained = retainedMb();
    index.close();
    const { userCPUTime, systemCPUTime } = process.resourceUsage();
    const cpuMs = (userCPUTime + systemCPUTime) / 1000;
    return {
      ms,
      cpuMs,
      writerCpuMs: mainThreadCpuMs(),
      stats,
      peakRssMb: peakRssMb(),
      ...retained,
      bytes: statSync(indexFile).size,
    };
  },
  async 'fts-first'([indexFile, seconds]) {
    for (const suffix of ['', '-journal']) rmSync(indexFile + suffix, { force: true });
    const start = performance.now();
    // This thread's event loop stands for the app's: it must stay free while the worker builds.
    const lags = [];
    let tick = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      lags.push(now - tick - 10);
      tick = now;
    }, 10);
    const client = new SearchWorkerClient(join(dirname(lib), 'search-worker.cjs'), { dir, indexFile });
    client.refresh();
    const newest = (await new JsonlStore(dir).list()).map((s) => s.id);
    const first = new Map();
    const times = [];
    const slowest = { ms: 0, q: '' };
    // Each round asks every query; a query's first results are noted when they come.
    while (performance.now() - start < Number(seconds) * 1000) {
      for (const q of FIRST_QUERIES) {
        const t = performance.now();
        const r = await client.search({ query: q, pageSize: 20 });
        const ms = performance.now() - t;
        times.push(ms);
        if (ms > slowest.ms) Object.assign(slowest, { ms, q, done: r.progress.done });
        if (r.groups.length === 0 || first.has(q)) continue;
        // Newest first: every session found is among the newest `done` (plus those read ahead).
        const rank = Math.max(...r.groups.map((g) => newest.indexOf(g.id)));
        first.set(q, {
          q,
          s: (performance.now() - start) / 1000,
          partial: r.partial,
          rank,
          done: r.progress.done,
        });
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const progress = client.progress();
    await client.close(); // (the ticker keeps this process alive meanwhile: the worker is unref'd)
    clearInterval(ticker);
    return {
      // null (JSON has no Infinity): no results within `seconds`.
      first: FIRST_QUERIES.map((q) => first.get(q) ?? { q, s: null }),
      slowest,
      progress,
      queryP50: pct(times, 0.5),
      queryP95: pct(times, 0.95),
      lagP99: pct(lags, 0.99),
      lagMax: Math.max(...lags),
    };
  },
  async 'fts-query'([indexFile, reps]) {
    const index = new SearchIndex(indexFile);
    const firsts = new Map();
    const queries = await timeQueries(async (q) => {
      const r = await search(index, dir, q, { pageSize: 20 });
      if (r.groups[0]) firsts.set(q, r.groups[0].id);
      return { sessions: r.total_sessions, hits: r.total_hits, capped: r.capped };
    }, Number(reps));
    const inSession = await timeQueries(async (q) => {
      const id = firsts.get(q);
      return id === undefined ? 0 : sessionMatches(index, id, q).length;
    }, Number(reps));
    index.close();
    return { queries, inSession, peakRssMb: peakRssMb() };
  },
  async minisearch([reps]) {
    const t = performance.now();
    const engine = await MiniSearchEngine.build(new JsonlStore(dir));
    const ms = performance.now() - t;
    const retained = retainedMb();
    const peakBuildMb = peakRssMb(); // before serializing, which holds the JSON text as well
    const json = engine.serialized();
    const bytes = Buffer.byteLength(json);
    const loadMs = MiniSearchEngine.loadMs(json);
    const queries = await timeQueries((q) => engine.search(q, 20), Number(reps));
    return { ms, peakRssMb: peakBuildMb, ...retained, bytes, loadMs, queries };
  },
};

process.stdout.write(JSON.stringify(await tasks[task](rest)) + '\n');
