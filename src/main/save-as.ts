// File > Save: ask where, then write the session's export there atomically.
import { writeFileAtomic } from '../core/atomic';
import { exportSession, type ExportSource } from '../core/export/export-session';
import type { ExportExtension } from '../shared/export-file-name';
import { PLAIN_MARKDOWN, type ExportRequest } from '../shared/export-options';

/** Shows the save dialog with `defaultName` filled in for files of `extension`; resolves to the
 * chosen path or null. */
export type ChooseSavePath = (defaultName: string, extension: ExportExtension) => Promise<string | null>;

/** Saves session `id` as `request` says; `path` is null when the user cancelled the dialog. */
export async function saveSessionAs(
  store: ExportSource,
  choosePath: ChooseSavePath,
  id: string,
  request: ExportRequest = PLAIN_MARKDOWN,
): Promise<{ path: string | null }> {
  // Export before asking, so a missing session fails at once instead of after the dialog.
  const { name, text } = await exportSession(store, id, request);
  const path = await choosePath(name, request.format);
  if (path === null) return { path: null };
  // A document the user saves gets the usual permissions (0666 less the umask), not a private file's.
  await writeFileAtomic(path, text, 0o666);
  return { path };
}
