// Where our renderer lives: app://transcripts/index.html (served from out/renderer by
// app-protocol.ts), or the electron-vite dev server under `npm run dev`.
// Every trust decision in main (IPC senders, requests, permissions) asks this one object.
import { APP_HOST, APP_ORIGIN, APP_SCHEME } from './app-protocol';

/** The renderer's address and the tests that tell our pages and files from anything else. */
export interface RendererLocation {
  /** What BrowserWindow.loadURL loads. */
  url: string;
  /** The origin of our pages, as Chromium reports it for a frame. */
  origin: string;
  /** Origin of the dev server, or null in production. */
  devOrigin: string | null;
  /** True when `url` is our renderer page (any #hash: deep links change it). */
  isRendererPage(url: string): boolean;
  /** True when the renderer may load `url`: its own files or dev server, never anything remote. */
  mayLoad(url: string): boolean;
}

/** The renderer page of production builds. */
export const APP_PAGE = `${APP_ORIGIN}/index.html`;

/** The dev server when `devServerUrl` is given (only `npm run dev` passes one), else app://. */
export function rendererLocation(devServerUrl: string | undefined): RendererLocation {
  if (devServerUrl) return devLocation(new URL(devServerUrl));
  return {
    url: APP_PAGE,
    origin: APP_ORIGIN,
    devOrigin: null,
    isRendererPage: (url) => withoutHash(url) === APP_PAGE,
    mayLoad: (url) => {
      const parsed = parse(url);
      if (parsed === null) return false;
      if (parsed.protocol === 'devtools:' || parsed.protocol === 'data:') return true;
      // Anything else under app://transcripts is for the protocol handler to serve or refuse.
      return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
    },
  };
}

function devLocation(server: URL): RendererLocation {
  const page = new URL('/', server).href;
  // Vite's hot reload talks over a WebSocket to the same host and port.
  const socketOrigin = `${server.protocol === 'https:' ? 'wss:' : 'ws:'}//${server.host}`;
  return {
    url: server.href,
    origin: server.origin,
    devOrigin: server.origin,
    isRendererPage: (url) => {
      const parsed = parse(url);
      return parsed !== null && parsed.origin === server.origin && withoutHash(url) === page;
    },
    mayLoad: (url) => {
      const parsed = parse(url);
      if (parsed === null) return false;
      if (parsed.protocol === 'devtools:' || parsed.protocol === 'data:') return true;
      return parsed.origin === server.origin || `${parsed.protocol}//${parsed.host}` === socketOrigin;
    },
  };
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function withoutHash(url: string): string {
  const parsed = parse(url);
  if (parsed === null) return '';
  parsed.hash = '';
  return parsed.href;
}
