// The one contract between the renderer and whoever serves it (Electron main over IPC, or the
// `sessions serve` HTTP bridge): the channels and their types, and the events. Every handler,
// bridge and client is typed from this map; validate-request.ts checks requests against it.
import type { ExportFormat, RedactionFinding, RedactOptions } from './export-options';
import type { AnnotationPatch } from './annotation';
import type { UsageReport, UsageRequest } from './usage';
import type {
  ImageData,
  TranscriptMessage,
  TranscriptOutline,
  TranscriptPage,
  TranscriptSession,
  TextPiece,
} from './transcript';
import type {
  Annotation,
  Annotations,
  IndexProgress,
  SearchResults,
  SearchSort,
  Session,
  SessionList,
} from './types';

/** One source of sessions the app reads (an agent's folders). */
export interface SourceInfo {
  /** Short name: what summaries' `source` says (absent there for ggcode) and the `source:` filter. */
  name: string;
  /** What to show ("Claude Code"). */
  label: string;
  /** The folders read. */
  roots: string[];
  /** True for another agent's files: the app never deletes or writes them. */
  read_only: boolean;
  /** The command that continues a session in its agent, `{id}` standing for the agent's own id;
   * absent when the agent has none (ggcode). */
  resume?: string;
}

/** What the renderer learns about the store it is looking at. */
export interface StoreInfo {
  dir: string;
  /** False when the directory does not exist yet (an empty state says what to do). */
  exists: boolean;
  /** 'electron' or 'browser': the renderer hides actions a mode cannot do. */
  mode: 'electron' | 'browser';
  /** Every source read (ggcode's folder is `dir`); absent when ggcode alone is read. */
  sources?: SourceInfo[];
}

/** Channel name -> request and response types. */
export interface Contract {
  'store:info': { request: Record<string, never>; response: StoreInfo };
  'sessions:list': { request: Record<string, never>; response: SessionList };
  'sessions:load': { request: { id: string }; response: Session };
  /** The first page of a session's transcript (or the page around message `at`). */
  'sessions:transcript': { request: { id: string; at?: number }; response: TranscriptPage };
  /** Messages `from` up to `to` (fewer when that is too many bytes for one answer). */
  'sessions:messages': { request: { id: string; from: number; to: number }; response: TranscriptPage };
  /** Once the whole file has been read: the final count, facts and the user's prompts. */
  'sessions:outline': { request: { id: string }; response: TranscriptOutline };
  /** Image `image` (-1: the block's own) of block `block` of message `message`, too large to
   * come with its page. */
  'sessions:image': {
    request: { id: string; message: number; block: number; image: number };
    response: ImageData;
  };
  /** The piece of a cut string (a block's `cut`) of message `message` starting at `from`. */
  'sessions:text': { request: { id: string; message: number; from: number }; response: TextPiece };
  'sessions:export': { request: { id: string }; response: string };
  /** What redaction would replace in session `id` (a preview; nothing is written). */
  'sessions:redact-preview': {
    request: { id: string; redact: RedactOptions };
    response: RedactionFinding[];
  };
  /** Moves the session's file into the app's trash and drops its index entry; `undo` names what
   * sessions:restore puts back (for 30 days). */
  'sessions:delete': { request: { id: string }; response: { deleted: boolean; undo: string } };
  /** Puts a deleted session back exactly as it was (its file and its index entry). */
  'sessions:restore': { request: { undo: string }; response: { id: string } };
  /** Full-text search, one page of sessions (page counts from 0). */
  'sessions:search': {
    request: { query: string; page?: number; pageSize?: number; sort?: SearchSort };
    response: SearchResults;
  };
  /** Every message of one session that matches the query, for next/previous hit. */
  'search:matches': { request: { id: string; query: string }; response: number[] };
  /** Tokens and cost added up per day, week, month, model, vendor, folder or source. */
  'usage:report': { request: UsageRequest; response: UsageReport };
  /** Where the background index build stands. */
  'search:progress': { request: Record<string, never>; response: IndexProgress };
  /** Every session's star, tags, note and display name (kept in the app's data folder). */
  'annotations:list': { request: Record<string, never>; response: Annotations };
  /** Changes one session's annotation; the answer is what it now is (null: nothing left). */
  'annotations:set': { request: { id: string } & AnnotationPatch; response: Annotation | null };
  /** Follow one session (or none): appended messages then arrive as SESSION_APPENDED_EVENT.
   * `known`: how many messages the viewer has; any after them are sent at once. */
  'sessions:watch': {
    request: { id: string | null; known?: number };
    response: { watching: string | null };
  };
}

