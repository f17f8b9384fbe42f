// The lines `sessions search` prints under its results.
import type { SearchResults } from '../shared/types';

/** The line under an answer made while the index was still being built: how far it had got. */
export function partialNote(r: SearchResults): string {
  const { done, total } = r.progress;
  const indexed = total > 0 ? ` (${done} of ${total} sessions indexed)` : '';
  return `Indexing… results so far${indexed}; search again for more, or wait for the whole index with --wait`;
}

/** The lines under search results: totals and where this page stands, and whether the index
 * was complete. */
export function searchFooter(r: SearchResults): string {
  const page = r.page + 1;
  const partial = r.partial ? `\n${partialNote(r)}` : '';
  if (r.capped) {
    const next = r.has_more ? `; more with --page ${page + 1}` : '';
    return `more than ${r.total_hits} matches, most recent sessions first; page ${page}${next}${partial}`;
  }
  const pages = Math.ceil(r.total_sessions / r.page_size);
  return `${r.total_sessions} session(s), ${r.total_hits} match(es); page ${page} of ${pages}${partial}`;
}
