// File > Save: ask where, then write the session's Markdown export there atomically.
import { writeFileAtomic } from '../core/atomic';
import { exportFile, type ExportSource } from './export-file';

/** Shows the save dialog with `defaultName` filled in; resolves to the chosen path or null. */
export type ChooseSavePath = (defaultName: string) => Promise<string | null>;

/** Saves session `id`; `path` is null when the user cancelled the dialog. */
export async function saveSessionAs(
  store: ExportSource,
  choosePath: ChooseSavePath,
  id: string,
): Promise<{ path: string | null }> {
  // Export before asking, so a missing session fails at once instead of after the dialog.
  const { name, markdown } = await exportFile(store, id);
  const path = await choosePath(name);
  if (path === null) return { path: null };
  // A document the user saves gets the usual permissions (0666 less the umask), not a private file's.
  await writeFileAtomic(path, markdown, 0o666);
  return { path };
}
