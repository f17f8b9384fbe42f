import { describe, expect, it } from 'vitest';
import { createApi, type IpcPort } from '../../shared/electron-api';
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
    const { ipc, invoked } = fakeIpc((channel) =>
      channel === 'sessions:save-as' ? { path: '/tmp/Fix.html' } : null,
    );
    const request = { format: 'html', redact: { emails: true, home: false } } as const;
    await expect(createElectronClient(createApi(ipc)).saveExport('s1', 'Fix', request)).resolves.toBe(
      'Saved to /tmp/Fix.html',
    );
    expect(invoked).toEqual([['sessions:save-as', { id: 's1', ...request }]]);
    const cancelled = fakeIpc(() => ({ path: null }));
    await expect(
      createElectronClient(createApi(cancelled.ipc)).saveExport('s1', 'Fix', { format: 'md', redact: null }),
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

  it('hands on folder changes and live events, and stops listening on unsubscribe', () => {
    const listeners = new Map<string, (event: unknown, payload: unknown) => void>();
    const { ipc } = fakeIpc(() => null);
    ipc.on = (channel, listener) => void listeners.set(channel, listener);
    ipc.removeListener = (channel) => void listeners.delete(channel);
    const client = createElectronClient(createApi(ipc));
    const heard: unknown[] = [];
    const stops = [
      client.onStoreChanged(() => heard.push('store')),
      client.onSessionsChanged((change) => heard.push(change)),
      client.onSessionAppended((appended) => heard.push(appended.id)),
      client.onSearchProgress((progress) => heard.push(progress.state)),
    ];
    listeners.get('store:changed')?.({}, { dir: '/x', exists: true, mode: 'electron' });
    listeners.get('sessions:changed')?.({}, { ids: ['s1'] });
    listeners.get('session:appended')?.({}, { id: 's2', reset: false, from: 0, messages: [] });
    listeners.get('search:progress')?.({}, { state: 'ready', done: 1, total: 1 });
    expect(heard).toEqual(['store', { ids: ['s1'] }, 's2', 'ready']);
    for (const stop of stops) stop();
    expect(listeners.size).toBe(0);
  });

  it('follows a session through sessions:watch and reports whether it could', async () => {
    const { ipc, invoked } = fakeIpc(() => ({ watching: 's1' }));
    const client = createElectronClient(createApi(ipc));
    await expect(client.followSession('s1')).resolves.toBe(true);
    await expect(client.followSession('s1', 12)).resolves.toBe(true);
    await expect(client.followSession(null)).resolves.toBe(true);
    expect(invoked).toEqual([
      ['sessions:watch', { id: 's1' }],
      ['sessions:watch', { id: 's1', known: 12 }],
      ['sessions:watch', { id: null }],
    ]);
    ipc.invoke = async () => ({ ok: false, error: 'session s9 not found' });
    await expect(client.followSession('s9')).resolves.toBe(false);
  });
});
