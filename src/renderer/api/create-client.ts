// Picks the transport at start-up: the preload's window.api in Electron, HTTP otherwise.
import type { Api } from '../../shared/electron-api';
import type { ClientApi } from './client-api';
import { createElectronClient } from './electron-client';
import { createHttpClient } from './http-client';

/** The query parameter of the printed address that carries the token (the server's TOKEN_PARAM). */
const TOKEN_PARAM = 'token';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    api?: Api;
  }
}

/** Starts a download through a temporary <a download>, which a strict CSP allows. */
function downloadThroughLink(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}

/** The `?token=` of the address `sessions serve` printed, taken out of the address bar (and so
 * out of history, bookmarks and screen shares); the rest of the address, `#session=` included,
 * stays. The server's cookie proves the token from here on, after a reload too. */
export function takeTokenFromAddress(win: Window): string {
  const url = new URL(win.location.href);
  const token = url.searchParams.get(TOKEN_PARAM) ?? '';
  if (url.searchParams.has(TOKEN_PARAM)) {
    url.searchParams.delete(TOKEN_PARAM);
    win.history.replaceState(win.history.state, '', url);
  }
  return token;
}

/** The ClientApi for this page. The token is read once, here, from the page URL. */
export function createClient(win: Window = window): ClientApi {
  if (win.api) return createElectronClient(win.api);
  return createHttpClient({
    origin: win.location.origin,
    token: takeTokenFromAddress(win),
    fetch: win.fetch.bind(win),
    download: downloadThroughLink,
    onFocus: (callback) => {
      const onVisible = () => {
        if (win.document.visibilityState === 'visible') callback();
      };
      win.addEventListener('focus', callback);
      win.document.addEventListener('visibilitychange', onVisible);
      return () => {
        win.removeEventListener('focus', callback);
        win.document.removeEventListener('visibilitychange', onVisible);
      };
    },
    openEvents: (url) => new EventSource(url),
    // The list, and the folder facts its first load asks alongside, are asked for before the
    // app's code has loaded: the first paint waits on both.
    early: [
      { method: 'listSessions', request: {} },
      { method: 'storeInfo', request: {} },
    ],
  });
}
