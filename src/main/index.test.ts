// Wiring of the main entry with Electron mocked: single-instance lock, app:// registered and served,
// the dev server only in the `npm run dev` build, folder choice (--dir, then the remembered
// folder), IPC served from the chosen store, Open Folder remembered and announced.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS, STORE_CHANGED_EVENT } from '../shared/contract';
import { fake } from '../../test/support/fake-electron';
import { corpusCopy, fixtureIds, tempDir } from '../../test/support/fixtures';
import { APP_SCHEME_PRIVILEGES } from './app-protocol';
import { mainWindowOptions } from './window';

type Handler = (event: unknown, raw?: unknown) => unknown;

vi.mock('electron', async () => (await import('../../test/support/fake-electron')).electronModule());

function makeElectron(userData: string, lock = true) {
  const appListeners = new Map<string, (...args: unknown[]) => void>();
  const handlers = new Map<string, Handler>();
  const windows: { options: unknown; url?: string; webContents: Record<string, unknown> }[] = [];
  class BrowserWindow {
    webContents: Record<string, unknown>;
    constructor(readonly options: unknown) {
      const mainFrame = { parent: null, processId: 1, routingId: 1, url: '', origin: 'null' };
      this.webContents = { mainFrame, send: vi.fn() };
      windows.push(this as unknown as (typeof windows)[number]);
    }
    loadURL(url: string) {
      (this as unknown as { url: string }).url = url;
      const { protocol, host } = new URL(url);
      // Chromium's origin of a page at a standard scheme, app:// included.
      Object.assign(this.webContents.mainFrame as object, { url, origin: `${protocol}//${host}` });
      return Promise.resolve();
    }
    once() {}
    on() {}
  }
  const app = {
    requestSingleInstanceLock: vi.fn(() => lock),
    quit: vi.fn(),
    exit: vi.fn(),
    on: vi.fn((name: string, listener: (...args: unknown[]) => void) => appListeners.set(name, listener)),
    whenReady: vi.fn(() => Promise.resolve()),
    getPath: (name: string) => join(userData, name),
  };
  const dialog = { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() };
  const webRequest = { onBeforeRequest: vi.fn(), onHeadersReceived: vi.fn() };
  const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() };
  fake.electron = {
    app,
    BrowserWindow,
    dialog,
    ipcMain: {
      handle: (c: string, h: Handler) => handlers.set(c, h),
      on: (c: string, h: Handler) => handlers.set(c, h),
    },
    Menu: { buildFromTemplate: vi.fn((t: unknown) => t), setApplicationMenu: vi.fn() },
    protocol,
    session: {
      defaultSession: {
        webRequest,
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
      },
    },
    shell: { openExternal: vi.fn() },
    nativeImage: { createFromDataURL: vi.fn() },
  };
  /** Invokes `channel` as our window's main frame would. */
  const invoke = async (channel: string, raw: unknown) => {
    const contents = windows[0]?.webContents;
    return handlers.get(channel)?.({ sender: contents, senderFrame: contents?.mainFrame }, raw);
  };
  return { app, appListeners, handlers, windows, dialog, webRequest, protocol, invoke };
}

/** Imports a fresh copy of the entry and waits until it has created its window. */
async function launch(electron: ReturnType<typeof makeElectron>) {
  vi.resetModules();
  await import('./index');
  if (electron.app.requestSingleInstanceLock.mock.results[0]?.value) {
    await vi.waitFor(() => expect(electron.windows).toHaveLength(1));
  }
}

