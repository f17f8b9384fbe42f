// GET /export/<id>.md: the session's Markdown export as a download, for Save in the browser and
// for drag-out (Chromium's DownloadURL needs a URL that answers with the file).
import type { ServerResponse } from 'node:http';
import { errorLine } from '../shared/api';
import { exportFileName } from '../shared/export-file-name';
import { isValidId } from '../shared/ids';
import { SessionNotFoundError } from '../core/errors';
import type { JsonlStore } from '../core/store';
import { decodePathSegment } from './path-segment';
import { SECURITY_HEADERS, sendText } from './respond';

/** Matches an export path and captures the (still percent-encoded) id. */
export const EXPORT_PATH = /^\/export\/([^/]+)\.md$/;

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

/** The title as the export header states it ("# {title}\n\n**Session:** ..."), so a download
 * needs one load of the session, not two. */
export function titleFromExport(markdown: string): string {
  return /^# (.*?)\n\n\*\*Session:\*\* /s.exec(markdown)?.[1] ?? '';
}

/** Answers an export request for `rawId` (the percent-encoded path segment). */
export async function handleExport(
  res: ServerResponse,
  store: JsonlStore,
  rawId: string,
  head: boolean,
): Promise<void> {
  const id = decodePathSegment(rawId);
  if (!isValidId(id)) {
    sendText(res, 400, 'invalid session id');
    return;
  }
  let markdown: string;
  try {
    markdown = await store.exportMarkdown(id);
  } catch (error) {
    sendText(res, error instanceof SessionNotFoundError ? 404 : 500, errorLine(error));
    return;
  }
  const body = Buffer.from(markdown, 'utf8');
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/markdown; charset=utf-8',
    'Content-Disposition': attachmentDisposition(exportFileName(titleFromExport(markdown), id)),
    'Content-Length': body.length,
  });
  res.end(head ? undefined : body);
}
