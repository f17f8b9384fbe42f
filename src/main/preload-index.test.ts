// The preload entry exposes window.api through contextBridge, and nothing else.
import { expect, it, vi } from 'vitest';
import { API_KEYS } from '../shared/electron-api';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(), send: vi.fn(), on: vi.fn(), removeListener: vi.fn() },
}));
vi.mock('electron', () => electron);

it('exposes one object, "api", with the allow-listed keys', async () => {
  await import('../preload/index');
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
  const [name, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] ?? [];
  expect(name).toBe('api');
  expect(Object.keys(api as object).sort()).toEqual([...API_KEYS]);
});
