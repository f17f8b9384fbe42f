// The one contract between the renderer and whoever serves it (Electron main over IPC, or the
// `sessions serve` HTTP bridge). Every handler, bridge and client is typed from this map.
import {
  EXPORT_FORMATS,
  isExportFormat,
  type ExportFormat,
  type RedactionFinding,
  type RedactOptions,
} from './export-options';
import { patchProblem, type AnnotationPatch } from './annotation';
import { isValidId } from './ids';
import { DAY, USAGE_GROUPINGS, isUsageGrouping, type UsageReport, type UsageRequest } from './usage';
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

/** Every channel the shared API serves, in one list (used by allow-lists and the HTTP router). */
export const CHANNELS = [
  'store:info',
  'sessions:list',
  'sessions:load',
  'sessions:transcript',
  'sessions:messages',
  'sessions:outline',
  'sessions:image',
  'sessions:text',
  'sessions:export',
  'sessions:redact-preview',
  'sessions:delete',
  'sessions:restore',
  'sessions:search',
  'search:matches',
  'search:progress',
  'usage:report',
  'annotations:list',
  'annotations:set',
  'sessions:watch',
] as const satisfies readonly Channel[];

/** Fire-and-forget channel for drag-out: Electron's startDrag must run during the drag event. */
export const DRAG_CHANNEL = 'sessions:drag';

/** Event main sends the renderer (payload: StoreInfo) after the sessions folder changes. */
export const STORE_CHANGED_EVENT = 'store:changed';

/** Error thrown when a request does not have the shape its channel needs. */
export class BadRequestError extends Error {
  override name = 'BadRequestError';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function expectKeys(value: unknown, allowed: readonly string[]): Record<string, unknown> {
  if (value === undefined || value === null) value = {};
  if (!isPlainObject(value)) throw new BadRequestError('request must be an object');
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) throw new BadRequestError(`unexpected field "${key}"`);
  }
  return value;
}

function expectId(value: Record<string, unknown>): { id: string } {
  const id = value.id;
  if (!isValidId(id)) {
    throw new BadRequestError('id must be 1-128 characters of A-Z a-z 0-9 - _, not starting with -');
  }
  return { id };
}

function expectQuery(value: unknown): string {
  if (typeof value !== 'string' || value.length > 1000) {
    throw new BadRequestError('query must be a string of at most 1000 characters');
  }
  return value;
}

function expectInt(value: unknown, name: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new BadRequestError(`${name} must be an integer from ${min} to ${max}`);
  }
  return value;
}

function expectDay(value: unknown, name: string): string {
  if (typeof value !== 'string' || !DAY.test(value))
    throw new BadRequestError(`${name} must be a day as YYYY-MM-DD`);
  return value;
}

function expectRedact(value: unknown): RedactOptions {
  const o = expectKeys(value, ['emails', 'home']);
  if (typeof o.emails !== 'boolean' || typeof o.home !== 'boolean')
    throw new BadRequestError('redact must be {emails, home} with true or false each');
  return { emails: o.emails, home: o.home };
}

function expectFormat(value: unknown): ExportFormat {
  if (!isExportFormat(value)) throw new BadRequestError(`format must be one of ${EXPORT_FORMATS.join(', ')}`);
  return value;
}

/** Most sessions one zip export takes (as core/export/export-zip says). */
export const MAX_ZIP_IDS = 500;

/** The most messages a viewer can say it has (nine digits, as an event id carries it). */
export const MAX_KNOWN = 999_999_999;

/** The most messages one `sessions:messages` request may ask for. */
export const MAX_PAGE = 500;

