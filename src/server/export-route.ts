// GET /export/<id>.<md|html|json>: the session's export as a download, for Save in the browser and
// for drag-out (Chromium's DownloadURL needs a URL that answers with the file).
import type { ServerResponse } from 'node:http';
import { errorLine } from '../shared/api';
import type { ExportRequest, RedactOptions } from '../shared/export-options';
import { exportSession, type ExportSource } from '../core/export/export-session';
import type { ExportedFile } from '../core/export/markdown-file';
import { isValidId } from '../shared/ids';
import { SessionNotFoundError } from '../core/errors';
import { decodePathSegment } from './path-segment';
import { SECURITY_HEADERS, sendText } from './respond';

/** Matches an export path and captures the (still percent-encoded) id and the format. */
export const EXPORT_PATH = /^\/export\/([^/]+)\.(md|html|json)$/;

/** The Content-Disposition for `fileName` (already sanitized by exportFileName): an ASCII
 * `filename` every client reads, and the exact UTF-8 name in `filename*` for clients that support
 * it (RFC 6266, RFC 8187). */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_');
  // encodeURIComponent leaves ' ( ) bare, which RFC 8187's attr-char does not allow.
  const exact = encodeURIComponent(fileName).replace(
    /['()]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${exact}`;
}

/** The redaction a download asks for: `?redact=1`, plus `emails=1` and `home=1`. */
export function redactFromQuery(query: URLSearchParams): RedactOptions | null {
  if (query.get('redact') !== '1') return null;
  return { emails: query.get('emails') === '1', home: query.get('home') === '1' };
}

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
