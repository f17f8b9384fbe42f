// The plain Markdown export of a session as a file: streamed from the store in one pass (the
// title comes with it), never loaded whole. Kept apart from export-session.ts, which pulls in the
// HTML exporter and the redaction rules, so the CLI starts without them.
import { exportFileName } from '../../shared/export-file-name';
import { EXPORT_MIME, type RedactionFinding } from '../../shared/export-options';
import type { JsonlStore } from '../store';

/** An export ready to be written or sent. */
export interface ExportedFile {
  /** The sanitized file name (exportFileName), with the format's extension. */
  name: string;
  /** Its Content-Type. */
  mime: string;
  text: string;
  /** What redaction replaced (empty when the export was not redacted). */
  findings: RedactionFinding[];
}

/** Session `id`'s plain Markdown export, named after its title. */
export async function markdownFile(
  store: Pick<JsonlStore, 'markdownExport'>,
  id: string,
): Promise<ExportedFile> {
  const { title, markdown } = await store.markdownExport(id);
  return { name: exportFileName(title, id, 'md'), mime: EXPORT_MIME.md, text: markdown, findings: [] };
}