/** Pushed when sessions appear, vanish or change (the list should be fetched again). */
export const SESSIONS_CHANGED_EVENT = 'sessions:changed';
/** Payload of SESSIONS_CHANGED_EVENT: the ids that changed, when known. */
export interface SessionsChanged {
  ids: string[];
}

/** Pushed when the watched session grew (or was rewritten: `reset`, messages start over). */
export const SESSION_APPENDED_EVENT = 'session:appended';
/** Payload of SESSION_APPENDED_EVENT. */
export interface SessionAppended {
  id: string;
  reset: boolean;
  /** The first new message's index in the session. */
  from: number;
  messages: TranscriptMessage[];
  session: TranscriptSession;
}

/** Pushed while the search index builds. Payload: IndexProgress. */
export const SEARCH_PROGRESS_EVENT = 'search:progress';

/** Channels only Electron can serve (native dialogs, drag-out, folder choice). */
export interface ElectronContract {
  /** Asks where to save session `id` in `format` (Markdown when absent), redacted when `redact`
   * is set, then saves it there. */
  'sessions:save-as': {
    request: { id: string; format?: ExportFormat; redact?: RedactOptions | null };
    response: { path: string | null };
  };
  /** Asks where to save sessions `ids` as one zip of their exports, then saves it there. */
  'sessions:save-zip': {
    request: { ids: string[]; format?: ExportFormat; redact?: RedactOptions | null };
    response: { path: string | null };
  };
  'store:open-folder': { request: Record<string, never>; response: StoreInfo | null };
}

export type Channel = keyof Contract;
export type Request<C extends Channel> = Contract[C]['request'];
export type Response<C extends Channel> = Contract[C]['response'];

export type ElectronChannel = keyof ElectronContract;

/** The one list of shared channels, each under the window.api method that calls it. CHANNELS, both
 * clients, the preload bridge and its allow-list are derived from it. */
export const API_METHODS = {
  storeInfo: 'store:info',
  listSessions: 'sessions:list',
  loadSession: 'sessions:load',
  openTranscript: 'sessions:transcript',
  transcriptMessages: 'sessions:messages',
  transcriptOutline: 'sessions:outline',
  transcriptImage: 'sessions:image',
  transcriptText: 'sessions:text',
  exportSession: 'sessions:export',
  redactPreview: 'sessions:redact-preview',
  deleteSession: 'sessions:delete',
  restoreSession: 'sessions:restore',
  searchSessions: 'sessions:search',
  searchMatches: 'search:matches',
  searchProgress: 'search:progress',
  usageReport: 'usage:report',
  listAnnotations: 'annotations:list',
  setAnnotation: 'annotations:set',
  watchSession: 'sessions:watch',
} as const satisfies Record<string, Channel>;

/** Every channel of API_METHODS; it type-checks only when that list names every channel of the
 * contract, so a channel added to `Contract` alone is a compile error, not a channel nobody serves. */
function channelsOf<M extends Record<string, Channel>>(
  methods: M & ([Exclude<Channel, M[keyof M]>] extends [never] ? unknown : never),
): readonly M[keyof M][] {
  return Object.values(methods) as M[keyof M][];
}

/** Every channel the shared API serves (IPC registration, allow-lists and the HTTP router). */
export const CHANNELS = channelsOf(API_METHODS);

/** Fire-and-forget channel for drag-out: Electron's startDrag must run during the drag event. */
export const DRAG_CHANNEL = 'sessions:drag';

/** Event main sends the renderer (payload: StoreInfo) after the sessions folder changes. */
export const STORE_CHANGED_EVENT = 'store:changed';

/** True when `channel` is one of the shared channels. */
export function isChannel(channel: string): channel is Channel {
  return (CHANNELS as readonly string[]).includes(channel);
}