describe('main entry', () => {
  const argv = process.argv;
  let userData: string;

  beforeEach(() => {
    userData = tempDir('transcripts-userdata-');
    // A home of its own: sources found at their defaults (~/.claude, ~/.codex) are the test's.
    vi.stubEnv('HOME', tempDir('transcripts-home-'));
  });
  afterEach(() => {
    process.argv = argv;
    vi.unstubAllEnvs();
  });

  it('quits at once when another instance holds the lock', async () => {
    const electron = makeElectron(userData, false);
    await launch(electron);
    expect(electron.app.quit).toHaveBeenCalledOnce();
    expect(electron.app.whenReady).not.toHaveBeenCalled();
    expect(electron.handlers.size).toBe(0);
  });

  it('serves the --dir folder, remembers an opened folder and uses it on the next start', async () => {
    const first = corpusCopy();
    process.argv = [...argv, '--dir', first];
    const electron = makeElectron(userData);
    await launch(electron);

    const [win] = electron.windows;
    expect(win?.options).toEqual(mainWindowOptions(join(import.meta.dirname, '..', 'preload', 'index.cjs')));
    expect(win?.url).toBe('app://transcripts/index.html');
    expect([...electron.handlers.keys()]).toEqual(expect.arrayContaining([...CHANNELS]));
    expect(electron.webRequest.onBeforeRequest).toHaveBeenCalledOnce();
    expect([...electron.appListeners.keys()]).toEqual(
      expect.arrayContaining(['second-instance', 'web-contents-created', 'will-quit']),
    );

    const listed = (await electron.invoke('sessions:list', {})) as {
      ok: true;
      value: { sessions: { id: string }[] };
    };
    expect(listed.value.sessions.map((s) => s.id).sort()).toEqual(fixtureIds().sort());

    const second = tempDir('transcripts-second-');
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [second] });
    const opened = await electron.invoke('store:open-folder', {});
    const info = { dir: second, exists: true, mode: 'electron' };
    expect(opened).toEqual({ ok: true, value: info });
    expect(win?.webContents.send).toHaveBeenCalledWith(STORE_CHANGED_EVENT, info);
    expect(await electron.invoke('sessions:list', {})).toEqual({
      ok: true,
      value: { sessions: [], unreadable: 0 },
    });
    expect(JSON.parse(readFileSync(join(userData, 'userData', 'settings.json'), 'utf8'))).toEqual({
      sessionsDir: second,
    });

    process.argv = argv;
    const restarted = makeElectron(userData);
    await launch(restarted);
    await expect(restarted.invoke('store:info', {})).resolves.toEqual({ ok: true, value: info });
  });

  it('registers app:// before the app is ready and serves the renderer folder from it', async () => {
    const electron = makeElectron(userData);
    await launch(electron);
    const { registerSchemesAsPrivileged, handle } = electron.protocol;
    expect(registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([APP_SCHEME_PRIVILEGES]);
    const [whenReadyOrder] = electron.app.whenReady.mock.invocationCallOrder;
    expect(registerSchemesAsPrivileged.mock.invocationCallOrder[0]).toBeLessThan(whenReadyOrder ?? 0);
    expect(handle).toHaveBeenCalledOnce();
    const [scheme, handler] = handle.mock.calls[0] as [string, (r: Request) => Promise<Response>];
    expect(scheme).toBe('app');
    // Under vitest the entry is src/main/index.ts, so its renderer folder is src/renderer.
    const page = await handler(new Request('app://transcripts/index.html'));
    expect(await page.text()).toBe(
      readFileSync(join(import.meta.dirname, '..', 'renderer', 'index.html'), 'utf8'),
    );
    expect((await handler(new Request('app://transcripts/../main/index.ts'))).status).toBe(404);
  });

  it('ignores ELECTRON_RENDERER_URL in a build that is not `npm run dev`', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'https://evil.example/');
    const electron = makeElectron(userData);
    await launch(electron);
    expect(electron.windows[0]?.url).toBe('app://transcripts/index.html');
    expect(await electron.invoke('store:info', {})).toMatchObject({ ok: true });
  });

  it('loads the dev server named by ELECTRON_RENDERER_URL in the `npm run dev` build', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173');
    vi.stubEnv('DEV_SERVER', 'true');
    const electron = makeElectron(userData);
    await launch(electron);
    expect(electron.windows[0]?.url).toBe('http://localhost:5173/');
    expect(await electron.invoke('store:info', {})).toMatchObject({ ok: true });
  });

  it('keeps the current folder when the dialog is cancelled', async () => {
    const dir = corpusCopy();
    process.argv = [...argv, '--dir', dir];
    const electron = makeElectron(userData);
    await launch(electron);
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    await expect(electron.invoke('store:open-folder', {})).resolves.toEqual({ ok: true, value: null });
    await expect(electron.invoke('store:info', {})).resolves.toEqual({
      ok: true,
      value: { dir, exists: true, mode: 'electron' },
    });
  });
});
