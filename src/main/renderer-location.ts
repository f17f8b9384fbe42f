// Where our renderer lives: the built index.html on disk, or the electron-vite dev server.
// Every trust decision in main (IPC senders, requests, permissions) asks this one object.
import { sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The renderer's address and the tests that tell our pages and files from anything else. */
export interface RendererLocation {
  /** What BrowserWindow.loadURL loads. */
  url: string;
  /** Origin of the dev server, or null in production. */
  devOrigin: string | null;
  /** True when `url` is our renderer page (any #hash: deep links change it). */
  isRendererPage(url: string): boolean;
  /** True when the renderer may load `url`: its own files or dev server, never anything remote. */
  mayLoad(url: string): boolean;
}

/** The dev server when ELECTRON_RENDERER_URL is set, else `<rendererDir>/index.html`. */
export function rendererLocation(rendererDir: string, devServerUrl: string | undefined): RendererLocation {
  if (devServerUrl) return devLocation(new URL(devServerUrl));
  const page = pathToFileURL(`${rendererDir}${sep}index.html`);
  const root = `${rendererDir}${sep}`;
  return {
    url: page.href,
    devOrigin: null,
    isRendererPage: (url) => withoutHash(url) === page.href,
    mayLoad: (url) => {
      const parsed = parse(url);
      if (parsed === null) return false;
      if (parsed.protocol === 'devtools:' || parsed.protocol === 'data:') return true;
      if (parsed.protocol !== 'file:' || parsed.host !== '') return false;
      // Only files inside the renderer folder: 'self' on a file:// page would allow the whole disk.
      return pathOf(parsed)?.startsWith(root) ?? false;
    },
  };
}

function devLocation(server: URL): RendererLocation {
  const page = new URL('/', server).href;
  // Vite's hot reload talks over a WebSocket to the same host and port.
  const socketOrigin = `${server.protocol === 'https:' ? 'wss:' : 'ws:'}//${server.host}`;
  return {
    url: server.href,
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

/** The local path of a file: URL; null for URLs Node refuses (such as an encoded "/"). */
function pathOf(url: URL): string | null {
  try {
    return fileURLToPath(url);
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
