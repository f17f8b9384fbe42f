import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SearchResults } from '../../shared/types';
import { fakeApi, type FakeApi } from '../test-support/fake-api';
import { searchGroup, searchResults } from '../test-support/search-results';
import { summary } from '../test-support/transcripts';
import { testStore } from '../test-support/test-store';
import type { AppStore } from './app-store';
import { SEARCH_PAGE_SIZE } from './search-slice';

let api: FakeApi;
let store: AppStore;
let asked: { query: string; page?: number; pageSize?: number; sort?: string }[];

beforeEach(() => {
  vi.useFakeTimers();
  api = fakeApi([summary('s1')], []);
  asked = [];
  store = testStore(api, { searchDelayMs: 150 });
});

afterEach(() => {
  vi.useRealTimers();
});

const state = () => store.getState();

/** Answers each search through a promise the test settles. */
function deferredSearch() {
  const pending = new Map<string, { resolve(r: SearchResults): void; reject(e: Error): void }>();
  api.searchSessions = (request) => {
    asked.push(request);
    return new Promise((resolve, reject) =>
      pending.set(`${request.query}#${request.page ?? 0}`, { resolve, reject }),
    );
  };
  return pending;
}

describe('search queries', () => {
  it('sends a query once typing pauses', async () => {
    deferredSearch();
    state().setSearchQuery('q');
    state().setSearchQuery('qu');
    await vi.advanceTimersByTimeAsync(100);
    state().setSearchQuery('quo');
    await vi.advanceTimersByTimeAsync(149);
    expect(asked).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(asked).toEqual([{ query: 'quo', page: 0, pageSize: SEARCH_PAGE_SIZE, sort: 'relevance' }]);
    expect(state().search).toMatchObject({ query: 'quo', state: 'loading' });
  });

  it('drops an answer to an older query that arrives after a newer one', async () => {
    const pending = deferredSearch();
    state().setSearchQuery('old');
    await vi.advanceTimersByTimeAsync(150);
    state().setSearchQuery('new');
    await vi.advanceTimersByTimeAsync(150);
    pending.get('new#0')!.resolve(searchResults('new', [searchGroup('s-new')]));
    await vi.advanceTimersByTimeAsync(0);
    pending.get('old#0')!.resolve(searchResults('old', [searchGroup('s-old')]));
    await vi.advanceTimersByTimeAsync(0);
    expect(state().search).toMatchObject({ resultsQuery: 'new', state: 'ready' });
    expect(state().search.groups.map((g) => g.id)).toEqual(['s-new']);
  });

  it('takes the backend cancelling a superseded query as no error', async () => {
    const pending = deferredSearch();
    state().setSearchQuery('one');
    await vi.advanceTimersByTimeAsync(150);
    state().setSearchQuery('two');
    await vi.advanceTimersByTimeAsync(150);
    pending.get('one#0')!.reject(new Error('cancelled'));
    pending.get('two#0')!.resolve(searchResults('two', [searchGroup('s2')]));
    await vi.advanceTimersByTimeAsync(0);
    expect(state().search).toMatchObject({ resultsQuery: 'two', state: 'ready', error: null });
    expect(state().status).toBeNull();
  });

  it('asks once more when a search from elsewhere cancelled the newest query', async () => {
    let calls = 0;
    api.searchSessions = async ({ query }) => {
      calls++;
      if (calls === 1) throw new Error('cancelled');
      return searchResults(query, [searchGroup('s1')]);
    };
    state().setSearchQuery('quokka');
    await vi.advanceTimersByTimeAsync(150);
    expect(calls).toBe(2);
    expect(state().search).toMatchObject({ resultsQuery: 'quokka', state: 'ready' });
  });

  it('reports a failed search in one line in the status line', async () => {
    api.searchSessions = async () => {
      throw new Error('database disk image is malformed\n    at stack');
    };
    state().setSearchQuery('x');
    await vi.advanceTimersByTimeAsync(150);
    expect(state().search).toMatchObject({
      state: 'error',
      error: 'database disk image is malformed',
      resultsQuery: 'x',
      groups: [],
    });
    expect(state().status).toMatchObject({
      text: 'Search failed: database disk image is malformed',
      tone: 'error',
    });
  });

  it('clears the results, and forgets a query in flight, when the field is emptied', async () => {
    const pending = deferredSearch();
    state().setSearchQuery('gone');
    await vi.advanceTimersByTimeAsync(150);
    state().setSearchQuery('');
    pending.get('gone#0')!.resolve(searchResults('gone', [searchGroup('s1')]));
    await vi.advanceTimersByTimeAsync(200);
    expect(state().search).toMatchObject({ query: '', resultsQuery: '', groups: [], state: 'idle' });
    expect(asked).toHaveLength(1);
  });
});

