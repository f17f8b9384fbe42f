// The theme slice: follow the system, or force light or dark; remembered between runs.
import type { StateCreator } from 'zustand/vanilla';
import type { AppState, StoreDeps, Theme, ThemeSlice } from './app-state';

const NEXT: Record<Theme, Theme> = { system: 'light', light: 'dark', dark: 'system' };

/** Builds the theme slice. */
export function createThemeSlice(deps: StoreDeps): StateCreator<AppState, [], [], ThemeSlice> {
  return (set, get) => ({
    theme: deps.theme,
    cycleTheme() {
      const theme = NEXT[get().theme];
      deps.saveTheme(theme);
      set({ theme });
    },
  });
}
