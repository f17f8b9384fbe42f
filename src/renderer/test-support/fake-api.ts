// A ClientApi over in-memory sessions, recording what the UI asked for.
import type { SessionAppended, SessionsChanged, StoreInfo } from '../../shared/contract';
import type { RedactionFinding } from '../../shared/export-options';
import type { UsageGrouping, UsageReport } from '../../shared/usage';
import { applyPatch } from '../../shared/annotation';
import { messageExport } from '../../shared/message-export';
import type { TextPiece, TranscriptPage } from '../../shared/transcript';
import type { Annotations, IndexProgress, SessionSummary } from '../../shared/types';
import type { ClientApi, DragStartEvent } from '../api/client-api';

/** The fake, its data, and the calls it saw. */
export interface FakeApi extends ClientApi {
  info: StoreInfo;
  sessions: SessionSummary[];
  /** What listSessions reports as skipped unreadable entries. */
  unreadable: number;
  transcripts: Map<string, TranscriptPage>;
  /** Stars, tags, notes and names, as the backend keeps them. */
  annotations: Annotations;
  /** Data of images sent without it ("message.block.image" -> base64), for transcriptImage. */
  imageData: Map<string, string>;
  /** Pieces of cut strings ("message.from" -> piece), for transcriptText. */
  textPieces: Map<string, TextPiece>;
  /** Errors to throw from deleteSession, by id. */
  deleteErrors: Map<string, string>;
  /** What usageReport answers, by grouping. */
  usage: Map<UsageGrouping, UsageReport>;
  /** What redactPreview finds, by session id. */
  findings: Map<string, RedactionFinding[]>;
  calls: string[];
  /** Fires the store-changed listeners. */
  emitStoreChanged(): void;
  /** Fires the sessions-changed listeners. */
  emitSessionsChanged(change: SessionsChanged): void;
  /** Fires the session-appended listeners. */
  emitAppended(appended: SessionAppended): void;
  /** Fires the search-progress listeners. */
  emitProgress(progress: IndexProgress): void;
  /** What followSession answers. */
  followResult: boolean;
  /** The `known` count of each followSession call, in order. */
  followKnown: (number | undefined)[];
}

