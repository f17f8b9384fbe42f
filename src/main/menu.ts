// The application menu: File (Open Folder…, Quit), Edit, View, Sources. Developer tools only in dev.
import type { MenuItemConstructorOptions } from 'electron';

/** What the menu needs to know and to call. */
export interface MenuOptions {
  onOpenFolder: () => void;
  /** True under `npm run dev`: adds Toggle Developer Tools. */
  dev: boolean;
  /** True on macOS, where the first menu is the application menu. */
  mac: boolean;
  /** The Sources menu (sources-menu.ts), when the app offers one. */
  sources?: MenuItemConstructorOptions;
}

/** The menu template; index.ts builds it with Menu.buildFromTemplate. */
export function menuTemplate({ onOpenFolder, dev, mac, sources }: MenuOptions): MenuItemConstructorOptions[] {
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'Open Folder…', accelerator: 'CmdOrCtrl+O', click: () => onOpenFolder() },
      { type: 'separator' },
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      { role: 'reload' },
      ...(dev ? ([{ role: 'toggleDevTools' }] as const) : []),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  return [
    ...(mac ? [{ role: 'appMenu' } as const] : []),
    file,
    { role: 'editMenu' },
    view,
    ...(sources ? [sources] : []),
  ];
}
