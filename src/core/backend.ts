// The one wiring of a backend, for Electron main and `sessions serve` alike: a catalog, its search
// (refreshed now and after each run of folder changes), its live updates and the handlers over
// them. Each transport only adds how it talks (IPC or HTTP) and who hears the events.
import type { StoreInfo } from '../shared/contract';
import type { Handlers } from '../shared/dispatch';
import { AnnotationStore } from './app-data/annotation-store';
import type { Trash } from './app-data/trash';
import type { DirectoryWatcherOptions } from './live/directory-watcher';
import { LiveStore } from './live/live-store';
import { refreshSearchOnChanges } from './live/search-refresh';
import { createHandlers, type HandlerDeps } from './handlers';
import type { SearchHandle } from './search/search-handle';
import { Catalog, catalogInfo } from './sources/catalog';
import type { JsonlStore } from './store';

/** What a backend is wired from. */
export interface BackendParts {
  /** ggcode's store alone, or a catalog of sources. */
  store: JsonlStore | Catalog;
  /** Its full-text search; the backend refreshes it and closes it. */
  search: SearchHandle;
  /** Which transport serves it: the renderer hides what a mode cannot do. */
  mode: StoreInfo['mode'];
  /** The app's data folder (stars, tags, notes, names). */
  dataDir: string;
  /** Where deleted sessions go (one per data folder, shared by every backend opened on it). */
  trash: Trash;
  /** Follows one session for the caller; the browser follows over /events, so nothing there. */
  watch?: HandlerDeps['watch'];
  /** How the folders are watched (tests shorten the waits). */
  watcher?: DirectoryWatcherOptions;
}

/** A wired backend: what the transports serve and the events they pass on. */
export interface Backend {
  store: Catalog;
  search: SearchHandle;
  /** The folders' live updates, not yet started: the transport subscribes, then starts it. */
  live: LiveStore;
  handlers: Handlers;
  /** What the renderer is told about the store. */
  info(): Promise<StoreInfo>;
  /** Stops the live updates and the search refreshes, then closes the search. */
  close(): Promise<void>;
}

/** Wires store -> search -> live -> handlers. */
export function wireBackend(parts: BackendParts): Backend {
  const store = Catalog.of(parts.store);
  const { search } = parts;
  void search.refresh();
  const live = new LiveStore(store, parts.watcher);
  const stopRefreshing = refreshSearchOnChanges(live, search);
  const info = () => catalogInfo(store, parts.mode);
  const handlers = createHandlers(store, {
    info,
    search,
    watch: parts.watch ?? (() => undefined),
    annotations: new AnnotationStore(parts.dataDir),
    trash: parts.trash,
  });
  return {
    store,
    search,
    live,
    handlers,
    info,
    close: async () => {
      stopRefreshing();
      live.close();
      await search.close();
    },
  };
}
