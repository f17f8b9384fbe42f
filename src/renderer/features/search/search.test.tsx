import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi, type FakeApi } from '../../test-support/fake-api';
import { mountApp } from '../../test-support/mount-app';
import { searchGroup, searchResults } from '../../test-support/search-results';
import { message, summary, transcript } from '../../test-support/transcripts';

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/');
});

const text = (t: string) => message('user', [{ type: 'text', text: t }]);

function backend(): FakeApi {
  const api = fakeApi(
    [summary('s1', { title: 'Quokka notes' }), summary('s2')],
    [
      transcript(
        's1',
        [text('intro'), text('The quokka smiles.'), text('middle'), text('A quokka again, quokka!')],
        {
          title: 'Quokka notes',
        },
      ),
      transcript('s2', [text('x')]),
    ],
  );
  api.searchSessions = async ({ query, page = 0 }) => {
    api.calls.push(`search ${query} ${page}`);
    if (page > 0) return searchResults(query, [searchGroup('s2', 0)], { page, total: 2 });
    return searchResults(
      query,
      [
        searchGroup('s1', 1, 'quokka', {
          title: 'Quokka notes',
          hit_count: 2,
          matches: [
            { message: 1, field: 'text', snippet: 'The quokka smiles.', highlights: [[4, 10]] },
            {
              message: 3,
              field: 'text',
              snippet: '<img src=x onerror=alert(1)> quokka',
              highlights: [[29, 35]],
            },
          ],
        }),
      ],
      { total: 2 },
    );
  };
  api.searchMatches = async () => [1, 3];
  return api;
}

async function openSearch() {
  fireEvent.keyDown(document.body, { key: 'F', ctrlKey: true, shiftKey: true });
  const input = screen.getByTestId('session-filter');
  await waitFor(() => expect(document.activeElement).toBe(input));
  return input;
}

