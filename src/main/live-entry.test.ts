// Live updates through the real main entry with Electron mocked: the window is told about
// folder changes, 'sessions:watch' follows a session over IPC, and Open Folder or quit stops
// the old folder's watcher.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SESSION_APPENDED_EVENT, SESSIONS_CHANGED_EVENT } from '../shared/contract';
import { fake } from '../../test/support/fake-electron';
import { tempDir } from '../../test/support/fixtures';
import { appendMessage, sleep, writeSession } from '../../test/support/live';

type Listener = (...args: unknown[]) => unknown;

vi.mock('electron', async () => (await import('../../test/support/fake-electron')).electronModule());

/** Just enough Electron for the entry to start, with the window's `send` recorded. */
function makeElectron(userData: string) {
  const appListeners = new Map<string, Listener>();
  const handlers = new Map<string, Listener>();
  const send = vi.fn();
  const mainFrame = { parent: null, processId: 1, routingId: 1, url: '', origin: 'null' };
  const webContents = { mainFrame, send };
  let windows = 0;
  class BrowserWindow {
    webContents = webContents;
    constructor() {
      windows++;
    }
    loadURL(url: string) {
      const { protocol, host } = new URL(url);
      // Chromium's origin of a page at a standard scheme, app:// included.
      Object.assign(mainFrame, { url, origin: `${protocol}//${host}` });
      return Promise.resolve();
    }
    once() {}
    on() {}
  }
  const dialog = { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() };
  fake.electron = {
    app: {
      requestSingleInstanceLock: () => true,
      quit: vi.fn(),
      exit: vi.fn(),
      on: (name: string, listener: Listener) => {
        // Several modules listen to will-quit; keep them all.
        const previous = appListeners.get(name);
        appListeners.set(name, (...args) => (previous?.(...args), listener(...args)));
      },
      whenReady: () => Promise.resolve(),
      getPath: (name: string) => join(userData, name),
    },
    BrowserWindow,
    dialog,
    ipcMain: { handle: (c: string, h: Listener) => handlers.set(c, h), on: () => undefined },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: () => undefined },
    protocol: { registerSchemesAsPrivileged: () => undefined, handle: () => undefined },
    session: {
      defaultSession: {
        webRequest: { onBeforeRequest: () => undefined, onHeadersReceived: () => undefined },
        setPermissionRequestHandler: () => undefined,
        setPermissionCheckHandler: () => undefined,
      },
    },
    shell: { openExternal: vi.fn() },
    nativeImage: { createFromDataURL: vi.fn() },
  };
  const invoke = (channel: string, raw: unknown) =>
    handlers.get(channel)?.({ sender: webContents, senderFrame: mainFrame }, raw);
  return { appListeners, send, dialog, invoke, windows: () => windows };
}

/** The payloads sent to the window on `channel` so far. */
const sentOn = (send: ReturnType<typeof vi.fn>, channel: string) =>
  send.mock.calls.filter((call) => call[0] === channel).map((call) => call[1] as Record<string, unknown>);

describe('main entry: live updates', () => {
  const argv = process.argv;
  beforeEach(() => {
    // A home of its own: sources found at their defaults (~/.claude, ~/.codex) are the test's.
    vi.stubEnv('HOME', tempDir('transcripts-home-'));
  });
  afterEach(() => {
    process.argv = argv;
    vi.unstubAllEnvs();
  });

  it('pushes folder changes and the watched session, and stops with Open Folder and quit', async () => {
    const dir = tempDir();
    writeSession(dir, 'shown', ['one']);
    process.argv = [...argv, '--dir', dir];
    const electron = makeElectron(tempDir('transcripts-userdata-'));
    vi.resetModules();
    await import('./index');
    await vi.waitFor(() => expect(electron.windows()).toBe(1));
    await sleep(300); // the watcher's first look at the folder

    expect(await electron.invoke('sessions:watch', { id: 'shown' })).toEqual({
      ok: true,
      value: { watching: 'shown' },
    });
    appendMessage(dir, 'shown', 'two');
    await vi.waitFor(() => expect(sentOn(electron.send, SESSION_APPENDED_EVENT)).toHaveLength(1), 3000);
    expect(sentOn(electron.send, SESSION_APPENDED_EVENT)[0]).toMatchObject({ id: 'shown', from: 1 });
    await vi.waitFor(() =>
      expect(sentOn(electron.send, SESSIONS_CHANGED_EVENT)).toContainEqual({ ids: ['shown'] }),
    );

    const other = tempDir('transcripts-other-');
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [other] });
    await electron.invoke('store:open-folder', {});
    await sleep(300);
    electron.send.mockClear();
    appendMessage(dir, 'shown', 'three');
    writeSession(dir, 'old-folder');
    writeSession(other, 'new-folder');
    await vi.waitFor(() =>
      expect(sentOn(electron.send, SESSIONS_CHANGED_EVENT)).toContainEqual({ ids: ['new-folder'] }),
    );
    await sleep(1500); // longer than a burst and a poll of the directory
    expect(sentOn(electron.send, SESSION_APPENDED_EVENT)).toEqual([]);
    expect(sentOn(electron.send, SESSIONS_CHANGED_EVENT)).toEqual([{ ids: ['new-folder'] }]);

    electron.appListeners.get('will-quit')?.();
    electron.send.mockClear();
    writeSession(other, 'after-quit');
    await sleep(400);
    expect(electron.send).not.toHaveBeenCalledWith(SESSIONS_CHANGED_EVENT, expect.anything());
  });
});
