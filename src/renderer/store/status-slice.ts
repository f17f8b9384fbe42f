// The status slice: one line for confirmations and errors.
import type { StateCreator } from 'zustand/vanilla';
import type { AppState, StatusMessage, StatusSlice } from './app-state';

/** Confirmations disappear after this long; errors stay until something replaces them. */
const CONFIRMATION_MS = 4000;

/** Builds the status slice. */
export const createStatusSlice: StateCreator<AppState, [], [], StatusSlice> = (set) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let seq = 0;
  return {
    status: null,
    showStatus(text, tone = 'info', name, place) {
      clearTimeout(timer);
      const status: StatusMessage = { text, tone, seq: ++seq };
      if (name !== undefined) status.name = name;
      if (place !== undefined) status.place = place;
      set({ status });
      if (tone === 'info') timer = setTimeout(() => set({ status: null }), CONFIRMATION_MS);
    },
    clearStatus() {
      clearTimeout(timer);
      set({ status: null });
    },
  };
};
