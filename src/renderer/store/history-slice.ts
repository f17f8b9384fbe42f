// The history slice: the sessions opened in this window, in order, to go back and forward through
// (Alt+Left / Alt+Right, Cmd+[ / Cmd+] on macOS). Browsing the list with the arrow keys keeps
// replacing one entry, so going back skips the rows passed over on the way.
import type { StateCreator } from 'zustand/vanilla';
import type { AppState, HistorySlice } from './app-state';

/** How many opened sessions are remembered. */
const MAX_VISITS = 100;

/** Builds the history slice. */
export const createHistorySlice: StateCreator<AppState, [], [], HistorySlice> = (set, get) => {
  /** Whether the newest entry was made by arrow-key browsing (the next browse replaces it). */
  let browsing = false;

  const go = (step: 1 | -1) => {
    const { visits, sessions } = get();
    let at = get().visitAt + step;
    // A session deleted since is passed over.
    while (at >= 0 && at < visits.length && !sessions.some((s) => s.id === visits[at])) at += step;
    if (at < 0 || at >= visits.length) return;
    browsing = false;
    set({ visitAt: at });
    get().select(visits[at]!, { fromHistory: true });
  };

  return {
    visits: [],
    visitAt: -1,
    recordVisit(id, browse) {
      const { visits, visitAt } = get();
      if (visits[visitAt] === id) {
        browsing &&= browse;
        return;
      }
      // Going somewhere new from a step back drops the steps ahead, as a browser does.
      const kept = visits.slice(0, visitAt + 1);
      if (browse && browsing && kept.length > 0) kept.pop();
      kept.push(id);
      browsing = browse;
      const trimmed = kept.slice(-MAX_VISITS);
      set({ visits: trimmed, visitAt: trimmed.length - 1 });
    },
    goBack: () => go(-1),
    goForward: () => go(1),
  };
};
