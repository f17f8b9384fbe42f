// GET /export/<id>.<md|html|json>: the session's export as a download, for Save in the browser and
// for drag-out (Chromium's DownloadURL needs a URL that answers with the file).
import type { ServerResponse } from 'node:http';
import { errorLine } from '../shared/api';
import type { ExportRequest } from '../shared/export-options';
import { exportSession, type ExportSource } from '../core/export/export-session';
import type { ExportedFile } from '../core/export/markdown-file';
import { isValidId } from '../shared/ids';
import { SessionNotFoundError } from '../core/errors';
import { attachmentDisposition } from './download';
import { decodePathSegment } from './path-segment';
import { SECURITY_HEADERS, sendText } from './respond';

/** Matches an export path and captures the (still percent-encoded) id and the format. */
export const EXPORT_PATH = /^\/export\/([^/]+)\.(md|html|json)$/;

/** Answers an export request for `rawId` (the percent-encoded path segment). */
export async function handleExport(
  res: ServerResponse,
  store: ExportSource,
  rawId: string,
  request: ExportRequest,
  head: boolean,
): Promise<void> {
  const id = decodePathSegment(rawId);
  if (!isValidId(id)) {
    sendText(res, 400, 'invalid session id');
    return;
  }
  let file: ExportedFile;
  try {
    file = await exportSession(store, id, request);
  } catch (error) {
    sendText(res, error instanceof SessionNotFoundError ? 404 : 500, errorLine(error));
    return;
  }
  const body = Buffer.from(file.text, 'utf8');
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': file.mime,
    'Content-Disposition': attachmentDisposition(file.name),
    'Content-Length': body.length,
  });
  res.end(head ? undefined : body);
}
