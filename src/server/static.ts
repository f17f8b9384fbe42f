// Serves the built renderer (out/renderer) and nothing else: paths are resolved and then checked,
// after following symlinks, to lie inside the renderer directory.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, isAbsolute, join, relative } from 'node:path';
import { SECURITY_HEADERS, sendText } from './respond';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** The Content-Type for a file name; unknown kinds are plain bytes (nosniff keeps them inert). */
export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** The real path of the file `pathname` names inside `root`, or null when it is outside, missing
 * or not a regular file. `pathname` is the URL path, still percent-encoded. Synchronous: these are
 * quick system calls, and on libuv's thread pool they would queue behind the reads of a list being
 * built (the page's scripts then waited ~100 ms for a 10,000-session folder's list to start). */
export function resolveStaticFileSync(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  try {
    const realRoot = realpathSync(root);
    const file = realpathSync(join(realRoot, decoded));
    const inside = relative(realRoot, file);
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
    return statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

/** resolveStaticFileSync for callers that take a promise (Electron's protocol handler). */
export async function resolveStaticFile(root: string, pathname: string): Promise<string | null> {
  return resolveStaticFileSync(root, pathname);
}

// Sends `file` with its content type; `head` sends the headers alone. Read at once, off the
// thread pool for the same reason as above (the renderer's largest file is under 1 MB).
function sendFile(
  res: ServerResponse,
  file: string,
  head: boolean,
  extra: Record<string, string> = {},
): void {
  const body = head ? null : readFileSync(file);
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    ...extra,
    'Content-Type': contentTypeFor(file),
    'Content-Length': body?.length ?? statSync(file).size,
  });
  res.end(body ?? undefined);
}

/** Serves the renderer file at `pathname`, or 404. */
export function serveStatic(
  res: ServerResponse,
  root: string,
  pathname: string,
  head: boolean,
  extra: Record<string, string> = {},
): void {
  const file = resolveStaticFileSync(root, pathname);
  if (file === null) {
    sendText(res, 404, 'not found');
    return;
  }
  sendFile(res, file, head, extra);
}