const validators: { [C in Channel]: (value: unknown) => Request<C> } = {
  'store:info': (v) => (expectKeys(v, []), {}),
  'sessions:list': (v) => (expectKeys(v, []), {}),
  'sessions:load': (v) => expectId(expectKeys(v, ['id'])),
  'sessions:transcript': (v) => {
    const o = expectKeys(v, ['id', 'at']);
    const request: Request<'sessions:transcript'> = expectId(o);
    if (o.at !== undefined) request.at = expectInt(o.at, 'at', 0, MAX_KNOWN);
    return request;
  },
  'sessions:messages': (v) => {
    const o = expectKeys(v, ['id', 'from', 'to']);
    const from = expectInt(o.from, 'from', 0, MAX_KNOWN);
    const to = expectInt(o.to, 'to', 0, MAX_KNOWN);
    if (to < from || to - from > MAX_PAGE) throw new BadRequestError(`to must be from to from + ${MAX_PAGE}`);
    return { ...expectId(o), from, to };
  },
  'sessions:outline': (v) => expectId(expectKeys(v, ['id'])),
  'sessions:image': (v) => {
    const o = expectKeys(v, ['id', 'message', 'block', 'image']);
    return {
      ...expectId(o),
      message: expectInt(o.message, 'message', 0, MAX_KNOWN),
      block: expectInt(o.block, 'block', 0, MAX_KNOWN),
      image: expectInt(o.image, 'image', -1, MAX_KNOWN),
    };
  },
  'sessions:text': (v) => {
    const o = expectKeys(v, ['id', 'message', 'from']);
    return {
      ...expectId(o),
      message: expectInt(o.message, 'message', 0, MAX_KNOWN),
      from: expectInt(o.from, 'from', 0, Number.MAX_SAFE_INTEGER),
    };
  },
  'sessions:export': (v) => expectId(expectKeys(v, ['id'])),
  'sessions:redact-preview': (v) => {
    const o = expectKeys(v, ['id', 'redact']);
    return { ...expectId(o), redact: expectRedact(o.redact) };
  },
  'sessions:delete': (v) => expectId(expectKeys(v, ['id'])),
  'sessions:restore': (v) => {
    const { undo } = expectKeys(v, ['undo']);
    if (!isValidId(undo)) throw new BadRequestError('undo must be what sessions:delete answered');
    return { undo };
  },
  'sessions:search': (v) => {
    const o = expectKeys(v, ['query', 'page', 'pageSize', 'sort']);
    const query = expectQuery(o.query);
    const request: Request<'sessions:search'> = { query };
    if (o.page !== undefined) request.page = expectInt(o.page, 'page', 0, 100_000);
    if (o.pageSize !== undefined) request.pageSize = expectInt(o.pageSize, 'pageSize', 1, 200);
    if (o.sort !== undefined) {
      if (o.sort !== 'relevance' && o.sort !== 'date')
        throw new BadRequestError('sort must be "relevance" or "date"');
      request.sort = o.sort;
    }
    return request;
  },
  'search:matches': (v) => {
    const o = expectKeys(v, ['id', 'query']);
    return { ...expectId(o), query: expectQuery(o.query) };
  },
  'search:progress': (v) => (expectKeys(v, []), {}),
  'usage:report': (v) => {
    const o = expectKeys(v, ['by', 'since', 'until', 'breakdowns']);
    if (!isUsageGrouping(o.by)) throw new BadRequestError(`by must be one of ${USAGE_GROUPINGS.join(', ')}`);
    const request: UsageRequest = { by: o.by };
    if (o.since !== undefined) request.since = expectDay(o.since, 'since');
    if (o.until !== undefined) request.until = expectDay(o.until, 'until');
    if (o.breakdowns !== undefined) {
      if (typeof o.breakdowns !== 'boolean') throw new BadRequestError('breakdowns must be true or false');
      request.breakdowns = o.breakdowns;
    }
    return request;
  },
  'annotations:list': (v) => (expectKeys(v, []), {}),
  'annotations:set': (v) => {
    const o = expectKeys(v, ['id', 'starred', 'tags', 'note', 'name']);
    const { id } = expectId(o);
    const patch: AnnotationPatch = {};
    if (o.starred !== undefined) patch.starred = o.starred as boolean;
    if (o.tags !== undefined) patch.tags = o.tags as string[];
    if (o.note !== undefined) patch.note = o.note as string;
    if (o.name !== undefined) patch.name = o.name as string;
    const problem = patchProblem(patch);
    if (problem !== null) throw new BadRequestError(problem);
    return { id, ...patch };
  },
  'sessions:watch': (v) => {
    const o = expectKeys(v, ['id', 'known']);
    if (o.id === null) return { id: null };
    const request: Request<'sessions:watch'> = expectId(o);
    if (o.known !== undefined) request.known = expectInt(o.known, 'known', 0, MAX_KNOWN);
    return request;
  },
};

/** Checks a request at runtime; throws BadRequestError with a one-line reason. */
export function validateRequest<C extends Channel>(channel: C, value: unknown): Request<C> {
  return validators[channel](value);
}

/** Same for the Electron-only channels. */
export function validateElectronRequest<C extends ElectronChannel>(
  channel: C,
  value: unknown,
): ElectronContract[C]['request'] {
  if (channel === 'sessions:save-as') {
    const o = expectKeys(value, ['id', 'format', 'redact']);
    const request: ElectronContract['sessions:save-as']['request'] = expectId(o);
    if (o.format !== undefined) request.format = expectFormat(o.format);
    if (o.redact !== undefined && o.redact !== null) request.redact = expectRedact(o.redact);
    return request as ElectronContract[C]['request'];
  }
  if (channel === 'sessions:save-zip') {
    const o = expectKeys(value, ['ids', 'format', 'redact']);
    const ids = o.ids;
    if (!Array.isArray(ids) || ids.length === 0 || ids.length > MAX_ZIP_IDS || !ids.every(isValidId))
      throw new BadRequestError(`ids must be 1 to ${MAX_ZIP_IDS} valid session ids`);
    const request: ElectronContract['sessions:save-zip']['request'] = { ids: ids as string[] };
    if (o.format !== undefined) request.format = expectFormat(o.format);
    if (o.redact !== undefined && o.redact !== null) request.redact = expectRedact(o.redact);
    return request as ElectronContract[C]['request'];
  }
  expectKeys(value, []);
  return {} as ElectronContract[C]['request'];
}

/** True when `channel` is one of the shared channels. */
export function isChannel(channel: string): channel is Channel {
  return (CHANNELS as readonly string[]).includes(channel);
}
