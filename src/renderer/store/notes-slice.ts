// The notes slice: what the reader adds to sessions (stars, tags, notes, display names), kept by
// the backend in the app's data folder, and the sessions opened recently (kept in this window's
// preferences).
import type { StateCreator } from 'zustand/vanilla';
import { errorLine } from '../../shared/api';
import type { AnnotationPatch } from '../../shared/annotation';
import { applyListView } from '../model/list-view';
import type { AppState, NotesSlice, StoreDeps } from './app-state';

/** How many recently opened sessions are kept, and shown. */
export const RECENT_KEPT = 20;
export const RECENT_SHOWN = 5;
/** Where the recent sessions and the group's folding are remembered. */
export const RECENT_KEY = 'transcripts.recent';
export const RECENT_FOLDED_KEY = 'transcripts.recentFolded';

function savedRecent(text: string | null): string[] {
  try {
    const parsed: unknown = JSON.parse(text ?? '[]');
    return Array.isArray(parsed)
      ? parsed.filter((id): id is string => typeof id === 'string').slice(0, RECENT_KEPT)
      : [];
  } catch {
    return [];
  }
}

/** Builds the notes slice. */
export function createNotesSlice(deps: StoreDeps): StateCreator<AppState, [], [], NotesSlice> {
  return (set, get) => {
    /** The list shown again with the new annotations (filters and sort may use them). */
    const refilter = () =>
      set({ visible: applyListView(get().sessions, get().view, deps.now(), get().annotations) });

    return {
      annotations: {},
      editingNotes: false,
      recent: savedRecent(deps.prefs.get(RECENT_KEY)),
      recentFolded: deps.prefs.get(RECENT_FOLDED_KEY) === 'true',

      async loadAnnotations() {
        try {
          set({ annotations: await deps.api.listAnnotations({}) });
          refilter();
        } catch (error) {
          get().showStatus(`Stars and tags could not be read: ${errorLine(error)}`, 'error');
        }
      },

      async annotate(id, patch: AnnotationPatch) {
        try {
          const next = await deps.api.setAnnotation({ id, ...patch });
          const annotations = { ...get().annotations };
          if (next === null) delete annotations[id];
          else annotations[id] = next;
          set({ annotations });
          refilter();
          return true;
        } catch (error) {
          get().showStatus(`Could not save: ${errorLine(error)}`, 'error');
          return false;
        }
      },

      async toggleStar(id) {
        const target = id ?? get().selectedId;
        if (target === null) return;
        const starred = get().annotations[target]?.starred === true;
        if (await get().annotate(target, { starred: !starred })) {
          get().showStatus(starred ? 'Star removed' : 'Starred', 'info', undefined, 'star');
        }
      },

      openNotesEditor: () => set({ editingNotes: get().selectedId !== null }),
      closeNotesEditor: () => set({ editingNotes: false }),

      noteOpened(id) {
        const recent = [id, ...get().recent.filter((r) => r !== id)].slice(0, RECENT_KEPT);
        set({ recent });
        deps.prefs.set(RECENT_KEY, JSON.stringify(recent));
      },

      setRecentFolded(folded) {
        set({ recentFolded: folded });
        deps.prefs.set(RECENT_FOLDED_KEY, folded ? 'true' : null);
      },
    };
  };
}
