// The line `sessions search` prints under its results.
import type { SearchResults } from '../shared/types';

/** The line under search results: totals and where this page stands. */
export function searchFooter(r: SearchResults): string {
  const page = r.page + 1;
  if (r.capped) {
    const next = r.has_more ? `; more with --page ${page + 1}` : '';
    return `more than ${r.total_hits} matches, most recent sessions first; page ${page}${next}`;
  }
  const pages = Math.ceil(r.total_sessions / r.page_size);
  return `${r.total_sessions} session(s), ${r.total_hits} match(es); page ${page} of ${pages}`;
}
