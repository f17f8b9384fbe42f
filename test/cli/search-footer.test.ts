import { describe, expect, it } from 'vitest';
import { searchFooter } from '../../src/cli/search-footer';
import type { SearchResults } from '../../src/shared/types';

const results = (fields: Partial<SearchResults>): SearchResults => ({
  query: 'q',
  groups: [],
  total_sessions: 45,
  total_hits: 120,
  capped: false,
  has_more: true,
  page: 1,
  page_size: 20,
  took_ms: 1,
  progress: { state: 'ready', done: 1, total: 1 },
  partial: false,
  ...fields,
});

describe('the search footer', () => {
  it('gives the totals and the page count of a ranked answer', () => {
    expect(searchFooter(results({}))).toBe('45 session(s), 120 match(es); page 2 of 3');
  });

  it('says a capped answer has more than the cap, newest first, and how to get the next page', () => {
    const capped = results({ capped: true, total_hits: 20_000, total_sessions: 40 });
    expect(searchFooter(capped)).toBe(
      'more than 20000 matches, most recent sessions first; page 2; more with --page 3',
    );
    expect(searchFooter({ ...capped, has_more: false })).toBe(
      'more than 20000 matches, most recent sessions first; page 2',
    );
  });

  it('says an answer made while the index builds is the results so far, and how far it got', () => {
    const building = results({ partial: true, progress: { state: 'indexing', done: 1234, total: 10000 } });
    expect(searchFooter(building)).toBe(
      '45 session(s), 120 match(es); page 2 of 3\n' +
        'Indexing… results so far (1234 of 10000 sessions indexed); search again for more, or wait for the whole index with --wait',
    );
    expect(searchFooter({ ...building, capped: true, has_more: false })).toBe(
      'more than 120 matches, most recent sessions first; page 2\n' +
        'Indexing… results so far (1234 of 10000 sessions indexed); search again for more, or wait for the whole index with --wait',
    );
  });
});
