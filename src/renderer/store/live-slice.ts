// The live slice: following the open session, so messages written to it appear as they arrive.
// The follow says how many messages the page has, so those written while it loaded arrive first.
// The list's change notifications are the safety net: a change that no append explains (a stream
// that was down) reloads the transcript.
import type { StateCreator } from 'zustand/vanilla';
import type { AppState, LiveSlice, StoreDeps } from './app-state';
import { syncOpenRow } from './open-row';

/** Appends normally arrive within milliseconds of the change the list hears about. */
const DEFAULT_APPEND_GRACE_MS = 1500;

/** Builds the live slice. */
export function createLiveSlice(deps: StoreDeps): StateCreator<AppState, [], [], LiveSlice> {
  return (set, get) => {
    let followRequest = 0;
    /** Appends applied to the open session so far. */
    let appends = 0;
    let graceTimer: ReturnType<typeof setTimeout> | undefined;
    /** The session a follow is being set up for. */
    let pendingFollow: string | null = null;

    const isOpen = (id: string) => get().selectedId === id && get().transcript?.id === id;

    return {
      followingId: null,

      async follow(id) {
        const mine = ++followRequest;
        set({ followingId: null });
        pendingFollow = id;
        const open = get().transcript;
        const known = id !== null && open?.id === id ? open.total : undefined;
        const following = await deps.api.followSession(id, known);
        if (mine !== followRequest) return;
        pendingFollow = null;
        if (following && id !== null && get().selectedId === id) set({ followingId: id });
      },

      applyAppended(appended) {
        const transcript = get().transcript;
        if (!transcript || !isOpen(appended.id)) return;
        appends++;
        if (!transcript.applyAppended(appended)) {
          void get().reloadTranscript();
          return;
        }
        const rows = syncOpenRow(get(), deps.now());
        if (rows) set(rows);
      },

      appendMark: () => appends,

      async openSessionChanged(mark) {
        const id = get().selectedId;
        if (id === null || get().transcriptState !== 'ready') return;
        if (get().followingId !== id) {
          // A follow being set up sends what was written since the page's count (reloading now
          // would restart it and, with changes still arriving, never let it finish).
          if (pendingFollow === id) return;
          await get().reloadTranscript();
          return;
        }
        if (appends !== mark) return;
        clearTimeout(graceTimer);
        graceTimer = setTimeout(() => {
          if (appends === mark && get().followingId === id && isOpen(id)) void get().reloadTranscript();
        }, deps.appendGraceMs ?? DEFAULT_APPEND_GRACE_MS);
      },
    };
  };
}
