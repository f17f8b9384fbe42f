// The session slice: which session is open, its transcript, and copy / save / delete on it.
import type { StateCreator } from 'zustand/vanilla';
import { errorLine } from '../../shared/api';
import type { Transcript } from '../../shared/types';
import { applyListView } from '../features/session-list/list-view';
import type { AppState, SessionSlice, StoreDeps } from './app-state';
import { syncOpenRow } from './open-row';

/** Keyboard selection waits this long before loading, so holding an arrow key stays smooth. */
const DEFAULT_SELECT_DELAY_MS = 120;

/** Builds the session slice. */
export function createSessionSlice(deps: StoreDeps): StateCreator<AppState, [], [], SessionSlice> {
  return (set, get) => {
    // Only the newest request may set the transcript: answers can arrive out of order.
    let request = 0;
    let pendingOpen: ReturnType<typeof setTimeout> | undefined;
    let pendingId: string | null = null;

    const titleOf = (id: string) => {
      const open = get().transcript?.session;
      return open?.id === id ? open.title : (get().sessions.find((s) => s.id === id)?.title ?? id);
    };

    // The list row of the open session shows what its transcript holds.
    const showTranscript = (transcript: Transcript) => {
      set({ transcript, transcriptState: 'ready', transcriptError: null });
      get().noteOpened(transcript.session.id);
      const rows = syncOpenRow(get(), deps.now());
      if (rows) set(rows);
    };

    async function open(id: string) {
      const mine = ++request;
      try {
        const transcript = await deps.api.openTranscript({ id });
        if (mine !== request) return;
        showTranscript(transcript);
        // Following starts after the read: a change in between is caught by the list's change
        // notification (see openSessionChanged), and the page is readable sooner.
        void get().follow(id);
      } catch (error) {
        if (mine !== request) return;
        set({ transcriptState: 'error', transcriptError: errorLine(error) });
        get().showStatus(errorLine(error), 'error');
      }
    }

    function choose(id: string, delayMs: number) {
      clearTimeout(pendingOpen);
      pendingId = null;
      request++;
      set({
        selectedId: id,
        transcript: null,
        transcriptState: 'loading',
        transcriptError: null,
        confirmingDelete: false,
        find: { ...get().find, index: 0, count: 0 },
        hits: null,
      });
      if (delayMs <= 0) {
        void open(id);
        return;
      }
      pendingId = id;
      pendingOpen = setTimeout(() => {
        pendingId = null;
        void open(id);
      }, delayMs);
    }

    return {
      selectedId: null,
      transcript: null,
      transcriptState: 'idle',
      transcriptError: null,
      confirmingDelete: false,
      undoable: null,

      select(id, options) {
        // Opening a session shows it: a drawer over it closes.
        if (get().drawerOpen) set({ drawerOpen: false });
        // And the Usage view gives way to it.
        if (get().usage.open) get().closeUsage();
        if (!options?.fromHistory) get().recordVisit(id, false);
        if (id === get().selectedId && get().transcriptState !== 'error') return;
        choose(id, 0);
      },

      async reloadTranscript() {
        const id = get().selectedId;
        if (id === null) return;
        const mine = ++request;
        try {
          const transcript = await deps.api.openTranscript({ id });
          if (mine === request) showTranscript(transcript);
        } catch {
          // The open copy stays on screen; the list refresh already reported any folder problem.
        }
      },

      moveSelection(delta) {
        const rows = get().visible;
        if (rows.length === 0) return;
        const at = rows.findIndex((s) => s.id === get().selectedId);
        const next =
          at < 0 ? (delta > 0 ? 0 : rows.length - 1) : Math.min(rows.length - 1, Math.max(0, at + delta));
        const id = rows[next]!.id;
        if (id === get().selectedId) return;
        get().recordVisit(id, true);
        choose(id, deps.selectDelayMs ?? DEFAULT_SELECT_DELAY_MS);
      },

      openSelected() {
        if (get().drawerOpen) set({ drawerOpen: false });
        const id = get().selectedId;
        if (id === null) {
          const first = get().visible[0];
          if (first) {
            get().recordVisit(first.id, false);
            choose(first.id, 0);
          }
        } else if (pendingId === id) {
          clearTimeout(pendingOpen);
          pendingId = null;
          void open(id);
        }
      },

      startDrag(event, id) {
        deps.api.startDrag(event, id, titleOf(id));
      },

      requestDelete() {
        if (get().selectedId !== null) set({ confirmingDelete: true });
      },
      cancelDelete: () => set({ confirmingDelete: false }),

      async confirmDelete() {
        const id = get().selectedId;
        set({ confirmingDelete: false });
        if (id === null) return;
        const title = titleOf(id);
        let undo: string;
        try {
          ({ undo } = await deps.api.deleteSession({ id }));
        } catch (error) {
          get().showStatus(`Could not delete: ${errorLine(error)}`, 'error');
          return;
        }
        // The neighbour below (or above, at the end) takes the deleted row's place.
        const rows = get().visible;
        const at = rows.findIndex((s) => s.id === id);
        const neighbour = rows[at + 1] ?? rows[at - 1];
        const sessions = get().sessions.filter((s) => s.id !== id);
        request++;
        set({
          sessions,
          visible: applyListView(sessions, get().view, deps.now(), get().annotations),
          selectedId: null,
          transcript: null,
          transcriptState: 'idle',
          transcriptError: null,
        });
        if (neighbour && neighbour.id !== id) {
          get().recordVisit(neighbour.id, false);
          choose(neighbour.id, 0);
        } else void get().follow(null);
        set({ undoable: { undo, id, title, seq: (get().undoable?.seq ?? 0) + 1 } });
      },

      async undoDelete() {
        const undoable = get().undoable;
        if (!undoable) return;
        set({ undoable: null });
        try {
          const { id } = await deps.api.restoreSession({ undo: undoable.undo });
          await get().loadList();
          get().select(id);
          get().showStatus('Put back', 'info', undoable.title, 'delete');
        } catch (error) {
          get().showStatus(`Could not put it back: ${errorLine(error)}`, 'error');
        }
      },

      dismissUndo: () => set({ undoable: null }),

      async copyMarkdown() {
        const id = get().selectedId;
        if (id === null) return;
        try {
          await deps.writeClipboard(await deps.api.exportSession({ id }));
          get().showStatus('Copied', 'info', undefined, 'copy');
        } catch (error) {
          get().showStatus(`Could not copy: ${errorLine(error)}`, 'error');
        }
      },

      async saveMarkdown() {
        const id = get().selectedId;
        if (id !== null) get().openExport([id]);
      },
    };
  };
}
