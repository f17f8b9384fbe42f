import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi } from '../test-support/fake-api';
import { mountApp } from '../test-support/mount-app';
import { message, summary, transcript } from '../test-support/transcripts';
import { shortcutGroups } from './shortcuts';

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/');
});

function mount() {
  const api = fakeApi(
    [summary('s1', { title: 'One' }), summary('s2', { title: 'Two' })],
    [
      transcript('s1', [message('user', [{ type: 'text', text: 'hello' }])], { title: 'One' }),
      transcript('s2', []),
    ],
  );
  const store = mountApp(api);
  return { api, store };
}

const press = (key: string, init: KeyboardEventInit = {}) =>
  fireEvent.keyDown(document.activeElement ?? document.body, { key, ...init });

describe('single-key shortcuts', () => {
  it('handles every single key the overlay lists', async () => {
    const { store } = mount();
    await waitFor(() => expect(screen.getByTestId('session-count').textContent).toBe('2 sessions'));
    store.getState().select('s1');
    await waitFor(() => expect(screen.getByTestId('transcript-title').textContent).toBe('One'));
    const singles = shortcutGroups(false)
      .flatMap((g) => g.shortcuts)
      .flatMap((s) => s.keys)
      .filter((combo) => combo.length === 1 && !['Enter', 'Esc', 'Tab', '↑', '↓', 'F3'].includes(combo[0]!))
      .map((combo) => combo[0]!);
    expect(singles.sort()).toEqual(['/', '?', 'Delete', 'c', 'e', 'j', 'k', 'n', 'r', 's'].sort());
    for (const key of singles) {
      // n steps through find matches when no search hits are shown.
      store.setState({
        find: {
          open: true,
          query: 'hello',
          caseSensitive: false,
          index: 0,
          count: 2,
          done: true,
          focusRequest: 0,
        },
      });
      // Each is used (its default prevented), then whatever it opened is closed again.
      (document.activeElement as HTMLElement | null)?.blur();
      const used = !press(key);
      expect(used, key).toBe(true);
      store.setState({ confirmingDelete: false, shortcutsOpen: false, editingNotes: false });
    }
  });

  it('opens the shortcuts with ? and closes them with Esc', async () => {
    mount();
    press('?');
    expect(screen.getByTestId('shortcuts').textContent).toContain('Show these shortcuts');
    press('Escape');
    expect(screen.queryByTestId('shortcuts')).toBeNull();
  });

  it('goes back with Alt+Left and forward with Alt+Right', async () => {
    const { store } = mount();
    await waitFor(() => expect(screen.getByTestId('session-count').textContent).toBe('2 sessions'));
    store.getState().select('s1');
    store.getState().select('s2');
    press('ArrowLeft', { altKey: true });
    expect(store.getState().selectedId).toBe('s1');
    press('ArrowRight', { altKey: true });
    expect(store.getState().selectedId).toBe('s2');
  });
});
