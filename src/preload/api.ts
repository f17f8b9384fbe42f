// window.api for Electron: every shared method over IPC plus the Electron-only actions. Built from
// API_METHODS so that a new channel cannot be served by the HTTP client and forgotten here.
import { API_METHODS, unwrap, type ApiMethod, type Envelope, type SharedApi } from '../shared/api';
import {
  DRAG_CHANNEL,
  SEARCH_PROGRESS_EVENT,
  SESSION_APPENDED_EVENT,
  SESSIONS_CHANGED_EVENT,
  STORE_CHANGED_EVENT,
  type ElectronContract,
  type ElectronChannel,
  type SessionAppended,
  type SessionsChanged,
  type StoreInfo,
} from '../shared/contract';
import type { IndexProgress } from '../shared/types';

/** The part of Electron's ipcRenderer the API uses. Declared structurally (not imported from
 * 'electron') so the renderer can import `Api` without pulling Electron's and Node's types in. */
export interface IpcPort {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  send(channel: string, ...args: unknown[]): void;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

type ElectronRequest<C extends ElectronChannel> = ElectronContract[C]['request'];
type ElectronResponse<C extends ElectronChannel> = ElectronContract[C]['response'];

/** window.api: the shared methods plus save, folder choice, drag-out and store-change events. */
export function createApi(ipc: IpcPort) {
  const call = (channel: string, request: unknown): Promise<unknown> =>
    ipc.invoke(channel, request).then((envelope) => unwrap(envelope as Envelope<unknown>));

  // Object.fromEntries loses the per-method types; the cast restores them from the same map.
  const shared = Object.fromEntries(
    (Object.keys(API_METHODS) as ApiMethod[]).map((method) => [
      method,
      (request: unknown) => call(API_METHODS[method], request),
    ]),
  ) as SharedApi;

  // Events from main: the payload is handed on, the IPC event object never is.
  const subscribe = <T>(channel: string, callback: (payload: T) => void): (() => void) => {
    const listener = (_event: unknown, payload: unknown) => callback(payload as T);
    ipc.on(channel, listener);
    return () => {
      ipc.removeListener(channel, listener);
    };
  };

  return {
    ...shared,
    /** Asks where to save the session's Markdown export; path is null when the user cancels. */
    saveAs: (request: ElectronRequest<'sessions:save-as'>) =>
      call('sessions:save-as', request) as Promise<ElectronResponse<'sessions:save-as'>>,
    /** Asks where to save several sessions as one zip; path is null when the user cancels. */
    saveZip: (request: ElectronRequest<'sessions:save-zip'>) =>
      call('sessions:save-zip', request) as Promise<ElectronResponse<'sessions:save-zip'>>,
    /** Lets the user choose another sessions folder; null when the user cancels. */
    openFolder: () => call('store:open-folder', {}) as Promise<ElectronResponse<'store:open-folder'>>,
    /** Starts a native drag of the session's Markdown file; call from a dragstart handler. */
    startDrag: (id: string): void => ipc.send(DRAG_CHANNEL, { id }),
    /** Calls `callback` whenever the sessions folder changes; returns the unsubscribe function. */
    onStoreChanged: (callback: (info: StoreInfo) => void) => subscribe(STORE_CHANGED_EVENT, callback),
    /** Calls `callback` when sessions appear, vanish or change; returns the unsubscribe function. */
    onSessionsChanged: (callback: (change: SessionsChanged) => void) =>
      subscribe(SESSIONS_CHANGED_EVENT, callback),
    /** Calls `callback` when the watched session grows; returns the unsubscribe function. */
    onSessionAppended: (callback: (appended: SessionAppended) => void) =>
      subscribe(SESSION_APPENDED_EVENT, callback),
    /** Calls `callback` as the search index builds; returns the unsubscribe function. */
    onSearchProgress: (callback: (progress: IndexProgress) => void) =>
      subscribe(SEARCH_PROGRESS_EVENT, callback),
  };
}

/** The type of window.api in Electron. */
export type Api = ReturnType<typeof createApi>;

/** Every key window.api exposes, sorted: the allow-list the tests hold the bridge to. */
export const API_KEYS = [
  'deleteSession',
  'exportSession',
  'listAnnotations',
  'listSessions',
  'loadSession',
  'onSearchProgress',
  'onSessionAppended',
  'onSessionsChanged',
  'onStoreChanged',
  'openFolder',
  'openTranscript',
  'redactPreview',
  'restoreSession',
  'saveAs',
  'saveZip',
  'searchMatches',
  'searchProgress',
  'searchSessions',
  'setAnnotation',
  'startDrag',
  'storeInfo',
  'transcriptImage',
  'transcriptMessages',
  'transcriptOutline',
  'transcriptText',
  'usageReport',
  'watchSession',
] as const satisfies readonly (keyof Api)[];
