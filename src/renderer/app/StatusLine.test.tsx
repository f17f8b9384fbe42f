// The status line says how many entries of the folder the list skipped as unreadable, and keeps
// saying it (it is not a confirmation that fades) until a list finds none.
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi } from '../test-support/fake-api';
import { mountApp } from '../test-support/mount-app';
import { summary } from '../test-support/transcripts';

afterEach(cleanup);

describe('StatusLine', () => {
  it('shows the unreadable count from the list, and drops it when a list finds none', async () => {
    const api = fakeApi([summary('s1')], []);
    api.unreadable = 2;
    const store = mountApp(api);
    await waitFor(() =>
      expect(screen.getByTestId('unreadable-note').textContent).toBe('2 unreadable files skipped'),
    );
    api.unreadable = 1;
    await act(() => store.getState().loadList());
    expect(screen.getByTestId('unreadable-note').textContent).toBe('1 unreadable file skipped');
    api.unreadable = 0;
    await act(() => store.getState().loadList());
    expect(screen.queryByTestId('unreadable-note')).toBeNull();
  });

  it('shows nothing when every entry was read', async () => {
    const store = mountApp(fakeApi([summary('s1')], []));
    await waitFor(() => expect(store.getState().listState).toBe('ready'));
    expect(screen.queryByTestId('unreadable-note')).toBeNull();
  });
});
