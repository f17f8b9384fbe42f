// The client side of the search worker: the same calls as SearchService, answered by a worker
// thread. Electron main and `sessions serve` use it; the CLI uses SearchService directly.
import { dirname, extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { IndexProgress, SearchResults } from '../../shared/types';
import type { FromWorker, ToWorker, WorkerInit } from './protocol';
import { CancelledError } from './search-index';
import type { UsageReport, UsageRequest } from '../../shared/usage';
import type { SearchRequest } from './search-service';

type Pending = { resolve: (value: never) => void; reject: (error: Error) => void };

/** Search in a worker thread started from the bundled worker script at `workerFile`. */
export class SearchWorkerClient {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private state: IndexProgress = { state: 'indexing', done: 0, total: 0 };
  private readonly listeners = new Set<(p: IndexProgress) => void>();
  private closed: Promise<void> | null = null;

  /** The index's reader thread is the script `search-reader` beside `workerFile` (both are
   * bundled together), unless `init` names another. */
  constructor(workerFile: string, init: WorkerInit) {
    const readerFile = init.readerFile ?? join(dirname(workerFile), `search-reader${extname(workerFile)}`);
    this.worker = new Worker(workerFile, { workerData: { ...init, readerFile } satisfies WorkerInit });
    this.worker.on('message', (message: FromWorker) => this.receive(message));
    this.worker.on('error', (error) => this.failAll(error));
    this.worker.on('exit', () => this.failAll(new Error('search worker stopped')));
    this.worker.unref();
  }

  private receive(message: FromWorker): void {
    if (message.type === 'progress') {
      this.state = message.progress;
      for (const l of this.listeners) l(message.progress);
    } else if (message.type === 'result') {
      const p = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (!p) return;
      if (message.ok) p.resolve(message.value as never);
      else p.reject(message.cancelled ? new CancelledError() : new Error(message.error));
    }
  }

  private failAll(error: Error): void {
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }

  private call<T>(message: ToWorker & { id: number }): Promise<T> {
    // A stopped worker answers nothing: a call after close() would never settle.
    if (this.closed) return Promise.reject(new Error('search worker closed'));
    return new Promise<T>((resolve, reject) => {
      this.pending.set(message.id, { resolve: resolve as (v: never) => void, reject });
      this.worker.postMessage(message);
    });
  }

  /** Where indexing stands (as last reported by the worker). */
  progress(): IndexProgress {
    return this.state;
  }

  /** Calls `listener` on every progress report; returns the unsubscribe function. */
  onProgress(listener: (p: IndexProgress) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Asks the worker to bring the index up to date (in the background). */
  refresh(): void {
    this.worker.postMessage({ type: 'refresh' } satisfies ToWorker);
  }

  /** One page of results; rejects with CancelledError when a newer search replaced it. */
  search(request: SearchRequest): Promise<SearchResults> {
    return this.call({ type: 'search', id: this.nextId++, request });
  }

  /** Every matching message index of one session. */
  sessionMatches(sessionId: string, query: string): Promise<number[]> {
    return this.call({ type: 'matches', id: this.nextId++, sessionId, query });
  }

  /** Tokens and cost added up from the index. */
  usage(request: UsageRequest): Promise<UsageReport> {
    return this.call({ type: 'usage', id: this.nextId++, request });
  }

  /** Stops the worker after it has closed the index cleanly. */
  close(): Promise<void> {
    this.closed ??= new Promise<void>((resolve) => {
      this.worker.once('exit', () => resolve());
      this.worker.on('message', (m: FromWorker) => m.type === 'closed' && void this.worker.terminate());
      this.worker.postMessage({ type: 'close' } satisfies ToWorker);
    });
    return this.closed;
  }
}
