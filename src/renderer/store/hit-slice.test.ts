import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, type FakeApi } from '../test-support/fake-api';
import { searchGroup, searchResults } from '../test-support/search-results';
import { message, summary, transcript } from '../test-support/transcripts';
import { testStore } from '../test-support/test-store';
import type { AppStore } from './app-store';
import { stepHit } from './hit-slice';

describe('stepHit', () => {
  it('goes to the next or previous match, wrapping around', () => {
    expect(stepHit([2, 5, 9], 5, 1)).toBe(9);
    expect(stepHit([2, 5, 9], 9, 1)).toBe(2);
    expect(stepHit([2, 5, 9], 5, -1)).toBe(2);
    expect(stepHit([2, 5, 9], 2, -1)).toBe(9);
  });

  it('steps from a message that is not a match (a title hit) to its neighbours', () => {
    expect(stepHit([2, 5, 9], -1, 1)).toBe(2);
    expect(stepHit([2, 5, 9], 6, -1)).toBe(5);
    expect(stepHit([], 3, 1)).toBeNull();
  });
});

describe('opening hits', () => {
  let api: FakeApi;
  let store: AppStore;
  const state = () => store.getState();

  beforeEach(async () => {
    vi.useFakeTimers();
    const text = (t: string) => message('user', [{ type: 'text', text: t }]);
    api = fakeApi(
      [summary('s1'), summary('s2')],
      [
        transcript('s1', [text('a'), text('quokka'), text('b'), text('quokka again')]),
        transcript('s2', [text('x')]),
      ],
    );
    api.searchSessions = async ({ query }) => searchResults(query, [searchGroup('s1', 1)]);
    api.searchMatches = async ({ id, query }) => {
      api.calls.push(`matches ${id} ${query}`);
      return [1, 3];
    };
    store = testStore(api, { searchDelayMs: 0 });
    await state().loadList();
    state().setSearchQuery('quokka');
    await vi.runAllTimersAsync();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('opens the session at the hit and learns every matching message for next and previous', async () => {
    state().openHit('s1', 1);
    expect(state().selectedId).toBe('s1');
    expect(state().hits).toMatchObject({ id: 's1', query: 'quokka', message: 1, matches: null });
    await vi.runAllTimersAsync();
    expect(api.calls).toContain('matches s1 quokka');
    expect(state().hits).toMatchObject({ matches: [1, 3], message: 1 });
    const seq = state().hits!.seq;
    state().hitNext();
    expect(state().hits).toMatchObject({ message: 3, seq: seq + 1 });
    state().hitNext();
    expect(state().hits!.message).toBe(1);
    state().hitPrev();
    expect(state().hits!.message).toBe(3);
  });

  it('opening the hit of the open session again does not reload it, but jumps again', async () => {
    state().openHit('s1', 1);
    await vi.runAllTimersAsync();
    const seq = state().hits!.seq;
    state().openHit('s1', 1);
    await vi.runAllTimersAsync();
    expect(api.calls.filter((c) => c === 'open s1')).toHaveLength(1);
    expect(state().hits!.seq).toBe(seq + 1);
  });

  it('stops showing hits when another session is chosen from the list', async () => {
    state().openHit('s1', 1);
    await vi.runAllTimersAsync();
    state().select('s2');
    expect(state().hits).toBeNull();
  });
});
