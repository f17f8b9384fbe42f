// The export dialog over a fake backend: it previews what redaction will replace, follows the
// options, and saves with the choices made.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from '@testing-library/react';
import { fakeApi } from '../../test-support/fake-api';
import { mountApp } from '../../test-support/mount-app';
import { message, summary, transcript } from '../../test-support/transcripts';

afterEach(cleanup);

function mount() {
  const s = summary('s1', { title: 'Deploy notes' });
  const api = fakeApi(
    [s],
    [transcript('s1', [message('user', [{ type: 'text', text: 'hi' }])], { title: 'Deploy notes' })],
  );
  api.findings.set('s1', [
    { kind: 'github-token', where: 'message 2 text', preview: 'ghp_w…Ux' },
    { kind: 'email', where: 'message 3 tool output', preview: 'ops@e…rg' },
    { kind: 'home-path', where: 'folder', preview: '/h…' },
  ]);
  const store = mountApp(api);
  return { api, store };
}

async function openDialog(store: ReturnType<typeof mountApp>) {
  store.getState().select('s1');
  fireEvent.click(await screen.findByTestId('save-markdown'));
  return screen.findByTestId('export-dialog');
}

describe('export dialog', () => {
  it('lists what redaction will replace, and follows the options', async () => {
    const { api, store } = mount();
    await openDialog(store);
    await waitFor(() => expect(screen.getAllByTestId('export-finding')).toHaveLength(3));
    expect(screen.getByTestId('export-preview-count').textContent).toBe(
      '3 items will be replaced by [REDACTED:kind]:',
    );
    const first = screen.getAllByTestId('export-finding')[0]!;
    expect(within(first).getByText('github-token')).toBeTruthy();
    expect(first.textContent).toContain('message 2 text');
    fireEvent.click(screen.getByTestId('export-redact-emails'));
    await waitFor(() => expect(screen.getAllByTestId('export-finding')).toHaveLength(2));
    fireEvent.click(screen.getByTestId('export-redact'));
    expect(screen.queryByTestId('export-preview')).toBeNull();
    expect((screen.getByTestId('export-redact-home') as HTMLInputElement).disabled).toBe(true);
    expect(api.calls.filter((c) => c.startsWith('preview'))).toHaveLength(2);
  });

  it('saves in the chosen format with the chosen redaction', async () => {
    const { api, store } = mount();
    await openDialog(store);
    fireEvent.click(screen.getByTestId('export-format-html'));
    fireEvent.click(screen.getByTestId('export-redact-home'));
    // Saving waits for the preview: what will be replaced is shown before anything is written.
    expect((screen.getByTestId('export-confirm') as HTMLButtonElement).disabled).toBe(true);
    await screen.findByTestId('export-preview');
    fireEvent.click(screen.getByTestId('export-confirm'));
    await waitFor(() =>
      expect(api.calls).toContain('save s1 Deploy notes html redact {"emails":true,"home":false}'),
    );
    expect(screen.queryByTestId('export-dialog')).toBeNull();
  });

  it('closes on Cancel and on Escape without saving', async () => {
    const { api, store } = mount();
    fireEvent.click(within(await openDialog(store)).getByTestId('export-cancel'));
    expect(screen.queryByTestId('export-dialog')).toBeNull();
    fireEvent.keyDown(within(await openDialog(store)).getByTestId('export-format-md'), { key: 'Escape' });
    expect(screen.queryByTestId('export-dialog')).toBeNull();
    expect(api.calls.some((c) => c.startsWith('save'))).toBe(false);
  });
});

describe('zip of picked sessions', () => {
  it('picks rows with Ctrl/Cmd+click and exports them as one zip through the dialog', async () => {
    const a = summary('a1', { title: 'Alpha' });
    const b = summary('b2', { title: 'Beta' });
    const api = fakeApi([a, b], []);
    const store = mountApp(api);
    await store.getState().loadList();
    store.getState().togglePicked('a1');
    store.getState().togglePicked('b2');
    expect((await screen.findByTestId('picked-count')).textContent).toBe('2 sessions picked');
    fireEvent.click(screen.getByTestId('export-picked'));
    const dialog = await screen.findByTestId('export-dialog');
    expect(dialog.textContent).toContain('Export 2 sessions as one zip');
    fireEvent.click(within(dialog).getByTestId('export-redact'));
    fireEvent.click(within(dialog).getByTestId('export-format-json'));
    fireEvent.click(within(dialog).getByTestId('export-confirm'));
    await waitFor(() => expect(api.calls).toContain('zip a1,b2 json'));
    expect(store.getState().picked).toEqual([]);
    expect(screen.queryByTestId('picked-bar')).toBeNull();
  });

  it('toggles a pick off again, and Clear empties it', async () => {
    const store = mountApp(fakeApi([summary('a1')], []));
    store.getState().togglePicked('a1');
    store.getState().togglePicked('a1');
    expect(store.getState().picked).toEqual([]);
    store.getState().togglePicked('a1');
    fireEvent.click(await screen.findByTestId('clear-picked'));
    expect(store.getState().picked).toEqual([]);
  });
});
