// GET /export/<id>.md: the session's Markdown export as a download, for Save in the browser and
// for drag-out (Chromium's DownloadURL needs a URL that answers with the file).
import type { ServerResponse } from 'node:http';
import { errorLine } from '../shared/api';
import { isValidId } from '../shared/ids';
import { SessionNotFoundError } from '../core/errors';
import type { JsonlStore } from '../core/store';
import { decodePathSegment } from './path-segment';
import { SECURITY_HEADERS, sendText } from './respond';

/** Matches an export path and captures the (still percent-encoded) id. */
export const EXPORT_PATH = /^\/export\/([^/]+)\.md$/;

// Path separators, characters file systems reject, control characters, bidi and zero-width tricks.
// The same rule as the renderer's exportFileName, so Save and drag-out name the file alike.
const UNSAFE_FILENAME_CHARS =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
  /[/\\<>:"|?*\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** A file name (without extension) for a session's title: unsafe characters replaced, at most
 * 100 characters, "session-<id>" when nothing usable is left. */
export function filenameForTitle(title: string, id: string): string {
  const cleaned = Array.from(title.normalize('NFC').replace(UNSAFE_FILENAME_CHARS, '_').replace(/\s+/g, ' '))
    .slice(0, 100)
    .join('')
    // Leading dots hide the file; trailing dots and spaces are dropped by Windows.
    .replace(/^[.\s_]+/, '')
    .replace(/[.\s]+$/, '');
  return cleaned === '' ? `session-${id}` : cleaned;
}

/** The Content-Disposition for `name.md`: an ASCII `filename` every client reads, and the exact
 * UTF-8 name in `filename*` for clients that support it (RFC 6266). */
export function attachmentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_');
  return `attachment; filename="${ascii}.md"; filename*=UTF-8''${encodeURIComponent(`${name}.md`)}`;
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
    'Content-Disposition': attachmentDisposition(filenameForTitle(titleFromExport(markdown), id)),
    'Content-Length': body.length,
  });
  res.end(head ? undefined : body);
}
