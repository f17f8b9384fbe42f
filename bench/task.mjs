// One measured task in a fresh process, so each run starts cold (no JIT or caches from others).
// Prints a JSON line: { ms (wall), cpuMs (user+system), peakRssMb, result }.
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const [task, dir, arg] = process.argv.slice(2);

async function mapLimit(items, limit, fn) {
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

let peak = process.memoryUsage().rss;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);

const tasks = {
  // Floor for list: read every file once (same concurrency as the store uses).
  async 'read-all'() {
    const names = (await readdir(dir)).filter((n) => n.endsWith('.jsonl'));
    const sizes = await mapLimit(names, 8, async (n) => (await readFile(join(dir, n))).length);
    return sizes.length;
  },
  async list() {
    const { JsonlStore, useScanThreads } = require(arg);
    useScanThreads(join(dirname(arg), 'scan-thread.cjs'));
    return (await new JsonlStore(dir).list()).length;
  },
  // A new process with the summaries an earlier list stored in the cache folder.
  async 'list-stored'() {
    const { JsonlStore, useScanThreads } = require(arg);
    useScanThreads(join(dirname(arg), 'scan-thread.cjs'));
    return (await new JsonlStore(dir, { summaryFile: `${dir}.summaries.json` }).list()).length;
  },
  // Floor for export: JSON.parse every line of the session.
  async 'parse-lines'() {
    const text = await readFile(join(dir, 'bench-huge.jsonl'), 'utf8');
    let n = 0;
    for (const line of text.split('\n'))
      if (line) {
        JSON.parse(line);
        n++;
      }
    return n;
  },
  async export() {
    const { JsonlStore } = require(arg);
    return (await new JsonlStore(dir).exportMarkdown('bench-huge')).length;
  },
  async 'load-longline'() {
    const { JsonlStore } = require(arg);
    const s = await new JsonlStore(dir).load('bench-longline');
    return s.messages[0].content[0].output.length;
  },
};

const start = performance.now();
const cpuStart = process.cpuUsage();
const result = await tasks[task]();
const ms = performance.now() - start;
const cpu = process.cpuUsage(cpuStart);
const cpuMs = (cpu.user + cpu.system) / 1000;
peak = Math.max(peak, process.memoryUsage().rss);
clearInterval(sampler);
console.log(JSON.stringify({ ms, cpuMs, peakRssMb: peak / 1048576, result }));
