// Browser mode (`sessions serve`): the shared channels over POST /api/<channel>, Save as a
// download of /export/<id>.md, drag-out through Chromium's DownloadURL, and live updates over
// server-sent events on /events.
import {
  API_METHODS,
  errorLine,
  unwrap,
  type ApiMethod,
  type Envelope,
  type SharedApi,
} from '../../shared/api';
import {
  SEARCH_PROGRESS_EVENT,
  SESSION_APPENDED_EVENT,
  SESSIONS_CHANGED_EVENT,
  type Channel,
  type SessionAppended,
  type SessionsChanged,
} from '../../shared/contract';
import type { IndexProgress } from '../../shared/types';
import type { ClientApi, DragStartEvent } from './client-api';
import { EventStream, type OpenEventSource } from './event-stream';
import { exportFileName } from '../../shared/export-file-name';
import { PLAIN_MARKDOWN, type ExportRequest } from '../../shared/export-options';

/** Where the page lives and how to fetch; injectable so tests need no server. */
export interface HttpClientOptions {
  /** The page origin, e.g. http://127.0.0.1:4321. */
  origin: string;
  /** The access token from the page URL's `token` parameter ('' when there is none, as after a
   * reload: the cookie then proves it alone). */
  token: string;
  fetch: typeof fetch;
  /** Starts a download of `url` (an <a download> click in the page). */
  download(url: string, fileName: string): void;
  /** Subscribes to "the user came back to this tab": changes may have been missed meanwhile. */
  onFocus(callback: () => void): () => void;
  /** Opens the live-update stream (an EventSource in the page). */
  openEvents: OpenEventSource;
  /** Calls sent at once, while the rest of the page still loads; the first call of the same
   * method and request takes that answer instead of asking again (the list on start-up). */
  early?: { method: ApiMethod; request: unknown }[];
}

/** Reads the error line out of a failed response: an Envelope, or the server's one-line text. */
async function failureLine(response: globalThis.Response): Promise<string> {
  const text = await response.text();
  try {
    const envelope = JSON.parse(text) as Envelope<unknown>;
    if (!envelope.ok && typeof envelope.error === 'string') return envelope.error;
  } catch {
    // Not JSON: a plain one-line body (403) or a proxy's page.
  }
  const line = errorLine(text).trim();
  return line === '' ? `HTTP ${response.status}` : line;
}

/** The ClientApi of browser mode. */
export function createHttpClient(options: HttpClientOptions): ClientApi {
  // No token in it: a dragged link lands in chats and tickets, a download in the browser's list.
  // The page's cookie lets the browser fetch it.
  const exportUrl = (id: string, { format, redact }: ExportRequest = PLAIN_MARKDOWN) => {
    const base = `${options.origin}/export/${encodeURIComponent(id)}.${format}`;
    if (!redact) return base;
    const query = new URLSearchParams({ redact: '1' });
    if (redact.emails) query.set('emails', '1');
    if (redact.home) query.set('home', '1');
    return `${base}?${query}`;
  };
  const tokenHeader: Record<string, string> = options.token ? { 'X-Transcripts-Token': options.token } : {};

  const events = new EventStream(options.openEvents, (watch, known) => {
    const query = new URLSearchParams(options.token ? { token: options.token } : {});
    if (watch !== null) query.set('watch', watch);
    if (watch !== null && known !== undefined) query.set('known', String(known));
    const search = query.toString();
    return `${options.origin}/events${search ? `?${search}` : ''}`;
  });

  async function call(channel: Channel, request: unknown): Promise<unknown> {
    const response = await options.fetch(`${options.origin}/api/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...tokenHeader },
      body: JSON.stringify(request),
      credentials: 'same-origin',
    });
    if (!response.ok) throw new Error(await failureLine(response));
    return unwrap((await response.json()) as Envelope<unknown>);
  }

  // Each early answer, by method and request text, until a call takes it.
  const early = new Map<string, Promise<unknown>>();
  const earlyKey = (method: ApiMethod, request: unknown) => `${method} ${JSON.stringify(request)}`;
  for (const { method, request } of options.early ?? []) {
    const answer = call(API_METHODS[method], request);
    answer.catch(() => undefined); // a failure is the taker's to see
    early.set(earlyKey(method, request), answer);
  }
  const callOrTakeEarly = (method: ApiMethod, request: unknown): Promise<unknown> => {
    const key = earlyKey(method, request);
    const answer = early.get(key);
    if (!answer) return call(API_METHODS[method], request);
    early.delete(key);
    return answer;
  };

  // Built from API_METHODS, so every shared channel is served; the cast restores the per-method
  // types that Object.fromEntries loses (the same map types SharedApi).
  const shared = Object.fromEntries(
    (Object.keys(API_METHODS) as ApiMethod[]).map((method) => [
      method,
      (request: unknown) => callOrTakeEarly(method, request),
    ]),
  ) as SharedApi;

  return {
    ...shared,
    mode: 'browser',
    saveExport: (id, title, request) => {
      const fileName = exportFileName(title, id, request.format);
      options.download(exportUrl(id, request), fileName);
      return Promise.resolve(`Downloading ${fileName}`);
    },
    saveZip: (ids, { format, redact }) => {
      const query = new URLSearchParams({ ids: ids.join(','), format });
      if (redact) {
        query.set('redact', '1');
        if (redact.emails) query.set('emails', '1');
        if (redact.home) query.set('home', '1');
      }
      const fileName = `sessions-${new Set(ids).size}.zip`;
      options.download(`${options.origin}/export-zip?${query}`, fileName);
      return Promise.resolve(`Downloading ${fileName}`);
    },
    chooseFolder: null,
    startDrag: (event: DragStartEvent, id, title) => {
      const transfer = event.dataTransfer;
      if (!transfer) return;
      const url = exportUrl(id);
      transfer.effectAllowed = 'copy';
      transfer.setData('DownloadURL', `text/markdown:${exportFileName(title, id)}:${url}`);
      transfer.setData('text/uri-list', url);
      transfer.setData('text/plain', title);
    },
    onStoreChanged: (callback) => options.onFocus(callback),
    // The payloads are the contract's, as the server sends them.
    onSessionsChanged: (callback) =>
      events.on(SESSIONS_CHANGED_EVENT, (payload) => callback(payload as SessionsChanged)),
    onSessionAppended: (callback) =>
      events.on(SESSION_APPENDED_EVENT, (payload) => callback(payload as SessionAppended)),
    onSearchProgress: (callback) =>
      events.on(SEARCH_PROGRESS_EVENT, (payload) => callback(payload as IndexProgress)),
    followSession: (id, known) => events.follow(id, known),
  };
}