describe('the search pane', () => {
  it('opens with Ctrl+Shift+F and shows groups whose snippets mark the matches as text', async () => {
    const api = backend();
    mountApp(api);
    await waitFor(() => expect(screen.getByTestId('session-count').textContent).toBe('2 sessions'));
    const input = await openSearch();
    expect(screen.getByTestId('session-list').closest('[hidden]')).not.toBeNull();
    fireEvent.change(input, { target: { value: 'quokka' } });
    const group = await screen.findByTestId('search-group');
    expect(group.getAttribute('data-session-id')).toBe('s1');
    expect(group.textContent).toContain('Quokka notes');
    expect(group.textContent).toContain('2 hits');
    const hits = within(group).getAllByTestId('search-hit');
    expect(hits.map((h) => h.getAttribute('data-message'))).toEqual(['1', '3']);
    expect(Array.from(group.querySelectorAll('mark'), (m) => m.textContent)).toEqual(['quokka', 'quokka']);
    // The snippet's markup-looking text is text: no element was made from it.
    expect(hits[1]!.textContent).toContain('<img src=x onerror=alert(1)> quokka');
    expect(group.querySelector('img')).toBeNull();
    expect(screen.getByTestId('search-count').textContent).toBe('3 matches in 2 sessions');
  });

  it('adds the next page with More results and hides it when all are shown', async () => {
    const api = backend();
    mountApp(api);
    const input = await openSearch();
    fireEvent.change(input, { target: { value: 'quokka' } });
    const more = await screen.findByTestId('search-more');
    expect(more.textContent).toContain('1 more session');
    fireEvent.click(more);
    await waitFor(() => expect(screen.getAllByTestId('search-group')).toHaveLength(2));
    expect(screen.queryByTestId('search-more')).toBeNull();
    expect(api.calls.filter((c) => c.startsWith('search'))).toEqual(['search quokka 0', 'search quokka 1']);
  });

  it('says a query too broad to rank shows the newest sessions first, and still pages', async () => {
    const api = backend();
    api.searchSessions = async ({ query, page = 0 }) => {
      api.calls.push(`search ${query} ${page}`);
      const groups = page === 0 ? [searchGroup('s1', 1)] : [searchGroup('s2', 0)];
      return searchResults(query, groups, { page, total: 21, cappedHits: 20_000 });
    };
    mountApp(api);
    const input = await openSearch();
    fireEvent.change(input, { target: { value: 'the' } });
    await screen.findByTestId('search-group');
    expect(screen.getByTestId('search-count').textContent).toBe('More than 20,000 matches, newest first');
    const more = screen.getByTestId('search-more');
    expect(more.textContent).toBe('More results');
    fireEvent.click(more);
    await waitFor(() => expect(screen.getAllByTestId('search-group')).toHaveLength(2));
    expect(api.calls.filter((c) => c.startsWith('search'))).toEqual(['search the 0', 'search the 1']);
  });

  it('shows how far the index has got while it builds', async () => {
    const api = backend();
    api.searchProgress = async () => ({ state: 'indexing', done: 0, total: 0 });
    mountApp(api);
    await openSearch();
    await waitFor(() => expect(screen.getByTestId('search-progress').textContent).toBe('Indexing sessions…'));
    act(() => api.emitProgress({ state: 'indexing', done: 1234, total: 10000 }));
    expect(screen.getByTestId('search-progress').textContent).toBe('Indexing 1,234 / 10,000 sessions');
    act(() => api.emitProgress({ state: 'ready', done: 10000, total: 10000 }));
    expect(screen.queryByTestId('search-progress')).toBeNull();
  });

  it('says results found while the index builds are the results so far', async () => {
    const api = backend();
    const building = { state: 'indexing' as const, done: 1234, total: 10000 };
    api.searchProgress = async () => building;
    api.searchSessions = async ({ query }) =>
      searchResults(query, [searchGroup('s1', 1)], { progress: building });
    mountApp(api);
    const input = await openSearch();
    await waitFor(() =>
      expect(screen.getByTestId('search-progress').textContent).toBe('Indexing 1,234 / 10,000 sessions'),
    );
    fireEvent.change(input, { target: { value: 'quokka' } });
    await screen.findByTestId('search-group');
    expect(screen.getByTestId('search-progress').textContent).toBe(
      'Indexing… results so far (1,234 / 10,000 sessions)',
    );
    expect(screen.getByTestId('search-count').textContent).toBe('1 match in 1 session so far');
    act(() => api.emitProgress({ state: 'indexing', done: 0, total: 0 }));
    expect(screen.getByTestId('search-progress').textContent).toBe('Indexing… results so far');
  });

  it('goes back to the list with Esc or by emptying the box, and Enter offers the search again', async () => {
    const api = backend();
    mountApp(api);
    const input = await openSearch();
    fireEvent.change(input, { target: { value: 'quokka' } });
    await screen.findByTestId('search-group');
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(screen.getByTestId('search-results').closest('[hidden]')).not.toBeNull();
    expect((input as HTMLInputElement).value).toBe('quokka');
    expect(screen.getByTestId('search-all').textContent).toBe('Search all sessions for “quokka”Enter');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(screen.getByTestId('search-results').closest('[hidden]')).toBeNull();
    fireEvent.change(input, { target: { value: '' } });
    expect(screen.getByTestId('search-results').closest('[hidden]')).not.toBeNull();
    expect(screen.getByTestId('session-list').closest('[hidden]')).toBeNull();
  });

  it('keeps Enter for the selected row once the arrows move into the list', async () => {
    const api = backend();
    mountApp(api);
    await waitFor(() => expect(screen.getByTestId('session-count').textContent).toBe('2 sessions'));
    const input = screen.getByTestId('session-filter');
    fireEvent.change(input, { target: { value: 's' } });
    expect(screen.getByTestId('search-all').getAttribute('data-active')).toBe('true');
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(screen.getByTestId('search-all').getAttribute('data-active')).toBeNull();
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(screen.getByTestId('transcript-title').textContent).toBe('Quokka notes'));
    expect(api.calls.some((c) => c.startsWith('search'))).toBe(false);
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    expect(screen.getByTestId('search-all').getAttribute('data-active')).toBe('true');
  });
});

describe('opening a hit', () => {
  it('opens the session with the hit marked and walks the hits with next and previous', async () => {
    const api = backend();
    mountApp(api);
    const input = await openSearch();
    fireEvent.change(input, { target: { value: 'quokka' } });
    const group = await screen.findByTestId('search-group');
    fireEvent.click(within(group).getAllByTestId('search-hit')[0]!);
    await waitFor(() => expect(screen.getByTestId('transcript-title').textContent).toBe('Quokka notes'));
    const position = await screen.findByTestId('hit-position');
    await waitFor(() => expect(position.textContent).toBe('1/2'));
    const current = () => document.querySelector('.message[data-hit-current]');
    await waitFor(() => expect(current()?.getAttribute('data-index')).toBe('1'));
    // jsdom has no CSS Highlight API: the matches are wrapped in marks instead.
    await waitFor(() =>
      expect(Array.from(document.querySelectorAll('mark.search-match'), (m) => m.textContent)).toEqual([
        'quokka',
        'quokka',
        'quokka',
      ]),
    );
    expect(current()!.querySelector('mark.search-current')?.textContent).toBe('quokka');

    fireEvent.click(screen.getByTestId('hit-next'));
    expect(position.textContent).toBe('2/2');
    await waitFor(() => expect(current()?.getAttribute('data-index')).toBe('3'));
    fireEvent.click(screen.getByTestId('hit-next'));
    expect(position.textContent).toBe('1/2');
    fireEvent.click(screen.getByTestId('hit-prev'));
    expect(position.textContent).toBe('2/2');
    // The hit in the list follows the transcript.
    expect(within(group).getAllByTestId('search-hit')[1]!.getAttribute('aria-current')).toBe('true');
  });
});
