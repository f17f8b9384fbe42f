import { describe, expect, it } from 'vitest';
import { recentSessions } from './recent-sessions';

const rows = (...ids: string[]) => ids.map((id) => ({ id, title: `t-${id}` }));

describe('recentSessions', () => {
  it('keeps the order of the recent ids, not of the list', () => {
    expect(recentSessions(['c', 'a'], rows('a', 'b', 'c'), 5).map((s) => s.id)).toEqual(['c', 'a']);
  });

  it('skips ids the list no longer holds and then applies the limit', () => {
    expect(recentSessions(['x', 'b', 'y', 'a', 'c'], rows('a', 'b', 'c'), 2).map((s) => s.id)).toEqual([
      'b',
      'a',
    ]);
  });

  it('answers with the session objects themselves, the first of a repeated id', () => {
    const list = rows('a', 'b');
    const twin = { id: 'a', title: 'second' };
    const [first] = recentSessions(['a'], [...list, twin], 5);
    expect(first).toBe(list[0]);
  });

  it('answers nothing for nothing recent or an empty list', () => {
    expect(recentSessions([], rows('a'), 5)).toEqual([]);
    expect(recentSessions(['a'], [], 5)).toEqual([]);
  });

  it('matches a lookup over the whole list on random inputs', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 30;
    for (let round = 0; round < 200; round++) {
      const list = rows(...new Set(Array.from({ length: next() }, () => String(next()))));
      const recent = [...new Set(Array.from({ length: next() % 12 }, () => String(next())))];
      const limit = next() % 8;
      const byId = new Map(list.map((s) => [s.id, s]));
      const expected = recent.flatMap((id) => byId.get(id) ?? []).slice(0, limit);
      expect(recentSessions(recent, list, limit)).toEqual(expected);
    }
  });
});
