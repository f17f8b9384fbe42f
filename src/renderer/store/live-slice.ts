// The live slice: following the open session, so messages written to it appear as they arrive.
// The follow says how many messages the page has, so those written while it loaded arrive first.
// The list's change notifications are the safety net: a change that no append explains (a stream
// that was down) reloads the transcript.
import type { StateCreator } from 'zustand/vanilla';
import type { AppState, LiveSlice, StoreDeps } from './app-state';
import { syncOpenRow } from './open-row';
import { onChangeSeen, type OpenEvent } from '../model/open-session';
import { stepOpenSession } from './open-session-step';

/** Appends normally arrive within milliseconds of the change the list hears about. */
const DEFAULT_APPEND_GRACE_MS = 1500;

/** Builds the live slice. */
export function createLiveSlice(deps: StoreDeps): StateCreator<AppState, [], [], LiveSlice> {
  return (set, get) => {
    const step = (event: OpenEvent) => stepOpenSession(get, set, event);
    /** The grace time's timer (its decision in the reducer: onChangeSeen's `grace`). */
    let graceTimer: ReturnType<typeof setTimeout> | undefined;

    const isOpen = (id: string) => get().selectedId === id && get().transcript?.id === id;

    return {
      followingId: null,

      async follow(id) {
        const mine = step({ type: 'follow', id }).followRequest;
        set({ followingId: null });
        const open = get().transcript;
        const known = id !== null && open?.id === id ? open.total : undefined;
        const following = await deps.api.followSession(id, known);
        if (mine !== get().openSession.followRequest) return;
        step({ type: 'followed' });
        if (following && id !== null && get().selectedId === id) set({ followingId: id });
      },

      applyAppended(appended) {
        const transcript = get().transcript;
        if (!transcript || !isOpen(appended.id)) return;
        step({ type: 'appended' });
        if (!transcript.applyAppended(appended)) {
          void get().reloadTranscript();
          return;
        }
        const rows = syncOpenRow(get(), deps.now());
        if (rows) set(rows);
      },

      appendMark: () => get().openSession.appends,

      async openSessionChanged(mark) {
        const { selectedId: id, followingId } = get();
        const ready = get().transcriptState === 'ready';
        // A follow being set up sends what was written since the page's count (reloading then
        // would restart it and, with changes still arriving, never let it finish).
        const action = onChangeSeen(get().openSession, { selectedId: id, ready, followingId, mark });
        if (action === 'reload') return get().reloadTranscript();
        if (action === 'nothing' || id === null) return;
        clearTimeout(graceTimer);
        graceTimer = setTimeout(() => {
          const still = get().openSession.appends === mark && get().followingId === id && isOpen(id);
          if (still) void get().reloadTranscript();
        }, deps.appendGraceMs ?? DEFAULT_APPEND_GRACE_MS);
      },
    };
  };
}
