// The sources the app is looking at (ggcode's folder and the other agents' it reads). File > Open
// Folder… and the Sources menu swap them while the app runs, so handlers ask this object for the
// current catalog on every call instead of keeping one. Each set of sources has its own search
// index, built in the background by its own search handle.
import type { StoreInfo } from '../shared/contract';
import type { IndexProgress } from '../shared/types';
import type { Handlers } from '../shared/dispatch';
import { defaultDataDir } from '../core/app-data/data-dir';
import { Trash } from '../core/app-data/trash';
import { wireBackend, type Backend } from '../core/backend';
import type { DirectoryWatcherOptions } from '../core/live/directory-watcher';
import type { LiveStore } from '../core/live/live-store';
import type { SearchHandle } from '../core/search/search-handle';
import { Catalog } from '../core/sources/catalog';
import { loadPriceTable } from '../core/sources/pricing/pricing';
import type { SourceSetting } from '../core/sources/selection';

/** What OpenStore needs from the app: a search per folder, and who follows sessions. */
export interface OpenStoreDeps {
  /** Makes the search handle for a store (a worker in the app; in-process in tests). */
  makeSearch: (store: Catalog) => SearchHandle;
  /** The cache folder, where the list keeps its summaries across starts (none when absent). */
  cacheDir?: string;
  /** Told about the current search's progress. */
  onSearchProgress?: (p: IndexProgress) => void;
  /** Follows one session of the current store for the window (null stops). */
  watch?: (store: Catalog, id: string | null, known?: number) => Promise<void> | void;
  /** Starts live updates of a newly opened folder; returns what stops them (repoint, quit). */
  live?: (store: Catalog, live: LiveStore) => () => void;
  /** How the folders are watched (errors reported, waits shortened in tests). */
  watcher?: DirectoryWatcherOptions;
  /** The app's data folder (stars, tags, notes; the trash); the platform's when absent. */
  dataDir?: string;
}

interface Current {
  backend: Backend;
  unsubscribe: () => void;
  stopLive: () => void;
}

/** The current store, its search and its handlers. */
export class OpenStore {
  private current: Current;

  /** The app's data folder, and the trash in it (shared by every folder opened). */
  private readonly dataDir: string;
  private readonly trash: Trash;

  /** Opens `sources` (or ggcode's folder `dir` alone). */
  constructor(
    sources: readonly SourceSetting[] | string,
    private readonly deps: OpenStoreDeps,
  ) {
    this.dataDir = deps.dataDir ?? defaultDataDir();
    this.trash = new Trash(this.dataDir);
    // Deleted sessions older than the trash keeps are let go of at start (and at each delete).
    void this.trash.empty().catch(() => undefined);
    this.current = this.open(sources);
  }

  /** The catalog to read from now. */
  store(): Catalog {
    return this.current.backend.store;
  }

  /** The current folder's search. */
  search(): SearchHandle {
    return this.current.backend.search;
  }

  /** The shared handlers over the current store. */
  handlers(): Handlers {
    return this.current.backend.handlers;
  }

  /** Switches ggcode to the folder `dir` (the other sources stay); the previous search is closed. */
  repoint(dir: string): void {
    const others = this.current.backend.store.settings().filter((s) => s.name !== 'ggcode');
    this.reopen([{ name: 'ggcode', roots: [dir] }, ...others]);
  }

  /** Switches to `sources`; the previous search is closed. */
  reopen(sources: readonly SourceSetting[]): void {
    const previous = this.current;
    this.current = this.open(sources);
    previous.stopLive();
    previous.unsubscribe();
    void previous.backend.close();
  }

  /** Stops live updates and closes the current search (at quit). */
  async close(): Promise<void> {
    this.current.stopLive();
    this.current.unsubscribe();
    await this.current.backend.close();
  }

  /** What the renderer is told about the current sources. */
  info(): Promise<StoreInfo> {
    return this.current.backend.info();
  }

  private open(sources: readonly SourceSetting[] | string): Current {
    const store = catalogOf(sources, this.deps.cacheDir);
    const search = this.deps.makeSearch(store);
    const unsubscribe = search.onProgress((p) => this.deps.onSearchProgress?.(p));
    const backend = wireBackend({
      store,
      search,
      mode: 'electron',
      dataDir: this.dataDir,
      trash: this.trash,
      watch: (id, known) => this.deps.watch?.(store, id, known),
      watcher: this.deps.watcher,
    });
    const stopLive = this.deps.live?.(store, backend.live) ?? (() => undefined);
    return { backend, unsubscribe, stopLive };
  }
}

function catalogOf(sources: readonly SourceSetting[] | string, cacheDir: string | undefined): Catalog {
  const settings = typeof sources === 'string' ? [{ name: 'ggcode', roots: [sources] }] : sources;
  return Catalog.open(settings, loadPriceTable(), cacheDir);
}
