import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi } from '../test-support/fake-api';
import { summary, transcript } from '../test-support/transcripts';
import { testStore } from '../test-support/test-store';
import type { AppStore } from './app-store';

let store: AppStore;
const state = () => store.getState();

beforeEach(async () => {
  vi.useFakeTimers();
  const ids = ['a', 'b', 'c', 'd'];
  const api = fakeApi(
    ids.map((id) => summary(id)),
    ids.map((id) => transcript(id, [])),
  );
  store = testStore(api, { selectDelayMs: 50 });
  await state().loadList();
});

afterEach(() => vi.useRealTimers());

describe('back and forward', () => {
  it('goes back and forward between opened sessions, and a new visit drops what was ahead', () => {
    state().select('a');
    state().select('c');
    state().select('b');
    state().goBack();
    expect(state().selectedId).toBe('c');
    state().goBack();
    expect(state().selectedId).toBe('a');
    state().goBack();
    expect(state().selectedId).toBe('a');
    state().goForward();
    expect(state().selectedId).toBe('c');
    state().select('d');
    state().goForward();
    expect(state().selectedId).toBe('d');
    expect(state().visits).toEqual(['a', 'c', 'd']);
  });

  it('keeps one entry for browsing the list with the keys', () => {
    state().select('a');
    state().moveSelection(1);
    state().moveSelection(1);
    state().moveSelection(1);
    expect(state().selectedId).toBe('d');
    expect(state().visits).toEqual(['a', 'd']);
    state().goBack();
    expect(state().selectedId).toBe('a');
  });

  it('passes over a session that is gone from the list', async () => {
    state().select('a');
    state().select('b');
    state().select('c');
    store.setState({ sessions: state().sessions.filter((s) => s.id !== 'b') });
    state().goBack();
    expect(state().selectedId).toBe('a');
  });
});
