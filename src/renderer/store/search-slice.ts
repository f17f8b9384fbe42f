// The search slice: the left pane's search mode. Queries are sent once typing pauses, only the
// newest query's answer is shown (older ones are dropped, and the backend's "cancelled" for a
// superseded query is no error), pages are added with "More results", and the index build's
// progress is kept for the indicator.
import type { StateCreator } from 'zustand/vanilla';
import { errorLine } from '../../shared/api';
import type { SearchResults } from '../../shared/types';
import type { AppState, SearchSlice, SearchState, StoreDeps } from './app-state';

/** Sessions per page of results. */
export const SEARCH_PAGE_SIZE = 20;

/** Pause in typing before a query is sent. */
const DEFAULT_SEARCH_DELAY_MS = 150;

/** The backend's answer for a query a newer one replaced. */
const CANCELLED = 'cancelled';

const EMPTY: SearchState = {
  query: '',
  resultsQuery: '',
  groups: [],
  totalSessions: 0,
  totalHits: 0,
  capped: false,
  hasMore: false,
  tookMs: 0,
  page: 0,
  state: 'idle',
  error: null,
  partial: false,
  sort: 'relevance',
};

/** Builds the search slice. */
export function createSearchSlice(deps: StoreDeps): StateCreator<AppState, [], [], SearchSlice> {
  return (set, get) => {
    // Every request takes a number; an answer is used only if no newer request was made since.
    let request = 0;
    /** True while the newest request is unanswered. */
    let fetching = false;
    /** Counts index updates (each time it became ready again), so results can tell they are old. */
    let indexUpdates = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let progressAsked = false;

    const patch = (change: Partial<SearchState>) => set({ search: { ...get().search, ...change } });

    /** Asks the first page again, without a loading state, when it is what the reader sees. */
    function refreshShown(): void {
      const { resultsQuery, page, state } = get().search;
      if (resultsQuery !== '' && page === 0 && state === 'ready' && !fetching) {
        void fetchPage(resultsQuery, 0, { quiet: true });
      }
    }

    /** Fetches one page. `quiet` keeps the shown results as they are until the answer comes;
     * `retry` is false for the one retry of a request another window's search cancelled. */
    async function fetchPage(
      query: string,
      page: number,
      { quiet = false, retry = true } = {},
    ): Promise<void> {
      const mine = ++request;
      const updatesBefore = indexUpdates;
      fetching = true;
      if (!quiet) patch({ state: 'loading', error: null });
      let results: SearchResults;
      try {
        const sort = get().search.sort;
        results = await deps.api.searchSessions({ query, page, pageSize: SEARCH_PAGE_SIZE, sort });
      } catch (error) {
        if (mine !== request) return;
        fetching = false;
        const line = errorLine(error);
        // Our own newer query cancels at the backend too, but then `mine` is old; this one was
        // cancelled by a search from elsewhere (another window on the same server).
        if (line === CANCELLED && retry) return fetchPage(query, page, { quiet, retry: false });
        // Results of an earlier query would contradict the failure: none are shown.
        patch({ state: 'error', error: line, resultsQuery: query, groups: [], hasMore: false });
        get().showStatus(`Search failed: ${line}`, 'error');
        return;
      }
      if (mine !== request) return;
      fetching = false;
      // A later page adds the sessions not already shown (the index may have moved on meanwhile).
      const shown = page === 0 ? [] : get().search.groups;
      const known = new Set(shown.map((g) => g.id));
      patch({
        resultsQuery: query,
        groups: [...shown, ...results.groups.filter((g) => !known.has(g.id))],
        totalSessions: results.total_sessions,
        totalHits: results.total_hits,
        capped: results.capped,
        hasMore: results.has_more,
        tookMs: results.took_ms,
        page,
        state: 'ready',
        error: null,
        partial: results.partial,
      });
      // The hit bar and the marks in the transcript belong to the query the results answer.
      if (page === 0) get().retargetHits(query);
      // Pushed progress is newer than the answer's (the two travel separately); it is only a
      // fallback for a backend that has pushed none yet.
      if (get().indexProgress === null) set({ indexProgress: results.progress });
      if (indexUpdates !== updatesBefore) refreshShown();
    }

    return {
      searchOpen: false,
      searchFocusRequest: 0,
      search: EMPTY,
      indexProgress: null,

      openSearch() {
        set({ searchOpen: true, searchFocusRequest: get().searchFocusRequest + 1 });
        if (progressAsked) return;
        progressAsked = true;
        deps.api.searchProgress({}).then(
          (progress) => {
            if (get().indexProgress === null) get().setIndexProgress(progress);
          },
          () => {
            // The next search reports the problem in the status line.
          },
        );
      },

      closeSearch() {
        set({ searchOpen: false });
      },

      runSearch() {
        const query = get().view.filter;
        if (query.trim() === '') return;
        get().openSearch();
        clearTimeout(timer);
        patch({ query });
        void fetchPage(query, 0);
      },

      setSearchQuery(query) {
        clearTimeout(timer);
        if (query.trim() === '') {
          request++;
          fetching = false;
          set({ search: { ...EMPTY, query, sort: get().search.sort } });
          return;
        }
        patch({ query });
        timer = setTimeout(() => void fetchPage(query, 0), deps.searchDelayMs ?? DEFAULT_SEARCH_DELAY_MS);
      },

      setSearchSort(sort) {
        if (sort === get().search.sort) return;
        patch({ sort });
        const { query } = get().search;
        if (query.trim() === '') return;
        clearTimeout(timer);
        void fetchPage(query, 0);
      },

      async loadMoreResults() {
        const { resultsQuery, hasMore, page, state } = get().search;
        if (resultsQuery === '' || state === 'loading' || !hasMore) return;
        await fetchPage(resultsQuery, page + 1);
      },

      setIndexProgress(progress) {
        const before = get().indexProgress?.state;
        set({ indexProgress: progress });
        // The index has just been brought up to date (built, or refreshed after sessions
        // changed): the first page is asked again, so results follow the folder. A reader who
        // has moved on to later pages keeps them. An answer still on its way is asked again
        // when it arrives (see fetchPage).
        if (progress.state !== 'ready' || before === undefined || before === 'ready') return;
        indexUpdates++;
        refreshShown();
      },
    };
  };
}
