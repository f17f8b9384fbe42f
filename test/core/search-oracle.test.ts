// The index against a brute-force scan: random corpora and random queries must give the same
// (session, message) hits, before and after the changes agents and the app make to the files.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { search, sessionMatches } from '../../src/core/search/searcher';
import { SearchIndex } from '../../src/core/search/search-index';
import { JsonlStore } from '../../src/core/store';
import { tempDir } from '../support/fixtures';
import { change, Changer, corpus, queriesFor, writeCorpus } from '../support/search-corpus';
import { highlightFits, loadOracle, oracleHits, renderQuery, type QuerySpec } from '../support/search-oracle';

/** A failure fast-check reported, replayed: ORACLE_SEED=<seed> ORACLE_PATH=<path>. */
const replay = process.env.ORACLE_SEED
  ? { seed: Number(process.env.ORACLE_SEED), path: process.env.ORACLE_PATH, endOnFailure: true }
  : {};

/** A page size that holds every session of a generated corpus. */
const ALL = 10_000;

/** Compares search() and sessionMatches() with the oracle for every query, on the files as they
 * are now; with `broad`, every query is treated as one with too many hits to rank. */
async function compare(
  store: JsonlStore,
  index: SearchIndex,
  queries: QuerySpec[],
  broad = false,
): Promise<void> {
  const sessions = await loadOracle(store);
  const updated = new Map(sessions.map((s) => [s.id, s.updatedMs]));
  for (const spec of queries) {
    const text = renderQuery(spec);
    const expected = oracleHits(sessions, spec, true);
    const results = await search(index, store.dir(), text, {
      pageSize: ALL,
      rankedHits: broad ? 0 : undefined,
    });
    const got = new Map(results.groups.map((g) => [g.id, g]));
    expect([...got.keys()].sort(), text).toEqual([...expected.keys()].sort());
    const inside = oracleHits(sessions, spec, false);
    // Whether a query is broad is counted before the session filters (model, vendor, dates).
    expect(results.capped, text).toBe(broad && inside.size > 0);
    expect(results.has_more).toBe(false);
    const byDate = await search(index, store.dir(), text, {
      pageSize: ALL,
      rankedHits: broad ? 0 : undefined,
      sort: 'date',
    });
    expect(byDate.groups.map((g) => g.id).sort(), `${text} by date`).toEqual([...got.keys()].sort());
    for (const shown of results.capped ? [results, byDate] : [byDate]) {
      const times = shown.groups.map((g) => updated.get(g.id)!);
      expect(times, `${text}: most recent first`).toEqual([...times].sort((a, b) => b - a));
    }
    for (const [id, hit] of expected) {
      const group = got.get(id)!;
      const count = hit.messages.length + (hit.title ? 1 : 0);
      expect(group.hit_count, `${text} in ${id}`).toBe(count);
      expect(group.matches).toHaveLength(Math.min(3, count));
      // Unranked, a session shows its first hits (the title first).
      if (results.capped) {
        const first = [...(hit.title ? [-1] : []), ...hit.messages].slice(0, 3);
        expect(
          group.matches.map((m) => m.message),
          `${text} in ${id}`,
        ).toEqual(first);
      }
      for (const m of group.matches) {
        expect(m.message < 0 ? hit.title : hit.messages.includes(m.message), `${text}: ${m.message}`).toBe(
          true,
        );
        expect(m.highlights.length, `${text}: ${m.snippet}`).toBeGreaterThan(0);
        for (const [a, b] of m.highlights)
          expect(highlightFits(m.snippet.slice(a, b), spec), text).toBe(true);
      }
    }
    expect(results.total_sessions).toBe(expected.size);
    if (!results.capped)
      expect(results.total_hits).toBe(
        [...expected.values()].reduce((n, h) => n + h.messages.length + +h.title, 0),
      );
    for (const s of sessions) {
      const matches = sessionMatches(index, s.id, text);
      expect(matches, `${text} in ${s.id}`).toEqual(inside.get(s.id)?.messages ?? []);
      // Next/previous inside a session opened from a result walks through every hit it showed.
      for (const m of got.get(s.id)?.matches ?? []) if (m.message >= 0) expect(matches).toContain(m.message);
    }
  }
}

/** `sessions` written to a fresh folder and indexed; the index is closed after `use`. */
async function withIndexedCorpus(
  sessions: Parameters<typeof writeCorpus>[1],
  use: (store: JsonlStore, index: SearchIndex) => Promise<void>,
): Promise<void> {
  const dir = join(tempDir(), 'sessions');
  mkdirSync(dir);
  writeCorpus(dir, sessions);
  const store = new JsonlStore(dir);
  const index = new SearchIndex(join(tempDir(), 'index.sqlite'));
  try {
    await index.update(store);
    await use(store, index);
  } finally {
    index.close();
  }
}

describe('search against a brute-force scan', () => {
  it(
    'finds exactly the messages a full scan finds, before and after changes',
    { timeout: 90_000 },
    async () => {
      await fc.assert(
        fc.asyncProperty(
          corpus.chain((sessions) => fc.tuple(fc.constant(sessions), queriesFor(sessions))),
          fc.array(fc.array(change, { maxLength: 4 }), { maxLength: 2 }),
          async ([sessions, queries], rounds) =>
            withIndexedCorpus(sessions, async (store, index) => {
              await compare(store, index, queries);
              await compare(store, index, queries, true);
              const changer = new Changer(store);
              for (const changes of rounds) {
                await changer.apply(changes);
                await index.update(store);
                await compare(store, index, queries);
                await compare(store, index, queries, true);
              }
            }),
        ),
        // Bounded in time on a slow machine (fewer runs, never a failure for that); a failure found
        // is still shrunk within the limit.
        { numRuns: Number(process.env.ORACLE_RUNS ?? 60), interruptAfterTimeLimit: 40_000, ...replay },
      );
    },
  );

  it('pages through the same sessions the one-page answer holds', async () => {
    await fc.assert(
      fc.asyncProperty(
        corpus.chain((sessions) => fc.tuple(fc.constant(sessions), queriesFor(sessions))),
        fc.integer({ min: 1, max: 3 }),
        fc.boolean(),
        async ([sessions, queries], pageSize, broad) =>
          withIndexedCorpus(sessions, async (store, index) => {
            const dir = store.dir();
            const text = renderQuery(queries[0]!);
            const rankedHits = broad ? 0 : undefined;
            const all = await search(index, dir, text, { pageSize: ALL, rankedHits });
            const paged: string[] = [];
            for (let page = 0; ; page++) {
              const r = await search(index, dir, text, { page, pageSize, rankedHits });
              paged.push(...r.groups.map((g) => g.id));
              expect(r.has_more).toBe(paged.length < all.groups.length);
              if (!r.capped) expect(r.total_sessions).toBe(all.total_sessions);
              if (!r.has_more) break;
            }
            expect(paged).toEqual(all.groups.map((g) => g.id));
          }),
      ),
      { numRuns: 30, ...replay },
    );
  });
});
