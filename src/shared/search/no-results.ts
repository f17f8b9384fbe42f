// The answer of a search that found nothing, with an index that is ready: what a stand-in search
// backend gives (the transcript benchmark's, the renderer tests' fake API, the IPC tests').
import type { SearchResults } from '../types';

/** An empty first page of results for `query`. */
export function noResults(query: string): SearchResults {
  return {
    query,
    groups: [],
    total_sessions: 0,
    total_hits: 0,
    capped: false,
    has_more: false,
    page: 0,
    page_size: 20,
    took_ms: 0,
    progress: { state: 'ready', done: 0, total: 0 },
    partial: false,
  };
}
