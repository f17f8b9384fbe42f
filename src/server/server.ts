// The browser-mode HTTP server: serves the built renderer and bridges its API calls to the store
// through the same dispatch Electron uses. Bound to 127.0.0.1 and guarded by a per-run token.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorLine } from '../shared/api';
import type { ExportFormat } from '../shared/export-options';
import { defaultCacheDir } from '../core/search/cache-dir';
import { Catalog, indexFileForCatalog } from '../core/sources/catalog';
import { SearchService } from '../core/search/search-service';
import { defaultDataDir } from '../core/app-data/data-dir';
import { Trash } from '../core/app-data/trash';
import { wireBackend } from '../core/backend';
import type { SearchHandle } from '../core/search/search-handle';
import type { Handlers } from '../shared/dispatch';
import type { JsonlStore } from '../core/store';
import { API_PREFIX, handleApi } from './api-route';
import { withEarlyList } from './early-list';
import {
  isOwnHostAndOrigin,
  isWellFormedToken,
  newToken,
  presentsToken,
  queryToken,
  tokenCookie,
  tokensEqual,
} from './auth';
import { EVENTS_PATH, EventStreams } from './events';
import { redactFromQuery } from './download';
import { EXPORT_PATH, handleExport } from './export-route';
import { handleZip, ZIP_PATH } from './export-zip-route';
import { decodePathSegment } from './path-segment';
import { sendText } from './respond';
import { serveStatic } from './static';

/** What `startServer` needs. */
export interface ServerOptions {
  /** ggcode's store alone, or a catalog of sources. */
  store: JsonlStore | Catalog;
  /** Port to listen on; 0 (the default) lets the system pick a free one. */
  port?: number;
  /** The built renderer (out/renderer), served as the page and its assets. */
  rendererDir: string;
  /** The access token; a random one is made when absent. */
  token?: string;
  /** Full-text search; by default an in-process index in `cacheDir`. Closed with the server. */
  search?: SearchHandle;
  /** Where the default search index lives (the platform cache folder when absent). */
  cacheDir?: string;
  /** The app's data folder (stars, tags, notes; the trash); the platform's when absent. */
  dataDir?: string;
  /** How often idle event streams get a heartbeat, in ms (tests shorten it). */
  heartbeatMs?: number;
  /** Limits on slow clients; SERVER_TIMEOUTS by default (tests shorten them). */
  timeouts?: ServerTimeouts;
}

/** How long a client may take, in ms: to send its headers, to send its whole request, and to send
 * the next request on a kept-alive connection. A streamed response (/events) is not limited. */
export interface ServerTimeouts {
  headersMs: number;
  requestMs: number;
  keepAliveMs: number;
}

/** The limits `sessions serve` runs with: a stalled or trickling client cannot hold a socket. */
export const SERVER_TIMEOUTS: Readonly<ServerTimeouts> = {
  headersMs: 10_000,
  requestMs: 30_000,
  keepAliveMs: 5_000,
};

/** A running server. */
export interface RunningServer {
  /** The address to open, token included: http://127.0.0.1:PORT/?token=TOKEN */
  url: string;
  port: number;
  token: string;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/** The host the server binds to: loopback only, never other interfaces. */
export const BIND_HOST = '127.0.0.1';

/** Starts serving `store` and the renderer on 127.0.0.1. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = options.token ?? newToken();
  if (!isWellFormedToken(token)) throw new Error('token must be 32-256 characters of A-Z a-z 0-9 _ -');
  const { rendererDir } = options;
  const store = Catalog.of(options.store);
  const search =
    options.search ??
    new SearchService(store, indexFileForCatalog(options.cacheDir ?? defaultCacheDir(), store.settings()));
  const dataDir = options.dataDir ?? defaultDataDir();
  // Deleted sessions older than the trash keeps are let go of at start (and at each delete).
  const trash = new Trash(dataDir);
  void trash.empty().catch(() => undefined);
  // The browser follows a session over /events?watch=<id>, so the handlers keep no watch.
  const backend = wireBackend({ store, search, mode: 'browser', dataDir, trash });
  // The folder is watched for the event streams; the search index follows the same changes.
  await backend.live.start();
  const events = new EventStreams(backend.live, search, options.heartbeatMs);
  const early = withEarlyList(backend.handlers, backend.live);
  const context: RouteContext = {
    store,
    rendererDir,
    handlers: early.handlers,
    startList: early.startList,
    events,
    token,
    port: 0,
  };
  const timeouts = options.timeouts ?? SERVER_TIMEOUTS;
  const server = createServer(
    {
      // Node would answer a missing Host with its own 400; our check answers 403 like any wrong Host.
      requireHostHeader: false,
      // Node checks the header and request timeouts this often (30 s by default, too coarse).
      connectionsCheckingInterval: Math.min(1000, timeouts.headersMs),
    },
    (req, res) => {
      route(req, res, context).catch((error: unknown) => {
        if (!res.headersSent) sendText(res, 500, `internal error: ${errorLine(error)}`);
        else res.destroy();
      });
    },
  );
  server.headersTimeout = timeouts.headersMs;
  server.requestTimeout = timeouts.requestMs;
  server.keepAliveTimeout = timeouts.keepAliveMs;
  context.port = await listen(server, options.port ?? 0);
  return {
    url: `http://${BIND_HOST}:${context.port}/?token=${token}`,
    port: context.port,
    token,
    close: async () => {
      events.close();
      early.close();
      await close(server);
      await backend.close();
    },
  };
}

interface RouteContext {
  store: Catalog;
  rendererDir: string;
  handlers: Handlers;
  /** Starts the list the page is about to ask for (see early-list.ts). */
  startList(): void;
  events: EventStreams;
  token: string;
  port: number;
}

