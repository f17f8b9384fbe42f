// The find slice: the find bar's query, case setting and position. Counting happens in the
// transcript pane over the session's data; it reports the count through setFindProgress.
import type { StateCreator } from 'zustand/vanilla';
import type { AppState, FindSlice } from './app-state';

const CLOSED = {
  open: false,
  query: '',
  caseSensitive: false,
  index: 0,
  count: 0,
  done: true,
  focusRequest: 0,
};

/** Builds the find slice. */
export const createFindSlice: StateCreator<AppState, [], [], FindSlice> = (set, get) => ({
  find: CLOSED,
  openFind: () => set({ find: { ...get().find, open: true, focusRequest: get().find.focusRequest + 1 } }),
  closeFind: () =>
    set({
      find: { ...CLOSED, caseSensitive: get().find.caseSensitive, focusRequest: get().find.focusRequest },
    }),
  setFindQuery: (query) => set({ find: { ...get().find, query, index: 0, count: 0, done: query === '' } }),
  toggleFindCase: () =>
    set({
      find: { ...get().find, caseSensitive: !get().find.caseSensitive, index: 0, count: 0, done: false },
    }),
  setFindProgress(count, done) {
    const find = get().find;
    set({ find: { ...find, count, done, index: count === 0 ? 0 : Math.min(find.index, count - 1) } });
  },
  findNext() {
    const find = get().find;
    if (find.count > 0) set({ find: { ...find, index: (find.index + 1) % find.count } });
  },
  findPrev() {
    const find = get().find;
    if (find.count > 0) set({ find: { ...find, index: (find.index - 1 + find.count) % find.count } });
  },
});