describe('paging', () => {
  it('adds the next page to the shown groups until every session is shown', async () => {
    const ids = Array.from({ length: 45 }, (_, i) => `s${i}`);
    api.searchSessions = async ({ query, page = 0, pageSize = 20 }) => {
      asked.push({ query, page, pageSize });
      const slice = ids.slice(page * pageSize, (page + 1) * pageSize).map((id) => searchGroup(id));
      return searchResults(query, slice, { page, total: ids.length });
    };
    state().setSearchQuery('quokka');
    await vi.advanceTimersByTimeAsync(150);
    expect(state().search.groups).toHaveLength(20);
    await state().loadMoreResults();
    await state().loadMoreResults();
    expect(state().search.groups.map((g) => g.id)).toEqual(ids);
    await state().loadMoreResults();
    expect(asked.map((a) => a.page)).toEqual([0, 1, 2]);
  });

  it('shows a session once even when the index moved it between pages', async () => {
    api.searchSessions = async ({ query, page = 0 }) =>
      searchResults(
        query,
        page === 0 ? [searchGroup('a'), searchGroup('b')] : [searchGroup('b'), searchGroup('c')],
        {
          page,
          total: 4,
        },
      );
    state().setSearchQuery('quokka');
    await vi.advanceTimersByTimeAsync(150);
    await state().loadMoreResults();
    expect(state().search.groups.map((g) => g.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('the one box', () => {
  it('searches the box at once on runSearch, and a new order asks the first page again', async () => {
    deferredSearch();
    state().setFilter('wombat');
    expect(state()).toMatchObject({ offerActive: true, searchOpen: false });
    expect(asked).toEqual([]);
    state().runSearch();
    expect(state().searchOpen).toBe(true);
    expect(asked).toEqual([{ query: 'wombat', page: 0, pageSize: SEARCH_PAGE_SIZE, sort: 'relevance' }]);
    state().setSearchSort('date');
    expect(asked.at(-1)).toMatchObject({ query: 'wombat', page: 0, sort: 'date' });
    // Typing while results show searches as the typing pauses; emptying the box goes back.
    state().setFilter('wombats');
    await vi.advanceTimersByTimeAsync(150);
    expect(asked.at(-1)).toMatchObject({ query: 'wombats', sort: 'date' });
    state().setFilter('');
    expect(state().searchOpen).toBe(false);
  });

  it('does not search an empty box', () => {
    deferredSearch();
    state().setFilter('   ');
    state().runSearch();
    expect(state().searchOpen).toBe(false);
    expect(asked).toEqual([]);
  });
});

describe('hits follow the newest query', () => {
  it('re-points the open session’s hits at the new query, or drops them when it has none', async () => {
    const matches: Record<string, number[]> = { old: [2, 5], new: [5, 9], none: [] };
    api.searchMatches = async ({ query }) => matches[query] ?? [];
    api.searchSessions = async ({ query }) => searchResults(query, [searchGroup('s1')]);
    state().setFilter('old');
    state().runSearch();
    await vi.advanceTimersByTimeAsync(0);
    state().openHit('s1', 2);
    await vi.advanceTimersByTimeAsync(0);
    expect(state().hits).toMatchObject({ query: 'old', matches: [2, 5], message: 2 });
    state().setFilter('new');
    state().runSearch();
    await vi.advanceTimersByTimeAsync(0);
    expect(state().hits).toMatchObject({ query: 'new', matches: [5, 9], message: 5 });
    state().setFilter('none');
    state().runSearch();
    await vi.advanceTimersByTimeAsync(0);
    expect(state().hits).toBeNull();
  });
});

describe('index progress', () => {
  it('asks where the index stands when search first opens, and hears progress after', async () => {
    api.searchProgress = async () => ({ state: 'indexing', done: 10, total: 200 });
    state().openSearch();
    await vi.advanceTimersByTimeAsync(0);
    expect(state()).toMatchObject({ searchOpen: true, indexProgress: { state: 'indexing', done: 10 } });
    state().closeSearch();
    state().setIndexProgress({ state: 'indexing', done: 150, total: 200 });
    state().openSearch();
    await vi.advanceTimersByTimeAsync(0);
    expect(state().indexProgress).toMatchObject({ done: 150 });
  });

  it('asks the first page again once the index is up to date', async () => {
    let calls = 0;
    api.searchSessions = async ({ query }) => {
      calls++;
      return calls === 1
        ? searchResults(query, [searchGroup('early')], {
            progress: { state: 'indexing', done: 5, total: 10 },
          })
        : searchResults(query, [searchGroup('early'), searchGroup('late')]);
    };
    state().setSearchQuery('quokka');
    await vi.advanceTimersByTimeAsync(150);
    expect(state().search).toMatchObject({ partial: true });
    state().setIndexProgress({ state: 'indexing', done: 9, total: 10 });
    expect(calls).toBe(1);
    state().setIndexProgress({ state: 'ready', done: 10, total: 10 });
    await vi.advanceTimersByTimeAsync(0);
    expect(state().search.groups.map((g) => g.id)).toEqual(['early', 'late']);
    expect(state().search.partial).toBe(false);
    // Nothing changed since: a repeated "ready" does not search again.
    state().setIndexProgress({ state: 'ready', done: 10, total: 10 });
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toBe(2);
  });

  it('asks again when the index was updated while an answer was on its way', async () => {
    const pending = deferredSearch();
    state().setIndexProgress({ state: 'ready', done: 10, total: 10 });
    state().setSearchQuery('quokka');
    await vi.advanceTimersByTimeAsync(150);
    // A refresh runs and finishes before the (older) answer arrives.
    state().setIndexProgress({ state: 'indexing', done: 3, total: 11 });
    state().setIndexProgress({ state: 'ready', done: 11, total: 11 });
    pending.get('quokka#0')!.resolve(searchResults('quokka', [searchGroup('old')]));
    await vi.advanceTimersByTimeAsync(0);
    expect(asked).toHaveLength(2);
    // Until the new answer comes, the old one stays on screen without a loading state.
    expect(state().search).toMatchObject({
      state: 'ready',
      groups: [expect.objectContaining({ id: 'old' })],
    });
    pending.get('quokka#0')!.resolve(searchResults('quokka', [searchGroup('old'), searchGroup('new')]));
    await vi.advanceTimersByTimeAsync(0);
    expect(state().search.groups.map((g) => g.id)).toEqual(['old', 'new']);
    expect(state().indexProgress).toMatchObject({ state: 'ready', done: 11 });
  });
});
