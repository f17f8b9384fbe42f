// Electron main entry: wires the store, IPC, window, menu and web policy together. Each piece
// lives in its own module; this file only decides the order and holds the one window.
import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, protocol, session, shell } from 'electron';
import { errorLine } from '../shared/api';
import { SEARCH_PROGRESS_EVENT } from '../shared/contract';
import { defaultCacheDir } from '../core/search/cache-dir';
import { SearchWorkerClient } from '../core/search/worker-client';
import { indexFileForCatalog } from '../core/sources/catalog';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, rendererProtocolHandler } from './app-protocol';
import { chooseSavePath } from './dialogs';
import { DragFolder, startDragOut } from './drag';
import { dragIcon } from './drag-icon';
import { registerIpc } from './ipc';
import { MainLive } from './live';
import { OpenStore } from './open-store';
import { rendererLocation } from './renderer-location';
import { saveSessionAs } from './save-as';
import { saveZipAs } from './save-zip';
import { isTrustedSender } from './sender';
import { SourceChoices } from './source-choices';
import { applyWebPolicy } from './web-policy';
import { hardenWebContents, mainWindowOptions } from './window';
import { useScanThreads } from '../core/scan-threads';

/** out/ of the build: this file is out/main/index.js. */
const OUT_DIR = join(import.meta.dirname, '..');
// Only the bundle `electron-vite dev` builds reads ELECTRON_RENDERER_URL: electron.vite.config.ts
// defines DEV_SERVER false for every other build, which drops the read, so no environment can point
// the trusted window (and its API) at another page.
const renderer = rendererLocation(import.meta.env.DEV_SERVER ? process.env.ELECTRON_RENDERER_URL : undefined);
// A cold list of many files scans them on two threads (the script is bundled beside this file).
useScanThreads(join(import.meta.dirname, 'scan-thread.js'));
const dragFolder = new DragFolder();
let mainWindow: BrowserWindow | null = null;
function report(message: string): void {
  console.error(`transcripts: ${message}`);
}

function openExternal(url: string): void {
  shell.openExternal(url).catch((error: unknown) => report(`could not open ${url}: ${errorLine(error)}`));
}

function createWindow(): void {
  const win = new BrowserWindow(mainWindowOptions(join(OUT_DIR, 'preload', 'index.cjs')));
  mainWindow = win;
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  win
    .loadURL(renderer.url)
    .catch((error: unknown) => report(`could not load the window: ${errorLine(error)}`));
}

async function start(): Promise<void> {
  const window = () => mainWindow;
  const choices = new SourceChoices({
    settingsFile: join(app.getPath('userData'), 'settings.json'),
    window,
    report,
    dev: renderer.devOrigin !== null,
  });
  const sources = await choices.load();
  const cacheDir = defaultCacheDir();
  // Folder changes and the shown session's new messages go to the window as they happen.
  const live = new MainLive((channel, payload) => mainWindow?.webContents.send(channel, payload));
  const store = new OpenStore(sources, {
    // The index builds in a worker thread, so the window never waits on it.
    makeSearch: (s) =>
      new SearchWorkerClient(join(import.meta.dirname, 'search-worker.js'), {
        dir: s.dir(),
        indexFile: indexFileForCatalog(cacheDir, s.settings()),
        sources: s.settings(),
      }),
    cacheDir,
    onSearchProgress: (p) => mainWindow?.webContents.send(SEARCH_PROGRESS_EVENT, p),
    live: (s, liveStore) => live.open(s, liveStore),
    watcher: { onError: (error) => report(`live updates: ${errorLine(error)}`) },
    watch: (s, id, known) => live.watch(s, id, known),
  });
  app.on('will-quit', () => void store.close());

  protocol.handle(APP_SCHEME, rendererProtocolHandler(join(OUT_DIR, 'renderer')));
  applyWebPolicy(session.defaultSession, renderer);
  registerIpc(ipcMain, {
    isTrusted: (event) => isTrustedSender(event, mainWindow?.webContents ?? null, renderer),
    handlers: () => store.handlers(),
    saveAs: ({ id, format, redact }) =>
      saveSessionAs(store.store(), (name, ext) => chooseSavePath(window, name, ext), id, {
        format: format ?? 'md',
        redact: redact ?? null,
      }),
    saveZip: ({ ids, format, redact }) =>
      saveZipAs(store.store(), (name, ext) => chooseSavePath(window, name, ext), ids, {
        format: format ?? 'md',
        redact: redact ?? null,
      }),
    openFolder: () => choices.openFolder(store),
    drag: (sender, id) => startDragOut(store.store(), dragFolder, sender, dragIcon(), id),
    reportError: report,
  });

  choices.buildMenu(store);

  createWindow();
  app.on('activate', () => {
    if (mainWindow === null) createWindow();
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // A privileged scheme can only be registered before the app is ready.
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  // Every webContents, including any Chromium creates on its own, gets the same lock-down.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, openExternal));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => dragFolder.cleanup());
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      report(`could not start: ${errorLine(error)}`);
      app.exit(1);
    });
}
