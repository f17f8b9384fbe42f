// A ClientApi over in-memory sessions, recording what the UI asked for.
import type { StoreInfo } from '../../shared/contract';
import type { SessionSummary, Transcript } from '../../shared/types';
import type { ClientApi, DragStartEvent } from '../api/client-api';

/** The fake, its data, and the calls it saw. */
export interface FakeApi extends ClientApi {
  info: StoreInfo;
  sessions: SessionSummary[];
  transcripts: Map<string, Transcript>;
  /** Errors to throw from deleteSession, by id. */
  deleteErrors: Map<string, string>;
  calls: string[];
  /** Fires the store-changed listeners. */
  emitStoreChanged(): void;
}

/** A fake backend; `mode` picks which actions the UI offers. */
export function fakeApi(
  sessions: SessionSummary[],
  transcripts: Transcript[],
  mode: 'electron' | 'browser' = 'browser',
): FakeApi {
  const listeners = new Set<() => void>();
  const api: FakeApi = {
    mode,
    info: { dir: '/home/me/.ggcode/sessions', exists: true, mode },
    sessions,
    transcripts: new Map(transcripts.map((t) => [t.session.id, t])),
    deleteErrors: new Map(),
    calls: [],
    emitStoreChanged: () => listeners.forEach((listener) => listener()),
    storeInfo: async () => api.info,
    listSessions: async () => {
      api.calls.push('list');
      return [...api.sessions];
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
    exportSession: async ({ id }) => {
      api.calls.push(`export ${id}`);
      const found = api.transcripts.get(id);
      if (!found) throw new Error(`session ${id} not found`);
      return found.header + found.messages.map((m) => m.markdown).join('');
    },
    deleteSession: async ({ id }) => {
      api.calls.push(`delete ${id}`);
      const error = api.deleteErrors.get(id);
      if (error) throw new Error(error);
      api.sessions = api.sessions.filter((s) => s.id !== id);
      return { deleted: true };
    },
    searchSessions: async ({ query }) => ({
      query,
      groups: [],
      total_sessions: 0,
      total_hits: 0,
      page: 0,
      page_size: 20,
      took_ms: 0,
      progress: { state: 'ready', done: 0, total: 0 },
    }),
    searchMatches: async () => [],
    searchProgress: async () => ({ state: 'ready', done: 0, total: 0 }),
    watchSession: async ({ id }) => ({ watching: id }),
    saveMarkdown: async (id, title) => {
      api.calls.push(`save ${id} ${title}`);
      return `Saved ${title}`;
    },
    chooseFolder: mode === 'electron' ? async () => void api.calls.push('choose folder') : null,
    startDrag: (_event: DragStartEvent, id: string) => void api.calls.push(`drag ${id}`),
    onStoreChanged: (callback) => {
      listeners.add(callback);
      return () => listeners.delete(callback);
    },
  };
  return api;
}
