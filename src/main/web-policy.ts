// Session-wide rules for what the renderer may load and ask for. Transcripts hold text written by
// models and tools, so the page is treated as able to contain anything: no remote content, no
// permissions, and a CSP that allows only our own scripts.
import type { Session } from 'electron';
import type { RendererLocation } from './renderer-location';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';

/** `npm run dev` only: the React plugin's hot-reload preamble is an inline script, and Vite
 * injects the CSS as <style> elements. A production build needs neither. */
const DEV_POLICY = CONTENT_SECURITY_POLICY.replace(
  "script-src 'self'",
  "script-src 'self' 'unsafe-inline'",
).replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

/** The one permission granted: writing (never reading) the clipboard, for Copy Markdown.
 * Chromium asks for it on every navigator.clipboard.writeText, which then needs a user gesture. */
const CLIPBOARD_WRITE = 'clipboard-sanitized-write';

/** Installs the CSP, the request filter and the permission handlers on `session`. */
export function applyWebPolicy(session: Session, renderer: RendererLocation): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !renderer.mayLoad(details.url) });
  });

  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    // Drop whatever CSP the response had (app:// sends ours, the dev server none) so ours is the
    // only one.
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() === 'content-security-policy') delete headers[name];
    }
    headers['Content-Security-Policy'] = [renderer.devOrigin === null ? CONTENT_SECURITY_POLICY : DEV_POLICY];
    headers['X-Content-Type-Options'] = ['nosniff'];
    callback({ responseHeaders: headers });
  });

  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(
      permission === CLIPBOARD_WRITE && details.isMainFrame && renderer.isRendererPage(details.requestingUrl),
    );
  });

  session.setPermissionCheckHandler((_contents, permission, _origin, details) => {
    return (
      permission === CLIPBOARD_WRITE &&
      details.isMainFrame &&
      details.requestingUrl !== undefined &&
      renderer.isRendererPage(details.requestingUrl)
    );
  });
}
