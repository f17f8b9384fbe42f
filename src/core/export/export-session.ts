// A session exported as a file in any format, redacted or not: the one function the CLI,
// Electron's Save As and the server's downloads all call, so they cannot drift apart.
import {
  EXPORT_MIME,
  type ExportFormat,
  type ExportRequest,
  type RedactionFinding,
} from '../../shared/export-options';
import { exportFileName } from '../../shared/export-file-name';
import type { Session } from '../../shared/types';
import { exportSessionMarkdown } from './export-markdown';
import { redactSession } from '../redact/redact-session';
import type { JsonlStore } from '../store';
import { exportSessionHtml } from './html';
import { markdownFile, type ExportedFile } from './markdown-file';
import { sessionJson } from './session-json';

/** The store methods an export needs: a load, and the streamed Markdown for plain Markdown (a
 * store, or a catalog of sources). */
export type ExportSource = Pick<JsonlStore, 'load' | 'markdownExport'>;

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

/** Session `id` exported as `request` says; throws the store's one-line errors. Plain Markdown
 * streams from the store; the rest loads the session, and the file is named after the title as it
 * stands after redaction. */
export async function exportSession(
  store: ExportSource,
  id: string,
  request: ExportRequest,
): Promise<ExportedFile> {
  if (request.format === 'md' && !request.redact) return markdownFile(store, id);
  const session = await store.load(id);
  const findings = request.redact ? await redactSession(session, request.redact) : [];
  return {
    name: exportFileName(session.title, id, request.format),
    mime: EXPORT_MIME[request.format],
    text: renderSession(session, request.format),
    findings,
  };
}

/** What redacting session `id` would replace, for a preview; nothing is written. */
export async function redactionPreview(
  store: ExportSource,
  id: string,
  request: ExportRequest,
): Promise<RedactionFinding[]> {
  return request.redact ? redactSession(await store.load(id), request.redact) : [];
}
