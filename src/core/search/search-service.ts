// The search service of one store: keeps the index up to date (one update at a time; requests
// during an update coalesce into one more), reports progress, and answers queries, newest
// query first: a query still making snippets is cancelled when another arrives.
import type { IndexProgress, SearchResults, SearchSort } from '../../shared/types';
import { errorLine } from '../../shared/api';
import { Catalog } from '../sources/catalog';
import type { JsonlStore } from '../store';
import { search, sessionMatches } from './searcher';
import { removeIndexFiles } from './database';
import { UsageCache } from './usage-cache';
import { CancelledError, SearchIndex, type SearchIndexOptions } from './search-index';
import type { UsageReport, UsageRequest } from '../../shared/usage';

/** A search request: the query text and the page wanted. */
export interface SearchRequest {
  query: string;
  page?: number;
  pageSize?: number;
  sort?: SearchSort;
}

/** Full-text search over a store or a catalog of sources, with its index in `indexFile`. */
export class SearchService {
  private index: SearchIndex | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private state: IndexProgress;
  private readonly listeners = new Set<(p: IndexProgress) => void>();
  private current: AbortController | null = null;
  private readonly stopping = new AbortController();
  private readonly usageCache = new UsageCache();

  constructor(
    from: JsonlStore | Catalog,
    private readonly indexFile: string,
    private readonly options: SearchIndexOptions = {},
    /** Where indexing stands when this service takes over an index another one built. */
    progress: IndexProgress = { state: 'indexing', done: 0, total: 0 },
  ) {
    this.catalog = Catalog.of(from);
    this.state = progress;
  }

  private readonly catalog: Catalog;

  private open(): SearchIndex {
    this.index ??= new SearchIndex(this.indexFile, this.options);
    return this.index;
  }

  /** After an error from the index: when its file turns out damaged, it is replaced by an empty
   * one (true), to be filled by the next update. */
  private replaceIfDamaged(): boolean {
    if (!this.index || this.index.isSound()) return false;
    this.index.close();
    removeIndexFiles(this.indexFile);
    this.index = new SearchIndex(this.indexFile, this.options);
    this.usageCache.updated(null);
    return true;
  }

  /** Runs a query; when the index turns out damaged, replaces it, starts rebuilding it and asks
   * again (the answer is then partial, as during any build). */
  private async query<T>(run: (index: SearchIndex) => Promise<T>): Promise<T> {
    try {
      return await run(this.open());
    } catch (error) {
      if (error instanceof CancelledError || !this.replaceIfDamaged()) throw error;
      void this.refresh();
      return run(this.open());
    }
  }

  /** Where indexing stands. */
  progress(): IndexProgress {
    return this.state;
  }

  /** Whether an update is running or asked for. */
  updating(): boolean {
    return this.running !== null;
  }

  /** Calls `listener` on every progress change; returns the unsubscribe function. */
  onProgress(listener: (p: IndexProgress) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private report(p: IndexProgress): void {
    this.state = p;
    for (const l of this.listeners) l(p);
  }

  /** Brings the index up to date; resolves when it is (calls during an update share one re-run). */
  refresh(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          await this.open().update(this.catalog, {
            signal: this.stopping.signal,
            onProgress: ({ done, total }) =>
              this.report({ state: done < total ? 'indexing' : 'ready', done, total }),
          });
          this.report({ ...this.state, state: 'ready' });
        } catch (error) {
          if (error instanceof CancelledError) break;
          if (this.replaceIfDamaged()) {
            this.again = true;
            continue;
          }
          this.report({ ...this.state, state: 'error', error: errorLine(error) });
        }
        // Whatever the update changed, usage reports made before it are void.
        this.usageCache.updated(this.state.state === 'ready' ? this.index : null);
      } while (this.again && !this.stopping.signal.aborted);
      this.running = null;
    })();
    return this.running;
  }

  /** One page of results. A newer call cancels this one (it rejects with CancelledError). */
  async search(request: SearchRequest): Promise<SearchResults> {
    this.current?.abort();
    const controller = new AbortController();
    this.current = controller;
    const results = await this.query((index) =>
      search(index, { dir: this.catalog.store()?.dir() ?? '', load: this.loadMessages }, request.query, {
        page: request.page,
        pageSize: request.pageSize,
        sort: request.sort,
        signal: controller.signal,
      }),
    );
    if (controller.signal.aborted) throw new CancelledError();
    return { ...results, progress: this.state, partial: this.state.state !== 'ready' };
  }

  /** Tokens and cost added up from the index (what it holds so far, while it builds). */
  async usage(request: UsageRequest): Promise<UsageReport> {
    const started = performance.now();
    const report = await this.query(async (index) => this.usageCache.report(index, request, !this.running));
    return { ...report, took_ms: Math.round(performance.now() - started), progress: this.state };
  }

  // Snippets of other sources' sessions come from the session loaded whole.
  private readonly loadMessages = async (id: string) => (await this.catalog.load(id)).messages;

  /** Every matching message index of one session. */
  sessionMatches(id: string, query: string): number[] {
    try {
      return sessionMatches(this.open(), id, query);
    } catch (error) {
      if (!this.replaceIfDamaged()) throw error;
      void this.refresh();
      return [];
    }
  }

  /** Stops a running update (what it indexed is kept), then closes the index. */
  async close(): Promise<void> {
    this.current?.abort();
    this.stopping.abort();
    await this.running;
    this.index?.close();
    this.index = null;
  }
}
