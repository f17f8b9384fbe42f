// Keeps a search index in step with the folder: refreshed once a run of changes pauses, so the
// refresh (which re-checks every file) never holds up a viewer's own update.
import type { SearchHandle } from '../search/search-handle';
import { Debouncer, SEARCH_MAX_WAIT_MS, SEARCH_QUIET_MS } from './debouncer';
import type { LiveStore } from './live-store';

/** Refreshes `search` after changes in `live`; returns the function that stops doing so. */
export function refreshSearchOnChanges(
  live: Pick<LiveStore, 'onSessionsChanged'>,
  search: Pick<SearchHandle, 'refresh'>,
  quietMs = SEARCH_QUIET_MS,
  maxWaitMs = SEARCH_MAX_WAIT_MS,
): () => void {
  const pending = new Debouncer<true>(() => void search.refresh(), quietMs, maxWaitMs);
  const unsubscribe = live.onSessionsChanged(() => pending.add(true));
  return () => {
    unsubscribe();
    pending.cancel();
  };
}
