// The sessions folder the app is looking at. File > Open Folder… swaps it while the app runs, so
// handlers ask this object for the current store on every call instead of keeping one. Each
// folder has its own search index, built in the background by its own search handle.
import { stat } from 'node:fs/promises';
import type { StoreInfo } from '../shared/contract';
import type { IndexProgress } from '../shared/types';
import { AnnotationStore } from '../core/app-data/annotation-store';
import { defaultDataDir } from '../core/app-data/data-dir';
import { Trash } from '../core/app-data/trash';
import { createHandlers, type Handlers, type SearchHandle } from '../core/service';
import { JsonlStore } from '../core/store';

/** What OpenStore needs from the app: a search per folder, and who follows sessions. */
export interface OpenStoreDeps {
  /** Makes the search handle for a store (a worker in the app; in-process in tests). */
  makeSearch: (store: JsonlStore) => SearchHandle;
  /** Where the list keeps its summaries of folder `dir` across starts (none when absent). */
  summaryFile?: (dir: string) => string;
  /** Told about the current search's progress. */
  onSearchProgress?: (p: IndexProgress) => void;
  /** Follows one session of the current store for the window (null stops). */
  watch?: (store: JsonlStore, id: string | null, known?: number) => Promise<void> | void;
  /** Starts live updates of a newly opened folder; returns what stops them (repoint, quit). */
  live?: (store: JsonlStore, search: SearchHandle) => () => void;
  /** The app's data folder (stars, tags, notes; the trash); the platform's when absent. */
  dataDir?: string;
}

interface Current {
  store: JsonlStore;
  search: SearchHandle;
  handlers: Handlers;
  unsubscribe: () => void;
  stopLive: () => void;
}

/** The current store, its search and its handlers. */
export class OpenStore {
  private current: Current;

  /** The app's data folder, and the trash in it (shared by every folder opened). */
  private readonly dataDir: string;
  private readonly trash: Trash;

  constructor(
    dir: string,
    private readonly deps: OpenStoreDeps,
  ) {
    this.dataDir = deps.dataDir ?? defaultDataDir();
    this.trash = new Trash(this.dataDir);
    // Deleted sessions older than the trash keeps are let go of at start (and at each delete).
    void this.trash.empty().catch(() => undefined);
    this.current = this.open(dir);
  }

  /** The store to read from now. */
  store(): JsonlStore {
    return this.current.store;
  }

  /** The current folder's search. */
  search(): SearchHandle {
    return this.current.search;
  }

  /** The shared handlers over the current store. */
  handlers(): Handlers {
    return this.current.handlers;
  }

  /** Switches to the store in `dir`; the previous folder's search is closed. */
  repoint(dir: string): void {
    const previous = this.current;
    this.current = this.open(dir);
    previous.stopLive();
    previous.unsubscribe();
    void previous.search.close();
  }

  /** Stops live updates and closes the current search (at quit). */
  async close(): Promise<void> {
    this.current.stopLive();
    this.current.unsubscribe();
    await this.current.search.close();
  }

  /** What the renderer is told about the current folder. */
  async info(): Promise<StoreInfo> {
    const dir = this.current.store.dir();
    const exists = await stat(dir).then(
      (s) => s.isDirectory(),
      () => false,
    );
    return { dir, exists, mode: 'electron' };
  }

  private open(dir: string): Current {
    const store = new JsonlStore(dir, { summaryFile: this.deps.summaryFile?.(dir) });
    const search = this.deps.makeSearch(store);
    const unsubscribe = search.onProgress((p) => this.deps.onSearchProgress?.(p));
    void search.refresh();
    const handlers = createHandlers(store, {
      info: () => this.info(),
      search,
      watch: (id, known) => this.deps.watch?.(store, id, known),
      annotations: new AnnotationStore(this.dataDir),
      trash: this.trash,
    });
    const stopLive = this.deps.live?.(store, search) ?? (() => undefined);
    return { store, search, handlers, unsubscribe, stopLive };
  }
}