/** A fake backend; `mode` picks which actions the UI offers. */
export function fakeApi(
  sessions: SessionSummary[],
  transcripts: TranscriptPage[],
  mode: 'electron' | 'browser' = 'browser',
): FakeApi {
  const listeners = new Set<() => void>();
  const changed = new Set<(change: SessionsChanged) => void>();
  const appended = new Set<(appended: SessionAppended) => void>();
  const progress = new Set<(progress: IndexProgress) => void>();
  /** What deleteSession took, by the undo token it answered. */
  const trash = new Map<string, { at: number; session: SessionSummary }>();
  const subscribe =
    <T>(set: Set<(payload: T) => void>) =>
    (callback: (payload: T) => void) => {
      set.add(callback);
      return () => void set.delete(callback);
    };
  const api: FakeApi = {
    mode,
    info: { dir: '/home/me/.ggcode/sessions', exists: true, mode },
    sessions,
    unreadable: 0,
    transcripts: new Map(transcripts.map((t) => [t.session.id, t])),
    annotations: {},
    deleteErrors: new Map(),
    findings: new Map(),
    usage: new Map(),
    imageData: new Map(),
    textPieces: new Map(),
    calls: [],
    emitStoreChanged: () => listeners.forEach((listener) => listener()),
    emitSessionsChanged: (change) => changed.forEach((listener) => listener(change)),
    emitAppended: (payload) => appended.forEach((listener) => listener(payload)),
    emitProgress: (payload) => progress.forEach((listener) => listener(payload)),
    followResult: true,
    followKnown: [],
    storeInfo: async () => api.info,
    listSessions: async () => {
      api.calls.push('list');
      return { sessions: [...api.sessions], unreadable: api.unreadable };
    },
    loadSession: async () => {
      throw new Error('not used by the renderer');
    },
    openTranscript: async ({ id }) => {
      api.calls.push(`open ${id}`);
      const found = api.transcripts.get(id);
      if (!found) throw new Error(`session ${id} not found`);
      return found;
    },
    transcriptMessages: async ({ id, from, to }) => {
      api.calls.push(`messages ${id} ${from}-${to}`);
      const found = api.transcripts.get(id);
      if (!found) throw new Error(`session ${id} not found`);
      return { ...found, messages: found.messages.slice(from, to) };
    },
    transcriptImage: async ({ id, message, block, image }) => {
      api.calls.push(`image ${id} ${message}.${block}.${image}`);
      const found = api.transcripts.get(id)?.messages[message]?.blocks[block];
      const ref =
        found?.kind === 'image'
          ? found.image
          : found?.kind === 'tool_result'
            ? found.images[image]
            : undefined;
      const data = ref && api.imageData.get(`${message}.${block}.${image}`);
      if (!ref || data === undefined) throw new Error('no such image');
      return { mime: ref.mime, data };
    },
    transcriptText: async ({ id, message, from }) => {
      api.calls.push(`text ${id} ${message} ${from}`);
      const piece = api.textPieces.get(`${message}.${from}`);
      if (!piece) throw new Error(`message ${message} has no cut text at ${from}`);
      return piece;
    },
    transcriptOutline: async ({ id }) => {
      const found = api.transcripts.get(id);
      if (!found) throw new Error(`session ${id} not found`);
      const outline = found.messages.flatMap((m) => {
        const text = m.role === 'user' ? m.blocks.find((b) => b.kind === 'text') : undefined;
        return text?.kind === 'text' ? [{ index: m.index, label: text.text.split('\n', 1)[0]! }] : [];
      });
      return { version: found.version, session: found.session, total: found.total, outline };
    },
    exportSession: async ({ id }) => {
      api.calls.push(`export ${id}`);
      const found = api.transcripts.get(id);
      if (!found) throw new Error(`session ${id} not found`);
      return `# ${found.session.title}\n\n---\n\n` + found.messages.map(messageExport).join('');
    },
    deleteSession: async ({ id }) => {
      api.calls.push(`delete ${id}`);
      const error = api.deleteErrors.get(id);
      if (error) throw new Error(error);
      const at = api.sessions.findIndex((s) => s.id === id);
      const undo = `undo-${id}`;
      trash.set(undo, { at, session: api.sessions[at]! });
      api.sessions = api.sessions.filter((s) => s.id !== id);
      return { deleted: true, undo };
    },
    restoreSession: async ({ undo }) => {
      api.calls.push(`restore ${undo}`);
      const kept = trash.get(undo);
      if (!kept) throw new Error('that deleted session is no longer in the trash');
      trash.delete(undo);
      api.sessions = [...api.sessions.slice(0, kept.at), kept.session, ...api.sessions.slice(kept.at)];
      return { id: kept.session.id };
    },
    searchSessions: async ({ query }) => ({
      query,
      groups: [],
      total_sessions: 0,
      total_hits: 0,
      capped: false,
      has_more: false,
      page: 0,
      page_size: 20,
      took_ms: 0,
      progress: { state: 'ready', done: 0, total: 0 },
      partial: false,
    }),
    searchMatches: async () => [],
    listAnnotations: async () => ({ ...api.annotations }),
    setAnnotation: async ({ id, ...patch }) => {
      api.calls.push(`annotate ${id} ${JSON.stringify(patch)}`);
      const next = applyPatch(api.annotations[id] ?? {}, patch);
      if (next === null) delete api.annotations[id];
      else api.annotations[id] = next;
      return next;
    },
    searchProgress: async () => ({ state: 'ready', done: 0, total: 0 }),
    watchSession: async ({ id }) => ({ watching: id }),
    saveExport: async (id, title, { format, redact }) => {
      api.calls.push(`save ${id} ${title} ${format}${redact ? ` redact ${JSON.stringify(redact)}` : ''}`);
      return `Saved ${title}`;
    },
    usageReport: async (request) => {
      api.calls.push(
        `usage ${request.by}${request.breakdowns ? ' breakdowns' : ''}${request.since ? ` since ${request.since}` : ''}`,
      );
      const report = api.usage.get(request.by);
      if (!report) throw new Error(`no usage for ${request.by}`);
      return report;
    },
    saveZip: async (ids, { format }) => {
      api.calls.push(`zip ${ids.join(',')} ${format}`);
      return `Saved ${ids.length} sessions`;
    },
    redactPreview: async ({ id, redact }) => {
      api.calls.push(`preview ${id}`);
      const found = api.findings.get(id) ?? [];
      return found.filter(
        (f) => (f.kind !== 'email' || redact.emails) && (f.kind !== 'home-path' || redact.home),
      );
    },
    chooseFolder: mode === 'electron' ? async () => void api.calls.push('choose folder') : null,
    startDrag: (_event: DragStartEvent, id: string) => void api.calls.push(`drag ${id}`),
    onStoreChanged: (callback) => {
      listeners.add(callback);
      return () => listeners.delete(callback);
    },
    onSessionsChanged: subscribe(changed),
    onSessionAppended: subscribe(appended),
    onSearchProgress: subscribe(progress),
    followSession: async (id, known) => {
      api.calls.push(`follow ${id}`);
      api.followKnown.push(known);
      return api.followResult;
    },
  };
  return api;
}
