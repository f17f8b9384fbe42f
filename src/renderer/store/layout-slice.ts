// The layout slice: the sidebar's width (dragged or keyed, remembered), whether the window is
// narrow enough for the sidebar to become a drawer, whether that drawer is open, and the
// shortcuts overlay.
import type { StateCreator } from 'zustand/vanilla';
import type { AppState, LayoutSlice, StoreDeps } from './app-state';

/** Sidebar width bounds and the width a fresh window starts with, in CSS pixels. */
export const SIDEBAR_MIN = 240;
export const SIDEBAR_MAX = 640;
export const SIDEBAR_DEFAULT = 360;
/** The key the width is remembered under. */
export const SIDEBAR_KEY = 'transcripts.sidebarWidth';

/** `width` kept within the bounds (whole pixels); the default for anything not a number. */
export function clampSidebar(width: number): number {
  if (!Number.isFinite(width)) return SIDEBAR_DEFAULT;
  return Math.round(Math.min(SIDEBAR_MAX, Math.max(SIDEBAR_MIN, width)));
}

/** Builds the layout slice. */
export function createLayoutSlice(deps: StoreDeps): StateCreator<AppState, [], [], LayoutSlice> {
  return (set, get) => {
    const saved = deps.prefs.get(SIDEBAR_KEY);
    return {
      sidebarWidth: saved === null ? SIDEBAR_DEFAULT : clampSidebar(Number(saved)),
      narrow: false,
      drawerOpen: false,
      setSidebarWidth(width) {
        const sidebarWidth = clampSidebar(width);
        if (sidebarWidth === get().sidebarWidth) return;
        set({ sidebarWidth });
        deps.prefs.set(SIDEBAR_KEY, String(sidebarWidth));
      },
      setNarrow(narrow) {
        if (narrow === get().narrow) return;
        // Becoming narrow with nothing open shows the list: there is nothing else to see.
        set({ narrow, drawerOpen: narrow && get().selectedId === null });
      },
      openDrawer: () => set({ drawerOpen: true }),
      closeDrawer: () => set({ drawerOpen: false }),
      transcriptFocusRequest: 0,
      requestTranscriptFocus: () => set({ transcriptFocusRequest: get().transcriptFocusRequest + 1 }),
      shortcutsOpen: false,
      openShortcuts: () => set({ shortcutsOpen: true }),
      closeShortcuts: () => set({ shortcutsOpen: false }),
    };
  };
}