// Order matters: the Host/Origin and token checks come before anything that could reveal what
// exists, so a refused request learns nothing but "403".
async function route(req: IncomingMessage, res: ServerResponse, ctx: RouteContext): Promise<void> {
  if (!isOwnHostAndOrigin(req, ctx.port)) {
    sendText(res, 403, 'forbidden: wrong Host or Origin');
    return;
  }
  // Only origin-form targets ("/path?query"); "//host/..." or absolute URLs are not for us.
  const target = req.url ?? '';
  if (!target.startsWith('/') || target.startsWith('//')) {
    sendText(res, 400, 'bad request target');
    return;
  }
  const url = new URL(target, `http://${BIND_HOST}:${ctx.port}`);
  const { pathname } = url;
  const isApi = pathname.startsWith(API_PREFIX);
  const exportMatch = EXPORT_PATH.exec(pathname);
  const isZip = pathname === ZIP_PATH;
  const isIndex = pathname === '/' || pathname === '/index.html';
  const isEvents = pathname === EVENTS_PATH;
  // EventSource cannot send headers: the stream may carry the token in its URL, like the index.
  const query = isIndex || isEvents || exportMatch !== null || isZip;
  if (!presentsToken(req, url, ctx.token, { query, port: ctx.port })) {
    sendText(res, 403, 'forbidden: missing or wrong token; open the URL `sessions serve` printed');
    return;
  }
  if (isEvents) {
    await ctx.events.handle(req, res, url);
    return;
  }
  const method = req.method ?? 'GET';
  if (isApi) {
    if (method !== 'POST') {
      sendText(res, 405, 'method not allowed: use POST', { Allow: 'POST' });
      return;
    }
    const channel = decodePathSegment(pathname.slice(API_PREFIX.length)) ?? '';
    await handleApi(req, res, ctx.handlers, channel);
    return;
  }
  if (method !== 'GET' && method !== 'HEAD') {
    sendText(res, 405, 'method not allowed: use GET', { Allow: 'GET, HEAD' });
    return;
  }
  const head = method === 'HEAD';
  if (isZip) {
    await handleZip(res, ctx.store, url.searchParams, head);
    return;
  }
  if (exportMatch !== null) {
    const request = { format: exportMatch[2] as ExportFormat, redact: redactFromQuery(url.searchParams) };
    await handleExport(res, ctx.store, exportMatch[1] ?? '', request, head);
    return;
  }
  if (isIndex) {
    // The first visit proves the token in the query; the cookie then covers assets and API calls.
    const fromQuery = queryToken(url);
    const setCookie = fromQuery !== undefined && tokensEqual(fromQuery, ctx.token);
    // The list's first reads are only queued here: the page itself is read and sent at once
    // (static.ts reads synchronously), so neither waits for the other.
    if (!head) ctx.startList();
    serveStatic(
      res,
      ctx.rendererDir,
      '/index.html',
      head,
      setCookie ? { 'Set-Cookie': tokenCookie(ctx.token, ctx.port) } : {},
    );
    return;
  }
  serveStatic(res, ctx.rendererDir, pathname, head);
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, BIND_HOST, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
