// The list slice: loading the folder's sessions and the view over them: the one box's text (which
// also offers a full-text search), sort, facet menus and date range.
import type { StateCreator } from 'zustand/vanilla';
import { errorLine } from '../../shared/api';
import { DEFAULT_VIEW, FACETS, applyListView, hasChosen, type ListView } from '../model/list-view';
import type { AppState, ListSlice, StoreDeps } from './app-state';
import { syncOpenRow } from './open-row';

/** Builds the list slice. */
export function createListSlice(deps: StoreDeps): StateCreator<AppState, [], [], ListSlice> {
  return (set, get) => {
    const setView = (change: Partial<ListView>) => {
      const view = { ...get().view, ...change };
      set({ view, visible: applyListView(get().sessions, view, deps.now(), get().annotations) });
    };

    let inflight: Promise<void> | null = null;
    /** A change was announced while a load was running: that load may have read the folder
     * before it, so one more follows. */
    let again = false;

    async function load() {
      if (get().listState !== 'ready') set({ listState: 'loading' });
      const mark = get().appendMark();
      try {
        // Stars and tags are asked alongside; the list does not wait for them.
        void get().loadAnnotations();
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
          visible: applyListView(sessions, get().view, deps.now(), get().annotations),
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
      now: () => deps.now(),
      offerActive: false,
      setFilter(filter) {
        setView({ filter });
        set({ offerActive: filter.trim() !== '' });
        // Showing results, the box is their query: emptying it is going back to the list.
        if (!get().searchOpen) return;
        if (filter.trim() === '') get().closeSearch();
        else get().setSearchQuery(filter);
      },
      setOfferActive: (offerActive) => set({ offerActive: offerActive && get().view.filter.trim() !== '' }),
      setSort: (sort) => setView({ sort }),
      toggleChip(field, value) {
        const on = get().view[field];
        setView({ [field]: on.includes(value) ? on.filter((v) => v !== value) : [...on, value] });
      },
      setDateRange: (dateRange) => setView({ dateRange }),
      setPeriod: (period) => setView({ period }),
      setStarredOnly: (starred) => setView({ starred }),
      toggleTag(tag) {
        const on = get().view.tags;
        const key = tag.toLowerCase();
        const has = on.some((t) => t.toLowerCase() === key);
        setView({ tags: has ? on.filter((t) => t.toLowerCase() !== key) : [...on, tag] });
      },
      clearChosen() {
        setView({
          ...Object.fromEntries(FACETS.map((f) => [f, []])),
          dateRange: 'any',
          starred: false,
          tags: [],
          period: null,
        });
      },
      clearFilter() {
        const { filter } = get().view;
        if (filter !== '') get().setFilter('');
        else if (hasChosen(get().view)) get().clearChosen();
        else return false;
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
