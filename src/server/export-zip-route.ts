// GET /export-zip?ids=a,b,c&format=md|html|json[&redact=1&emails=1&home=1]: several sessions as
// one zip download, for the list's multi-select in the browser.
import type { ServerResponse } from 'node:http';
import { errorLine } from '../shared/api';
import { isExportFormat } from '../shared/export-options';
import { isValidId } from '../shared/ids';
import { SessionNotFoundError } from '../core/errors';
import { exportZip, MAX_ZIP_SESSIONS, zipName } from '../core/export/export-zip';
import type { ExportSource } from '../core/export/export-session';
import { attachmentDisposition, redactFromQuery } from './download';
import { SECURITY_HEADERS, sendText } from './respond';

/** The path of zip downloads. */
export const ZIP_PATH = '/export-zip';

/** Answers a zip request. */
export async function handleZip(
  res: ServerResponse,
  store: ExportSource,
  query: URLSearchParams,
  head: boolean,
) {
  const ids = (query.get('ids') ?? '').split(',').filter((id) => id !== '');
  const format = query.get('format') ?? 'md';
  if (ids.length === 0 || ids.length > MAX_ZIP_SESSIONS || !ids.every(isValidId)) {
    sendText(res, 400, `ids must be 1 to ${MAX_ZIP_SESSIONS} valid session ids, comma-separated`);
    return;
  }
  if (!isExportFormat(format)) {
    sendText(res, 400, 'format must be one of md, html, json');
    return;
  }
  let bytes: Uint8Array;
  try {
    ({ bytes } = await exportZip(store, ids, { format, redact: redactFromQuery(query) }));
  } catch (error) {
    sendText(res, error instanceof SessionNotFoundError ? 404 : 500, errorLine(error));
    return;
  }
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/zip',
    'Content-Disposition': attachmentDisposition(zipName(new Set(ids).size)),
    'Content-Length': bytes.length,
  });
  res.end(head ? undefined : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}
