// The index's reader thread: files read and prepared on it give the same index as files read on
// the index's own thread, before and after changes; a thread that cannot start or stops halfway
// hands its work back, so only speed is lost.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { search, sessionMatches } from '../../src/core/search/searcher';
import { SearchIndex, type SearchIndexOptions } from '../../src/core/search/search-index';
import { JsonlStore } from '../../src/core/store';
import { corpusCopy, tempDir } from '../support/fixtures';
import { change, Changer, corpus, queriesFor, writeCorpus } from '../support/search-corpus';
import { renderQuery } from '../support/search-oracle';

let out: string;
let readerFile: string;

beforeAll(async () => {
  out = tempDir('transcripts-reader-');
  readerFile = join(out, 'search-reader.cjs');
  await build({
    entryPoints: [join(__dirname, '../../src/core/search/reader-worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: readerFile,
    logLevel: 'silent',
  });
});

/** A script that runs the reader after leaving `marker` behind, to prove a thread started. */
function markingReader(marker: string): string {
  const file = join(out, `marking-${Math.random().toString(36).slice(2)}.cjs`);
  writeFileSync(
    file,
    `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'started');\nrequire(${JSON.stringify(readerFile)});\n`,
  );
  return file;
}

/** Everything a set of queries answers (timings aside), and every session's hits. */
async function answers(index: SearchIndex, store: JsonlStore, queries: string[]): Promise<unknown[]> {
  const all: unknown[] = [];
  const ids = [...index.files().values()].map((r) => r.id).sort();
  for (const q of queries) {
    const r = await search(index, store.dir(), q, { pageSize: 1000 });
    all.push(
      { ...r, took_ms: 0 },
      ids.map((id) => sessionMatches(index, id, q)),
    );
  }
  return all;
}

/** Indexes `dir` into a fresh file with `options` and returns the answers to `queries`. */
async function answersOf(dir: string, queries: string[], options: SearchIndexOptions): Promise<unknown[]> {
  const store = new JsonlStore(dir);
  const index = new SearchIndex(join(tempDir(), 'index.sqlite'), options);
  try {
    await index.update(store);
    return await answers(index, store, queries);
  } finally {
    index.close();
  }
}

const FIXTURE_QUERIES = ['permission denied ', 'alpha ', 'main', '"cache key" ', 'in:tools main ', 'refac'];

describe('the index reader thread', () => {
  it('builds the same index as reading on the index thread, before and after changes', async () => {
    const marker = join(tempDir(), 'started');
    const threaded = markingReader(marker);
    await fc.assert(
      fc.asyncProperty(
        corpus.chain((sessions) => fc.tuple(fc.constant(sessions), queriesFor(sessions))),
        fc.array(change, { maxLength: 4 }),
        async ([sessions, specs], changes) => {
          const queries = specs.map(renderQuery);
          const dir = join(tempDir(), 'sessions');
          mkdirSync(dir);
          writeCorpus(dir, sessions);
          const store = new JsonlStore(dir);
          const here = new SearchIndex(join(tempDir(), 'index.sqlite'));
          const there = new SearchIndex(join(tempDir(), 'index.sqlite'), { readerFile: threaded });
          try {
            for (const index of [here, there]) await index.update(store);
            expect(await answers(there, store, queries)).toEqual(await answers(here, store, queries));
            await new Changer(store).apply(changes);
            for (const index of [here, there]) await index.update(store);
            expect(await answers(there, store, queries)).toEqual(await answers(here, store, queries));
          } finally {
            here.close();
            there.close();
          }
        },
      ),
      { numRuns: 10 },
    );
    expect(existsSync(marker)).toBe(true);
  });

  it('hands the work back when its thread cannot start or stops halfway', async () => {
    const dir = corpusCopy();
    const expected = await answersOf(dir, FIXTURE_QUERIES, {});
    expect(JSON.stringify(expected)).toContain('20261124-135052-d23db7e55539ac33');
    const broken = join(out, 'broken.cjs');
    writeFileSync(broken, "throw new Error('cannot start');\n");
    // Takes one file, answers nothing and stops: that file and the rest are read here instead.
    const quitting = join(out, 'quitting.cjs');
    writeFileSync(
      quitting,
      "require('node:worker_threads').parentPort.once('message', () => process.exit(3));\n",
    );
    for (const file of [broken, quitting, join(out, 'missing.cjs')])
      expect(await answersOf(dir, FIXTURE_QUERIES, { readerFile: file }), file).toEqual(expected);
  });
});
