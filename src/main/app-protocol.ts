// The app:// protocol the production renderer is served from (Electron's security checklist: a
// custom protocol, not file://). It serves out/renderer and nothing else, with the same path
// checks, content types and security headers as `sessions serve`.
import { readFile } from 'node:fs/promises';
import type { CustomScheme } from 'electron';
import { SECURITY_HEADERS } from '../server/respond';
import { contentTypeFor, resolveStaticFile } from '../server/static';

/** The scheme of the renderer's URLs. */
export const APP_SCHEME = 'app';

/** The one host the scheme serves: our renderer's origin is app://transcripts. */
export const APP_HOST = 'transcripts';

/** The origin Chromium gives our pages (a standard scheme has a scheme://host origin). */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The scheme's registration, made before the app is ready. */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  // standard: a real origin, relative URLs and web storage; secure: treated like https.
  // supportFetchAPI: module scripts are fetched through Fetch. No corsEnabled, no bypassCSP:
  // other origins cannot read app:// responses, and our CSP applies.
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/** The protocol.handle handler that answers app://transcripts/<path> from `rendererDir`. */
export function rendererProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return refusal(404, 'not found');
    if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405, 'method not allowed');
    // resolveStaticFile refuses "..", encoded separators and symlinks that lead out of the folder.
    const file = await resolveStaticFile(rendererDir, url.pathname);
    if (file === null) return refusal(404, 'not found');
    const body = request.method === 'HEAD' ? null : await readFile(file);
    return new Response(body, {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeFor(file) },
    });
  };
}

function refusal(status: number, line: string): Response {
  return new Response(`${line}\n`, {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}
