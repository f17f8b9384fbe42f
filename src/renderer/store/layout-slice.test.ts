import { describe, expect, it } from 'vitest';
import { memoryPrefs } from '../app/prefs';
import { fakeApi } from '../test-support/fake-api';
import { testStore } from '../test-support/test-store';
import { summary } from '../test-support/transcripts';
import { SIDEBAR_DEFAULT, SIDEBAR_KEY, SIDEBAR_MAX, SIDEBAR_MIN } from './layout-slice';

describe('the layout slice', () => {
  it('keeps the sidebar width within bounds and remembers it for the next window', () => {
    const prefs = memoryPrefs();
    const store = testStore(fakeApi([], []), { prefs });
    expect(store.getState().sidebarWidth).toBe(SIDEBAR_DEFAULT);
    store.getState().setSidebarWidth(10_000);
    expect(store.getState().sidebarWidth).toBe(SIDEBAR_MAX);
    store.getState().setSidebarWidth(12.4);
    expect(store.getState().sidebarWidth).toBe(SIDEBAR_MIN);
    store.getState().setSidebarWidth(401.6);
    expect(prefs.get(SIDEBAR_KEY)).toBe('402');
    expect(testStore(fakeApi([], []), { prefs }).getState().sidebarWidth).toBe(402);
  });

  it('ignores a remembered width that is not a number', () => {
    const prefs = memoryPrefs();
    prefs.set(SIDEBAR_KEY, 'wide');
    expect(testStore(fakeApi([], []), { prefs }).getState().sidebarWidth).toBe(SIDEBAR_DEFAULT);
  });

  it('opens the drawer on becoming narrow with nothing open, and closes it when a session opens', () => {
    const store = testStore(fakeApi([summary('s1')], []));
    store.getState().setNarrow(true);
    expect(store.getState().drawerOpen).toBe(true);
    store.getState().select('s1');
    expect(store.getState().drawerOpen).toBe(false);
    store.getState().setNarrow(false);
    store.getState().setNarrow(true);
    // Something is open: the transcript stays in view.
    expect(store.getState().drawerOpen).toBe(false);
  });
});
