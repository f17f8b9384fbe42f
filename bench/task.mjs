// One measured task in a fresh process, so each run starts cold (no JIT or caches from others).
// Prints a JSON line (see measure in task-lib.mjs).
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { measure, readAll } from './task-lib.mjs';

const require = createRequire(import.meta.url);
const [task, dir, arg] = process.argv.slice(2);

const tasks = {
  // Floor for list: read every file once (same concurrency as the store uses).
  async 'read-all'() {
    const names = (await readdir(dir)).filter((n) => n.endsWith('.jsonl'));
    return readAll(names.map((n) => join(dir, n)));
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

await measure(tasks[task]);
