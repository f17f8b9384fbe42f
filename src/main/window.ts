// The main window's options and the hardening every webContents gets: no navigation away from
// the renderer, no new windows, no <webview>. Links to http(s) pages open in the user's browser.
import type { BrowserWindowConstructorOptions, WebContents } from 'electron';

/** BrowserWindow options: the renderer runs sandboxed, isolated and without Node. */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 640,
    minHeight: 400,
    title: 'Transcripts',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  };
}

/** True for http: and https: URLs, the only kind handed to the user's browser. */
export function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** Locks down `contents`; `openExternal` receives http(s) URLs the user clicked. */
export function hardenWebContents(contents: WebContents, openExternal: (url: string) => void): void {
  contents.setWindowOpenHandler(({ url, disposition, features, postBody }) => {
    // A plain click (or middle/ctrl-click) on <a target=_blank> arrives as a tab disposition
    // with no features and no body; window.open() with features or a form post does not.
    const linkClick =
      (disposition === 'foreground-tab' || disposition === 'background-tab') &&
      features === '' &&
      postBody === undefined;
    if (linkClick && isWebUrl(url)) openExternal(url);
    return { action: 'deny' };
  });

  contents.on('will-navigate', (event) => {
    // In-page navigation (the #session= deep link) never reaches this event.
    event.preventDefault();
    if (event.isMainFrame && isWebUrl(event.url)) openExternal(event.url);
  });

  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}
