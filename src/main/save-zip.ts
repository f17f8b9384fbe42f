// Several sessions saved as one zip: ask where, then write it atomically.
import { writeFileAtomic } from '../core/atomic';
import type { ExportSource } from '../core/export/export-session';
import { exportZip, zipName } from '../core/export/export-zip';
import type { ExportRequest } from '../shared/export-options';
import type { ChooseSavePath } from './save-as';

/** Saves `ids` as one zip of `request`'s exports; `path` is null when the user cancelled. */
export async function saveZipAs(
  store: ExportSource,
  choosePath: ChooseSavePath,
  ids: readonly string[],
  request: ExportRequest,
): Promise<{ path: string | null }> {
  // Export before asking, so a missing session fails at once instead of after the dialog.
  const { bytes } = await exportZip(store, ids, request);
  const path = await choosePath(zipName(new Set(ids).size), 'zip');
  if (path === null) return { path: null };
  await writeFileAtomic(path, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 0o666);
  return { path };
}
