// The delete slice: deleting the open session into the app's trash (after a confirmation), the
// neighbour opening in its place, and Undo putting it back.
import type { StateCreator } from 'zustand/vanilla';
import { errorLine } from '../../shared/api';
import { isReadOnly } from '../../shared/sources';
import { applyListView } from '../model/list-view';
import type { AppState, DeleteSlice, StoreDeps } from './app-state';
import { stepOpenSession } from './open-session-step';
import { titleOf } from './session-title';

/** Builds the delete slice. */
export function createDeleteSlice(deps: StoreDeps): StateCreator<AppState, [], [], DeleteSlice> {
  return (set, get) => ({
    confirmingDelete: false,
    undoable: null,

    requestDelete() {
      const id = get().selectedId;
      if (id === null) return;
      // Another agent's session is read-only: there is nothing to confirm.
      const open = get().transcript;
      const session = open?.session.id === id ? open.session : get().sessions.find((s) => s.id === id);
      if (isReadOnly(session)) return;
      set({ confirmingDelete: true });
    },
    cancelDelete: () => set({ confirmingDelete: false }),

    async confirmDelete() {
      const id = get().selectedId;
      set({ confirmingDelete: false });
      if (id === null) return;
      const title = titleOf(get(), id);
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
      stepOpenSession(get, set, { type: 'request' });
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
        get().openNow(neighbour.id);
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
  });
}
