// What the user chose to read, and the menus that change it: File > Open Folder… and the Sources
// menu. Each change is remembered in the settings file, reopens the sources, rebuilds the menu
// and tells the renderer.
import { Menu } from 'electron';
import { errorLine } from '../shared/api';
import { STORE_CHANGED_EVENT, type StoreInfo } from '../shared/contract';
import { chooseFolder, type CurrentWindow } from './dialogs';
import { appSources, menuEntries, withSource, type Startup } from './app-sources';
import { menuTemplate } from './menu';
import type { OpenStore } from './open-store';
import { loadSettings, updateSettings, type Settings, type SourceSettings } from './settings';
import { sourcesMenu } from './sources-menu';

/** What the choices need from the app. */
export interface SourceChoicesDeps {
  /** The settings file. */
  settingsFile: string;
  window: CurrentWindow;
  report: (message: string) => void;
  /** True when running against `npm run dev`'s server (the menu offers the developer tools). */
  dev: boolean;
}

/** The remembered choices and start-up's (argv, environment), as they stand. */
export class SourceChoices {
  /** The remembered choices (the file is rewritten on every change). */
  private settings: Settings = {};
  private startup: Startup = { argv: process.argv, env: process.env, cwd: process.cwd() };

  constructor(private readonly deps: SourceChoicesDeps) {}

  /** Reads the remembered choices; returns the sources to open first. */
  async load(): Promise<ReturnType<typeof appSources>> {
    this.settings = await loadSettings(this.deps.settingsFile);
    return appSources(this.settings, this.startup);
  }

  /** Lets the user pick ggcode's sessions folder, switches to it, remembers it and tells the renderer. */
  async openFolder(store: OpenStore): Promise<StoreInfo | null> {
    const dir = await chooseFolder(this.deps.window, 'Open sessions folder');
    return dir === null ? null : this.change(store, 'ggcode', { dir, enabled: true });
  }

  /** Builds (again) the application menu: its Sources menu shows what is read now. */
  buildMenu(store: OpenStore): void {
    const fail = (what: string) => (error: unknown) => this.deps.report(`${what}: ${errorLine(error)}`);
    const sources = sourcesMenu(menuEntries(this.settings, store.store().settings()), {
      onToggle: (name, enabled) =>
        void this.change(store, name, { enabled }).catch(fail('could not change sources')),
      onChooseFolder: (name) =>
        void chooseFolder(this.deps.window, 'Choose a folder to read sessions from')
          .then((dir) => (dir === null ? null : this.change(store, name, { dir, enabled: true })))
          .catch(fail('could not change sources')),
      onDefaultFolder: (name) =>
        void this.change(store, name, 'default-folder').catch(fail('could not change sources')),
    });
    const template = menuTemplate({
      onOpenFolder: () => void this.openFolder(store).catch(fail('could not open the folder')),
      dev: this.deps.dev,
      mac: process.platform === 'darwin',
      sources,
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }

  /** Remembers `change` to source `name`, reopens the sources and tells the renderer and the menu.
   * Failing to remember the choice does not undo it: the sources are open either way. */
  private async change(
    store: OpenStore,
    name: string,
    change: SourceSettings | 'default-folder',
  ): Promise<StoreInfo> {
    this.settings = withSource(this.settings, name, change);
    // A folder picked now outranks the one --dir or SESSIONS_DIR named at start-up.
    if (name === 'ggcode' && (change === 'default-folder' || change.dir !== undefined))
      this.startup = { ...this.startup, argv: [], env: { ...this.startup.env, SESSIONS_DIR: undefined } };
    await updateSettings(this.deps.settingsFile, (s) => withSource(s, name, change)).catch((error: unknown) =>
      this.deps.report(`could not remember the choice: ${errorLine(error)}`),
    );
    store.reopen(appSources(this.settings, this.startup));
    this.buildMenu(store);
    const info = await store.info();
    this.deps.window()?.webContents.send(STORE_CHANGED_EVENT, info);
    return info;
  }
}
