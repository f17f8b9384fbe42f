import { describe, expect, it } from 'vitest';
import { createApi, type IpcPort } from '../../preload/api';
import { createElectronClient } from './electron-client';

/** An ipcRenderer stand-in that answers every invoke with `answer` and records the traffic. */
function fakeIpc(answer: (channel: string, request: unknown) => unknown) {
  const invoked: [string, unknown][] = [];
  const sent: [string, unknown][] = [];
  const ipc: IpcPort = {
    invoke: async (channel, request) => {
      invoked.push([channel, request]);
      return { ok: true, value: answer(channel, request) };
    },
    send: (channel, payload) => void sent.push([channel, payload]),
    on: () => undefined,
    removeListener: () => undefined,
  };
  return { ipc, invoked, sent };
}

describe('createElectronClient over the preload api', () => {
  it('passes the shared methods through to their channels', async () => {
    const { ipc, invoked } = fakeIpc(() => '# md');
    const client = createElectronClient(createApi(ipc));
    expect(client.mode).toBe('electron');
    await expect(client.exportSession({ id: 's1' })).resolves.toBe('# md');
    expect(invoked).toEqual([['sessions:export', { id: 's1' }]]);
  });

  it('saves through the native dialog and reports where', async () => {
    const { ipc } = fakeIpc((channel) => (channel === 'sessions:save-as' ? { path: '/tmp/Fix.md' } : null));
    await expect(createElectronClient(createApi(ipc)).saveMarkdown('s1', 'Fix')).resolves.toBe(
      'Saved to /tmp/Fix.md',
    );
    const cancelled = fakeIpc(() => ({ path: null }));
    await expect(
      createElectronClient(createApi(cancelled.ipc)).saveMarkdown('s1', 'Fix'),
    ).resolves.toBeNull();
  });

  it('starts a native drag with only the id, cancelling the HTML drag', () => {
    const { ipc, sent } = fakeIpc(() => null);
    let prevented = false;
    createElectronClient(createApi(ipc)).startDrag(
      { dataTransfer: null, preventDefault: () => (prevented = true) },
      's1',
      'T',
    );
    expect(prevented).toBe(true);
    expect(sent).toEqual([['sessions:drag', { id: 's1' }]]);
  });

  it('reloads on a folder change and on session changes, and stops listening on unsubscribe', () => {
    const listeners = new Map<string, (event: unknown, payload: unknown) => void>();
    const { ipc } = fakeIpc(() => null);
    ipc.on = (channel, listener) => void listeners.set(channel, listener);
    ipc.removeListener = (channel) => void listeners.delete(channel);
    let reloads = 0;
    const stop = createElectronClient(createApi(ipc)).onStoreChanged(() => reloads++);
    listeners.get('store:changed')?.({}, { dir: '/x', exists: true, mode: 'electron' });
    listeners.get('sessions:changed')?.({}, { ids: ['s1'] });
    expect(reloads).toBe(2);
    stop();
    expect(listeners.size).toBe(0);
  });
});
