// The native dialogs main asks the user through: a folder to read, a path to save an export at.
// Each is attached to the window when there is one.
import { join } from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import type { ExportExtension } from '../shared/export-file-name';
import { EXPORT_FORMAT_LABELS } from '../shared/export-options';

/** The window a dialog belongs to, or null when there is none. */
export type CurrentWindow = () => BrowserWindow | null;

/** Asks for a folder; null when the user cancels. */
export async function chooseFolder(window: CurrentWindow, title: string): Promise<string | null> {
  const options = { title, properties: ['openDirectory' as const] };
  const win = window();
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  const dir = result.filePaths[0];
  return result.canceled || dir === undefined ? null : dir;
}

const FILE_KINDS: Record<ExportExtension, string> = { ...EXPORT_FORMAT_LABELS, zip: 'Zip archive' };

/** Asks where to save a file of `extension`, offering `defaultName` in the documents folder; null
 * when the user cancels. */
export async function chooseSavePath(
  window: CurrentWindow,
  defaultName: string,
  extension: ExportExtension,
): Promise<string | null> {
  const options = {
    title: extension === 'zip' ? 'Save sessions as a zip' : `Save transcript as ${FILE_KINDS[extension]}`,
    defaultPath: join(app.getPath('documents'), defaultName),
    filters: [{ name: FILE_KINDS[extension], extensions: [extension] }],
  };
  const win = window();
  const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}
