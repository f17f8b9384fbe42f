// The Sources menu: each source the app knows can be read or not, and pointed at another folder
// or back at its default one. The choices are remembered in the settings (see settings.ts).
import type { MenuItemConstructorOptions } from 'electron';

/** One source as the menu shows it. */
export interface SourceMenuEntry {
  name: string;
  label: string;
  /** Read now. */
  enabled: boolean;
  /** A folder the user chose, when not the default. */
  dir?: string;
}

/** What the menu calls. */
export interface SourcesMenuActions {
  onToggle: (name: string, enabled: boolean) => void;
  onChooseFolder: (name: string) => void;
  onDefaultFolder: (name: string) => void;
}

/** The Sources submenu. */
export function sourcesMenu(
  entries: readonly SourceMenuEntry[],
  actions: SourcesMenuActions,
): MenuItemConstructorOptions {
  const items: MenuItemConstructorOptions[] = [];
  for (const [i, e] of entries.entries()) {
    if (i > 0) items.push({ type: 'separator' });
    items.push(
      {
        id: `source-${e.name}`,
        label: `Read ${e.label} Sessions`,
        type: 'checkbox',
        checked: e.enabled,
        click: (item) => actions.onToggle(e.name, item.checked),
      },
      { label: `Choose ${e.label} Folder…`, click: () => actions.onChooseFolder(e.name) },
      {
        label: e.dir ? `Use ${e.label}'s Default Folder (now ${e.dir})` : `Using ${e.label}'s Default Folder`,
        enabled: e.dir !== undefined,
        click: () => actions.onDefaultFolder(e.name),
      },
    );
  }
  return { label: 'Sources', submenu: items };
}
