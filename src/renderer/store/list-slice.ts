// The list slice: loading the folder's sessions and the filter, sort, chip and date-range view.
import type { StateCreator } from 'zustand/vanilla';
import { errorLine } from '../../shared/api';
import { DEFAULT_VIEW, applyListView, type ListView } from '../features/session-list/list-view';
import type { AppState, ListSlice, StoreDeps } from './app-state';
import { syncOpenRow } from './open-row';

/** Builds the list slice. */
export function createListSlice(deps: StoreDeps): StateCreator<AppState, [], [], ListSlice> {
  return (set, get) => {
    const setView = (change: Partial<ListView>) => {
      const view = { ...get().view, ...change };
      set({ view, visible: applyListView(get().sessions, view, deps.now()) });
    };

    let inflight: Promise<void> | null = null;
    /** A change was announced while a load was running: that load may have read the folder
     * before it, so one more follows. */
    let again = false;

    async function load() {
      if (get().listState !== 'ready') set({ listState: 'loading' });
      const mark = get().appendMark();
      try {
        const [info, { sessions, unreadable }] = await Promise.all([
          deps.api.storeInfo({}),
          deps.api.listSessions({}),
        ]);
        const previous = get().sessions.find((s) => s.id === get().selectedId);
        set({
          info,
          sessions,
          unreadable,
          listState: 'ready',
          listError: null,
          visible: applyListView(sessions, get().view, deps.now()),
        });
        const rows = syncOpenRow(get(), deps.now());
        if (rows) set(rows);
        // The open session's file changed on disk: show its new state without closing it. Only
        // the size is compared: the other fields of its row may come from the open transcript.
        const current = sessions.find((s) => s.id === get().selectedId);
        if (previous !== undefined && current !== undefined && previous.size !== current.size) {
          await get().openSessionChanged(mark);
        }
      } catch (error) {
        set({ listState: 'error', listError: errorLine(error) });
        get().showStatus(errorLine(error), 'error');
      }
    }

    return {
      mode: deps.api.mode,
      info: null,
      sessions: [],
      unreadable: 0,
      listState: 'idle',
      listError: null,
      view: DEFAULT_VIEW,
      visible: [],

      loadList() {
        // Change notifications arrive in bursts: the running load plus at most one more serve them all.
        if (inflight) {
          again = true;
          return inflight;
        }
        inflight = (async () => {
          do {
            again = false;
            await load();
          } while (again);
        })().finally(() => {
          inflight = null;
        });
        return inflight;
      },
      setFilter: (filter) => setView({ filter }),
      setSort: (sort) => setView({ sort }),
      toggleChip(field, value) {
        const on = get().view[field];
        setView({ [field]: on.includes(value) ? on.filter((v) => v !== value) : [...on, value] });
      },
      setDateRange: (dateRange) => setView({ dateRange }),
      setPeriod: (period) => setView({ period }),
      clearFilter() {
        const { filter, vendors, models, dateRange, period } = get().view;
        if (filter !== '') setView({ filter: '' });
        else if (vendors.length > 0 || models.length > 0 || dateRange !== 'any' || period !== null) {
          setView({ vendors: [], models: [], dateRange: 'any', period: null });
        } else return false;
        return true;
      },

      async chooseFolder() {
        if (!deps.api.chooseFolder) return;
        try {
          await deps.api.chooseFolder();
        } catch (error) {
          get().showStatus(errorLine(error), 'error');
        }
      },
    };
  };
}
