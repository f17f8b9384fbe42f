// Electron main entry: wires the store, IPC, window, menu and web policy together. Each piece
// lives in its own module; this file only decides the order and holds the one window.
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import { errorLine } from '../shared/api';
import { SEARCH_PROGRESS_EVENT, STORE_CHANGED_EVENT, type StoreInfo } from '../shared/contract';
import type { ExportExtension } from '../shared/export-file-name';
import { EXPORT_FORMAT_LABELS } from '../shared/export-options';
import { defaultCacheDir } from '../core/search/cache-dir';
import { SearchWorkerClient } from '../core/search/worker-client';
import { indexFileForCatalog } from '../core/sources/catalog';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, rendererProtocolHandler } from './app-protocol';
import { DragFolder, startDragOut } from './drag';
import { dragIcon } from './drag-icon';
import { registerIpc } from './ipc';
import { MainLive } from './live';
import { menuTemplate } from './menu';
import { OpenStore } from './open-store';
import { rendererLocation } from './renderer-location';
import { saveSessionAs } from './save-as';
import { saveZipAs } from './save-zip';
import { isTrustedSender } from './sender';
import { appSources, menuEntries, withSource, type Startup } from './app-sources';
import { loadSettings, updateSettings, type Settings, type SourceSettings } from './settings';
import { sourcesMenu } from './sources-menu';
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
/** The remembered choices as they stand (the file is rewritten on every change). */
let settings: Settings = {};
let startup: Startup = { argv: process.argv, env: process.env, cwd: process.cwd() };

function settingsFile(): string {
  return join(app.getPath('userData'), 'settings.json');
}

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

/** Asks for a folder; null when the user cancels. */
async function chooseFolder(title: string): Promise<string | null> {
  const options = { title, properties: ['openDirectory' as const] };
  const result = mainWindow
    ? await dialog.showOpenDialog(mainWindow, options)
    : await dialog.showOpenDialog(options);
  const dir = result.filePaths[0];
  return result.canceled || dir === undefined ? null : dir;
}

/** Remembers `change` to source `name`, reopens the sources and tells the renderer and the menu.
 * Failing to remember the choice does not undo it: the sources are open either way. */
async function changeSource(
  store: OpenStore,
  name: string,
  change: SourceSettings | 'default-folder',
): Promise<StoreInfo> {
  settings = withSource(settings, name, change);
  // A folder picked now outranks the one --dir or SESSIONS_DIR named at start-up.
  if (name === 'ggcode' && (change === 'default-folder' || change.dir !== undefined))
    startup = { ...startup, argv: [], env: { ...startup.env, SESSIONS_DIR: undefined } };
  await updateSettings(settingsFile(), (s) => withSource(s, name, change)).catch((error: unknown) =>
    report(`could not remember the choice: ${errorLine(error)}`),
  );
  store.reopen(appSources(settings, startup));
  buildMenu(store);
  const info = await store.info();
  mainWindow?.webContents.send(STORE_CHANGED_EVENT, info);
  return info;
}

/** Lets the user pick ggcode's sessions folder, switches to it, remembers it and tells the renderer. */
async function openFolder(store: OpenStore): Promise<StoreInfo | null> {
  const dir = await chooseFolder('Open sessions folder');
  return dir === null ? null : changeSource(store, 'ggcode', { dir, enabled: true });
}

/** Builds (again) the application menu: its Sources menu shows what is read now. */
function buildMenu(store: OpenStore): void {
  const fail = (what: string) => (error: unknown) => report(`${what}: ${errorLine(error)}`);
  const sources = sourcesMenu(menuEntries(settings, store.store().settings()), {
    onToggle: (name, enabled) =>
      void changeSource(store, name, { enabled }).catch(fail('could not change sources')),
    onChooseFolder: (name) =>
      void chooseFolder('Choose a folder to read sessions from')
        .then((dir) => (dir === null ? null : changeSource(store, name, { dir, enabled: true })))
        .catch(fail('could not change sources')),
    onDefaultFolder: (name) =>
      void changeSource(store, name, 'default-folder').catch(fail('could not change sources')),
  });
  const template = menuTemplate({
    onOpenFolder: () => void openFolder(store).catch(fail('could not open the folder')),
    dev: renderer.devOrigin !== null,
    mac: process.platform === 'darwin',
    sources,
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

const FILE_KINDS: Record<ExportExtension, string> = { ...EXPORT_FORMAT_LABELS, zip: 'Zip archive' };

async function chooseSavePath(defaultName: string, extension: ExportExtension): Promise<string | null> {
  const options = {
    title: extension === 'zip' ? 'Save sessions as a zip' : `Save transcript as ${FILE_KINDS[extension]}`,
    defaultPath: join(app.getPath('documents'), defaultName),
    filters: [{ name: FILE_KINDS[extension], extensions: [extension] }],
  };
  const result = mainWindow
    ? await dialog.showSaveDialog(mainWindow, options)
    : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}

async function start(): Promise<void> {
  settings = await loadSettings(settingsFile());
  const cacheDir = defaultCacheDir();
  // Folder changes and the shown session's new messages go to the window as they happen.
  const live = new MainLive((channel, payload) => mainWindow?.webContents.send(channel, payload), {
    onError: (error) => report(`live updates: ${errorLine(error)}`),
  });
  const store = new OpenStore(appSources(settings, startup), {
    // The index builds in a worker thread, so the window never waits on it.
    makeSearch: (s) =>
      new SearchWorkerClient(join(import.meta.dirname, 'search-worker.js'), {
        dir: s.dir(),
        indexFile: indexFileForCatalog(cacheDir, s.settings()),
        sources: s.settings(),
      }),
    cacheDir,
    onSearchProgress: (p) => mainWindow?.webContents.send(SEARCH_PROGRESS_EVENT, p),
    live: (s, search) => live.open(s, search),
    watch: (s, id, known) => live.watch(s, id, known),
  });
  app.on('will-quit', () => void store.close());

  protocol.handle(APP_SCHEME, rendererProtocolHandler(join(OUT_DIR, 'renderer')));
  applyWebPolicy(session.defaultSession, renderer);
  registerIpc(ipcMain, {
    isTrusted: (event) => isTrustedSender(event, mainWindow?.webContents ?? null, renderer),
    handlers: () => store.handlers(),
    saveAs: ({ id, format, redact }) =>
      saveSessionAs(store.store(), chooseSavePath, id, { format: format ?? 'md', redact: redact ?? null }),
    saveZip: ({ ids, format, redact }) =>
      saveZipAs(store.store(), chooseSavePath, ids, { format: format ?? 'md', redact: redact ?? null }),
    openFolder: () => openFolder(store),
    drag: (sender, id) => startDragOut(store.store(), dragFolder, sender, dragIcon(), id),
    reportError: report,
  });

  buildMenu(store);

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
