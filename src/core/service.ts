// The shared request handlers: one function per contract channel over a store. Electron main
// (IPC) and `sessions serve` (HTTP) both dispatch through `dispatch`, so they cannot drift apart.
import { errorLine, type Envelope } from '../shared/api';
import {
  validateRequest,
  type Channel,
  type Request,
  type Response,
  type StoreInfo,
} from '../shared/contract';
import type { IndexProgress, SearchResults } from '../shared/types';
import type { UsageReport, UsageRequest } from '../shared/usage';
import { SessionNotFoundError } from './errors';
import type { AnnotationStore } from './app-data/annotation-store';
import type { Trash } from './app-data/trash';
import type { SearchRequest } from './search/service';
import { Catalog, ReadOnlySourceError } from './sources/catalog';
import { SourceTranscripts } from './sources/transcripts';
import type { JsonlStore } from './store';
import { redactionPreview } from './export/export-session';
import { TranscriptReaders } from './transcript/readers';

/** A handler per channel, already given a validated request. */
export type Handlers = { [C in Channel]: (request: Request<C>) => Promise<Response<C>> };

/** Full-text search as the handlers need it: in-process (SearchService) or in a worker. */
export interface SearchBackend {
  search(request: SearchRequest): Promise<SearchResults>;
  sessionMatches(id: string, query: string): Promise<number[]> | number[];
  progress(): IndexProgress;
  /** Tokens and cost added up from the index. */
  usage(request: UsageRequest): Promise<UsageReport>;
}

/** A search backend the owner also refreshes, listens to and closes. */
export interface SearchHandle extends SearchBackend {
  refresh(): void | Promise<void>;
  onProgress(listener: (p: IndexProgress) => void): () => void;
  close(): Promise<void>;
}

/** What the handlers need besides the store. */
export interface HandlerDeps {
  /** Describes the store for the renderer. */
  info: () => Promise<StoreInfo>;
  search: SearchBackend;
  /** Follows one session for the caller (or stops, with null). */
  watch: (id: string | null, known?: number) => Promise<void> | void;
  /** Stars, tags, notes and names, in the app's data folder. */
  annotations: AnnotationStore;
  /** Where deleted sessions go, in the app's data folder, until Undo or 30 days. */
  trash: Trash;
}

/** Messages in the first page of a transcript, and how many of them come before a message it is
 * opened at. */
const FIRST_PAGE = 40;
const FIRST_PAGE_BEFORE = 10;

/** Handlers over `store` (ggcode's alone) or a catalog of sources. */
export function createHandlers(from: JsonlStore | Catalog, deps: HandlerDeps): Handlers {
  const store = Catalog.of(from);
  const own = store.store();
  // ggcode's sessions are read page by page from their lines; other sources' sessions whole.
  const readers = new TranscriptReaders(own?.dir() ?? '');
  const others = new SourceTranscripts(store);
  const isOwn = (id: string) => store.sourceOf(id).adapter.primary === true;
  const page = async (id: string, from: number, to: number) =>
    isOwn(id) ? (await readers.get(id)).page(from, to) : others.page(id, from, to);
  return {
    'store:info': () => deps.info(),
    'sessions:list': () => store.listing(),
    'sessions:load': ({ id }) => store.load(id),
    'sessions:transcript': async ({ id, at }) => {
      const from = Math.max(0, (at ?? 0) - FIRST_PAGE_BEFORE);
      return page(id, from, from + FIRST_PAGE);
    },
    'sessions:messages': ({ id, from, to }) => page(id, from, to),
    'sessions:outline': async ({ id }) =>
      isOwn(id) ? (await readers.get(id)).outline() : others.outline(id),
    'sessions:image': async ({ id, message, block, image }) =>
      isOwn(id)
        ? (await readers.get(id)).image(message, block, image)
        : others.image(id, message, block, image),
    'sessions:text': async ({ id, message, from }) => {
      // Only ggcode's lines are read in pieces; other sources send their strings whole.
      if (!isOwn(id)) throw new Error(`session ${id} has no cut text`);
      return (await readers.get(id)).text(message, from);
    },
    'sessions:export': ({ id }) => store.exportMarkdown(id),
    'sessions:redact-preview': ({ id, redact }) => redactionPreview(store, id, { format: 'md', redact }),
    'sessions:delete': async ({ id }) => {
      // Another agent's session is never deleted (nor moved to the trash).
      const source = store.sourceOf(id);
      if (source.adapter.readOnly || own === null) throw new ReadOnlySourceError(id, source.adapter.label);
      const undo = await deps.trash.put(own, id);
      // Deleting what is not there is an error, not a success: the caller's view is stale.
      if (undo === null) throw new SessionNotFoundError(id);
      return { deleted: true, undo };
    },
    'sessions:restore': async ({ undo }) => {
      if (own === null) throw new Error('only ggcode sessions are restored, and ggcode is not read');
      return { id: await deps.trash.restore(own, undo) };
    },
    'sessions:search': (request) => deps.search.search(request),
    'search:matches': async ({ id, query }) => deps.search.sessionMatches(id, query),
    'search:progress': async () => deps.search.progress(),
    'usage:report': (request) => deps.search.usage(request),
    'annotations:list': () => deps.annotations.all(),
    'annotations:set': ({ id, ...patch }) => deps.annotations.update(id, patch),
    'sessions:watch': async ({ id, known }) => {
      await deps.watch(id, known);
      return { watching: id };
    },
  };
}

/** Validates `raw` for `channel`, runs its handler and wraps the outcome in an envelope;
 * `onError` sees what was thrown (HTTP answers a missing session with 404). */
export async function dispatch<C extends Channel>(
  handlers: Handlers,
  channel: C,
  raw: unknown,
  onError: (error: unknown) => void = () => undefined,
): Promise<Envelope<Response<C>>> {
  try {
    const request = validateRequest(channel, raw);
    const value = await (handlers[channel] as (r: Request<C>) => Promise<Response<C>>)(request);
    return { ok: true, value };
  } catch (error) {
    onError(error);
    return { ok: false, error: errorLine(error) };
  }
}
