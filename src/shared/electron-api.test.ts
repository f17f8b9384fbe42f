// The preload bridge (src/shared/electron-api.ts, exposed by src/preload/index.ts):
// exactly the allowed keys, each on its own channel, envelopes unwrapped.
import { describe, expect, it, vi } from 'vitest';
import { API_METHODS, DRAG_CHANNEL, STORE_CHANGED_EVENT } from './contract';
import { API_KEYS, createApi, type IpcPort } from './electron-api';

function fakeIpc(reply: unknown = { ok: true, value: 'result' }) {
  const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
  const ipc = {
    invoke: vi.fn(async (_channel: string, _request: unknown) => reply),
    send: vi.fn(),
    on: vi.fn((channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)?.add(listener);
    }),
    removeListener: vi.fn((channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
      listeners.get(channel)?.delete(listener);
    }),
  } satisfies IpcPort;
  const emit = (channel: string, payload: unknown) => listeners.get(channel)?.forEach((l) => l({}, payload));
  return { ipc, emit };
}

describe('createApi', () => {
  it('exposes exactly the allow-listed keys', () => {
    expect(Object.keys(createApi(fakeIpc().ipc)).sort()).toEqual([...API_KEYS]);
  });

  it('keeps the allow-list sorted and covering every shared method', () => {
    expect([...API_KEYS]).toEqual([...API_KEYS].sort());
    for (const method of Object.keys(API_METHODS)) expect(API_KEYS).toContain(method);
  });

  it.each(Object.entries(API_METHODS))(
    '%s invokes %s with the request and unwraps the value',
    async (method, channel) => {
      const { ipc } = fakeIpc({ ok: true, value: { from: channel } });
      const api = createApi(ipc) as unknown as Record<string, (request: unknown) => Promise<unknown>>;
      const request = { id: 'abc' };
      await expect(api[method]?.(request)).resolves.toEqual({ from: channel });
      expect(ipc.invoke).toHaveBeenCalledExactlyOnceWith(channel, request);
    },
  );

  it('turns an error envelope into a rejected promise with that one line', async () => {
    const { ipc } = fakeIpc({ ok: false, error: 'session x not found' });
    await expect(createApi(ipc).loadSession({ id: 'x' })).rejects.toThrow('session x not found');
  });

  it('saveAs and openFolder use the Electron-only channels', async () => {
    const { ipc } = fakeIpc({ ok: true, value: { path: '/tmp/a.md' } });
    const api = createApi(ipc);
    await expect(api.saveAs({ id: 'abc' })).resolves.toEqual({ path: '/tmp/a.md' });
    expect(ipc.invoke).toHaveBeenLastCalledWith('sessions:save-as', { id: 'abc' });
    await api.openFolder();
    expect(ipc.invoke).toHaveBeenLastCalledWith('store:open-folder', {});
  });

  it('startDrag sends only the id on the drag channel', () => {
    const { ipc } = fakeIpc();
    createApi(ipc).startDrag('abc');
    expect(ipc.send).toHaveBeenCalledExactlyOnceWith(DRAG_CHANNEL, { id: 'abc' });
    expect(ipc.invoke).not.toHaveBeenCalled();
  });

  it('onStoreChanged delivers store:changed until unsubscribed', () => {
    const { ipc, emit } = fakeIpc();
    const seen: unknown[] = [];
    const unsubscribe = createApi(ipc).onStoreChanged((info) => seen.push(info));
    const info = { dir: '/s', exists: true, mode: 'electron' };
    emit(STORE_CHANGED_EVENT, info);
    unsubscribe();
    emit(STORE_CHANGED_EVENT, { ...info, dir: '/other' });
    expect(seen).toEqual([info]);
    expect(ipc.removeListener).toHaveBeenCalledOnce();
  });
});
