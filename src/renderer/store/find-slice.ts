// The find slice: the find bar's query and position. Counting happens in the transcript pane,
// which owns the rendered text; it reports the count through setFindCount.
import type { StateCreator } from 'zustand/vanilla';
import type { AppState, FindSlice } from './app-state';

const CLOSED = { open: false, query: '', index: 0, count: 0, focusRequest: 0 };

/** Builds the find slice. */
export const createFindSlice: StateCreator<AppState, [], [], FindSlice> = (set, get) => ({
  find: CLOSED,
  openFind: () => set({ find: { ...get().find, open: true, focusRequest: get().find.focusRequest + 1 } }),
  closeFind: () => set({ find: { ...CLOSED, focusRequest: get().find.focusRequest } }),
  setFindQuery: (query) => set({ find: { ...get().find, query, index: 0, count: 0 } }),
  setFindCount(count) {
    const find = get().find;
    set({ find: { ...find, count, index: count === 0 ? 0 : Math.min(find.index, count - 1) } });
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
