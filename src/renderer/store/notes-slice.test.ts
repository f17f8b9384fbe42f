import { beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryPrefs, type Prefs } from '../app/prefs';
import { fakeApi, type FakeApi } from '../test-support/fake-api';
import { summary, transcript } from '../test-support/transcripts';
import { testStore } from '../test-support/test-store';
import type { AppStore } from './app-store';
import { RECENT_KEY } from './notes-slice';

let api: FakeApi;
let store: AppStore;
let prefs: Prefs;
const state = () => store.getState();
const ids = () => state().visible.map((s) => s.id);

beforeEach(async () => {
  api = fakeApi(
    [summary('a', { title: 'Alpha' }), summary('b', { title: 'Beta' }), summary('c', { title: 'Gamma' })],
    ['a', 'b', 'c'].map((id) => transcript(id, [])),
  );
  api.annotations = { b: { tags: ['ui'], name: 'Zeta renamed' } };
  prefs = memoryPrefs();
  store = testStore(api, { prefs });
  await state().loadList();
  await state().loadAnnotations();
});

describe('stars, tags and names', () => {
  it('filters by star and tag, and finds and sorts by the display name', async () => {
    expect(await state().annotate('a', { starred: true, tags: ['UI', 'bug'] })).toBe(true);
    state().setStarredOnly(true);
    expect(ids()).toEqual(['a']);
    state().setStarredOnly(false);
    state().toggleTag('ui');
    expect(ids().sort()).toEqual(['a', 'b']);
    state().clearChosen();
    state().setFilter('zeta');
    expect(ids()).toEqual(['b']);
    state().setFilter('');
    state().setSort('title');
    expect(ids()).toEqual(['a', 'c', 'b']);
  });

  it('toggles the open session’s star and confirms beside the star', async () => {
    state().select('c');
    await state().toggleStar();
    expect(api.annotations.c).toEqual({ starred: true });
    expect(state().status).toMatchObject({ text: 'Starred', place: 'star' });
    await state().toggleStar();
    expect(api.annotations.c).toBeUndefined();
  });

  it('says in the status line when a change could not be saved', async () => {
    api.setAnnotation = async () => {
      throw new Error('annotations.json: not valid JSON; it was left as it is');
    };
    expect(await state().annotate('a', { starred: true })).toBe(false);
    expect(state().status).toMatchObject({ tone: 'error' });
    expect(state().annotations.a).toBeUndefined();
  });
});

describe('recent sessions', () => {
  it('keeps the sessions opened, newest first, once each, across windows', async () => {
    // A session joins the Recent group once its first screen is drawn.
    for (const id of ['a', 'b', 'a', 'c']) {
      state().select(id);
      await vi.waitFor(() => expect(state().recent[0]).toBe(id));
    }
    expect(state().recent).toEqual(['c', 'a', 'b']);
    expect(JSON.parse(prefs.get(RECENT_KEY)!)).toEqual(['c', 'a', 'b']);
    expect(testStore(api, { prefs }).getState().recent).toEqual(['c', 'a', 'b']);
    prefs.set(RECENT_KEY, '{not json');
    expect(testStore(api, { prefs }).getState().recent).toEqual([]);
  });
});
