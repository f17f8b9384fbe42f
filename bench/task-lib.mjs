// What the benches' measured tasks share: bounded concurrency, the read-all floor (every file
// read once, at the concurrency the stores use) and the measurement printed as one JSON line.
import { readFile } from 'node:fs/promises';

/** Maps `items` through `fn` with at most `limit` calls at once; keeps the order. */
export async function mapLimit(items, limit, fn) {
  let next = 0;
  const out = [];
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]);
      }
    }),
  );
  return out;
}

/** The floor of a list: reads every file of `paths` once, 8 at a time; returns how many. */
export async function readAll(paths) {
  return (await mapLimit(paths, 8, async (p) => (await readFile(p)).length)).length;
}

/** Runs `task` and prints { ms (wall), cpuMs (user+system), peakRssMb, result } as a JSON line. */
export async function measure(task) {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const result = await task();
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  peak = Math.max(peak, process.memoryUsage().rss);
  clearInterval(sampler);
  console.log(
    JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, peakRssMb: peak / 1048576, result }),
  );
}
