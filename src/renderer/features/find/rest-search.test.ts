import { describe, expect, it } from 'vitest';
import type { TextPiece } from '../../../shared/transcript';
import { eachMatch, findPattern } from './find-matcher';
import { searchRest, type RestMatch } from './rest-search';

/** A deterministic pseudo-random generator (so a failure can be replayed). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x80000000;
  };
}

/** `whole` served in pieces cut at `cuts` (offsets), each piece's `from` its offset times 3. */
function served(whole: string, cuts: number[]) {
  const starts = [0, ...cuts];
  return (from: number): Promise<TextPiece> => {
    const i = starts.indexOf(from / 3);
    if (i < 0) return Promise.reject(new Error(`no piece at ${from}`));
    const end = starts[i + 1];
    return Promise.resolve({ text: whole.slice(starts[i], end), next: end === undefined ? null : end * 3 });
  };
}

/** Every match of `query` in the rest, as offsets in the whole string. */
async function restMatches(whole: string, cuts: number[], query: string, caseSensitive: boolean) {
  const pattern = findPattern(query, caseSensitive)!;
  const found: RestMatch[] = [];
  const complete = await searchRest(
    served(whole, cuts),
    0,
    '',
    pattern,
    2 * query.length,
    (m) => found.push(...m),
    () => false,
  );
  expect(complete).toBe(true);
  return found.map((m) => {
    expect(m.from % 3).toBe(0);
    return [m.from / 3 + m.start, m.from / 3 + m.end];
  });
}

function oracle(whole: string, query: string, caseSensitive: boolean): number[][] {
  const found: number[][] = [];
  eachMatch(whole, findPattern(query, caseSensitive)!, (start, end) => found.push([start, end]));
  return found;
}

describe('searchRest', () => {
  it('finds a match across a piece boundary, and none twice', async () => {
    expect(await restMatches('xxneedlexx', [4], 'needle', true)).toEqual([[2, 8]]);
    // "aa" in "aaa": one match, though each side of the cut could start one.
    expect(await restMatches('aaa', [2], 'aa', true)).toEqual([[0, 2]]);
    expect(await restMatches('aaaa', [3], 'aa', true)).toEqual([
      [0, 2],
      [2, 4],
    ]);
    // A match over three pieces, the middle one shorter than the query.
    expect(await restMatches('..NeEdLe..', [4, 5], 'needle', false)).toEqual([[2, 8]]);
  });

  it('finds exactly what a search of the whole string finds, however it is cut', async () => {
    const next = random(9);
    for (let round = 0; round < 400; round++) {
      const alphabet = round % 2 ? 'aAb' : 'ab\u00e9\u00c9';
      const length = 1 + Math.floor(next() * 60);
      let whole = '';
      for (let i = 0; i < length; i++) whole += alphabet[Math.floor(next() * alphabet.length)];
      const cuts = [
        ...new Set(
          Array.from({ length: Math.floor(next() * 8) }, () => 1 + Math.floor(next() * (length - 1))),
        ),
      ]
        .filter((c) => c > 0 && c < length)
        .sort((a, b) => a - b);
      const query = ['aa', 'aba', 'a', 'ab\u00e9', 'baab', 'AA'][round % 6]!;
      const caseSensitive = round % 3 === 0;
      expect(await restMatches(whole, cuts, query, caseSensitive)).toEqual(
        oracle(whole, query, caseSensitive),
      );
    }
  });

  it('finds a match from the head into the rest, in part -1', async () => {
    const found: RestMatch[] = [];
    await searchRest(
      served('dle, needle', [3]),
      0,
      'a nee',
      findPattern('needle', true)!,
      12,
      (m) => found.push(...m),
      () => false,
    );
    expect(found).toEqual([
      { part: -1, from: -1, start: 2, end: 8 },
      { part: 1, from: 9, start: 2, end: 8 },
    ]);
  });

  it('stops when asked, before searching a piece that comes after', async () => {
    let stop = false;
    const found: RestMatch[] = [];
    const fetch = served('aXaXa', [2, 4]);
    const complete = await searchRest(
      async (from) => {
        const piece = await fetch(from);
        stop = from > 0;
        return piece;
      },
      0,
      '',
      findPattern('a', true)!,
      2,
      (m) => found.push(...m),
      () => stop,
    );
    expect(complete).toBe(false);
    expect(found).toHaveLength(1);
  });
});
