// A session exported as a file in any format: the one function the CLI, Electron's Save As and
// drag-out, and the server's downloads all call, so they cannot drift apart.
import { EXPORT_MIME, type ExportFormat } from '../../shared/export-format';
import { exportFileName } from '../../shared/export-file-name';
import type { Session } from '../../shared/types';
import { exportSessionMarkdown } from '../markdown';
import type { JsonlStore } from '../store';
import { exportSessionHtml } from './html';
import { sessionJson } from './session-json';

/** An export ready to be written or sent. */
export interface ExportedFile {
  /** The sanitized file name (exportFileName), with the format's extension. */
  name: string;
  /** Its Content-Type. */
  mime: string;
  text: string;
}

/** The store methods an export needs (a narrow view, so tests can pass a fake). */
export type ExportSource = Pick<JsonlStore, 'load'>;

/** `session` in `format`. */
export function renderSession(session: Session, format: ExportFormat): string {
  switch (format) {
    case 'md':
      return exportSessionMarkdown(session);
    case 'html':
      return exportSessionHtml(session);
    case 'json':
      return sessionJson(session) + '\n';
  }
}

/** Loads session `id` and exports it in `format`; throws the store's one-line errors. */
export async function exportSession(
  store: ExportSource,
  id: string,
  format: ExportFormat,
): Promise<ExportedFile> {
  const session = await store.load(id);
  return {
    name: exportFileName(session.title, id, format),
    mime: EXPORT_MIME[format],
    text: renderSession(session, format),
  };
}
