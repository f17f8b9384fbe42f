// Search results in the shape the backend sends, for store and component tests.
import type { IndexProgress, SearchGroup, SearchResults } from '../../shared/types';

/** A group for session `id` with one text match in message `message`, `word` marked in it. */
export function searchGroup(
  id: string,
  message = 0,
  word = 'quokka',
  fields: Partial<SearchGroup> = {},
): SearchGroup {
  const snippet = `the ${word} lives here`;
  return {
    id,
    title: `Session ${id}`,
    model: 'claude-sonnet-4',
    vendor: 'anthropic',
    updated_at: '2026-04-10T08:30:00Z',
    hit_count: 1,
    matches: [{ message, field: 'text', snippet, highlights: [[4, 4 + word.length]] }],
    ...fields,
  };
}

/** One page of results: `groups` of `total` sessions in all; `capped` as the backend answers a
 * query with more than `cappedHits` hits (`total` then only says whether more pages follow). */
export function searchResults(
  query: string,
  groups: SearchGroup[],
  options: { page?: number; total?: number; progress?: IndexProgress; cappedHits?: number } = {},
): SearchResults {
  const total = options.total ?? groups.length;
  const before = (options.page ?? 0) * 20;
  const capped = options.cappedHits !== undefined;
  return {
    query,
    groups,
    total_sessions: capped ? before + groups.length : total,
    total_hits: options.cappedHits ?? groups.reduce((n, g) => n + g.hit_count, 0) + (total - groups.length),
    capped,
    has_more: before + groups.length < total,
    page: options.page ?? 0,
    page_size: 20,
    took_ms: 3,
    progress: options.progress ?? { state: 'ready', done: total, total },
    partial: options.progress !== undefined && options.progress.state !== 'ready',
  };
}
