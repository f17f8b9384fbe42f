// The words the search pane shows for index progress and result counts.
import type { IndexProgress } from '../../../shared/types';
import type { SearchState } from '../../store/app-state';
import { countText } from '../../../shared/count-text';

const plural = (n: number, one: string, many: string) => `${countText(n)} ${n === 1 ? one : many}`;

/** "Indexing 1,234 / 10,000 sessions" (with results shown over what is indexed so far:
 * "Indexing… results so far (1,234 / 10,000 sessions)"), an index error, or null once the index
 * is ready. */
export function progressLabel(progress: IndexProgress | null, partialResults = false): string | null {
  if (progress === null || progress.state === 'ready') return null;
  if (progress.state === 'error') return `Search index failed: ${progress.error ?? 'unknown error'}`;
  const sessions =
    progress.total === 0 ? '' : `${countText(progress.done)} / ${countText(progress.total)} sessions`;
  if (partialResults) return `Indexing… results so far${sessions && ` (${sessions})`}`;
  return sessions ? `Indexing ${sessions}` : 'Indexing sessions…';
}

/** "12 matches in 3 sessions", "More than 20,000 matches, newest first", "No matches", or ''
 * while there is nothing to count yet. */
export function resultCountLabel(search: SearchState): string {
  if (search.state === 'error') return `Search failed: ${search.error ?? 'unknown error'}`;
  if (search.resultsQuery === '') return search.state === 'loading' ? 'Searching…' : '';
  const soFar = search.partial ? ' so far' : '';
  if (search.totalSessions === 0) return `No matches${soFar}`;
  if (search.capped) return `More than ${plural(search.totalHits, 'match', 'matches')}${soFar}, newest first`;
  return `${plural(search.totalHits, 'match', 'matches')} in ${plural(search.totalSessions, 'session', 'sessions')}${soFar}`;
}
