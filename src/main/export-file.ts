// A session's Markdown export together with the file name it should be saved under.
import type { JsonlStore } from '../core/store';
import { exportSessionMarkdown } from '../core/markdown';
import { exportFileName } from '../shared/export-file-name';

/** The store method an export needs (a narrow view, so tests can pass a fake). */
export type ExportSource = Pick<JsonlStore, 'load'>;

/** An export ready to be written: the sanitized file name and the exact Markdown. */
export interface ExportFile {
  name: string;
  markdown: string;
}

/** Loads session `id` once for both its title and its export (what store.exportMarkdown returns);
 * throws the store's one-line errors. */
export async function exportFile(store: ExportSource, id: string): Promise<ExportFile> {
  const session = await store.load(id);
  return { name: exportFileName(session.title, id), markdown: exportSessionMarkdown(session) };
}
