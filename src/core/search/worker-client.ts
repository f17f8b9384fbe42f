// The client side of the search worker: the same calls as SearchService, answered by a worker
// thread. Electron main and `sessions serve` use it; the CLI uses SearchService directly.
import { dirname, extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { IndexProgress, SearchResults } from '../../shared/types';
import type { FromWorker, ToWorker, WorkerInit } from './protocol';
import { CancelledError } from './search-index';
import type { UsageReport, UsageRequest } from '../../shared/usage';
import type { SearchRequest } from './search-service';

type Pending = { resolve: (value: never) => void; reject: (error: Error) => void; worker: Worker };

/** Search in a worker thread started from the bundled worker script at `workerFile`. Once the
 * first build is over, that worker hands over to a fresh one: a build grows SQLite's
 * WebAssembly memory (which never shrinks) by tens of MB that queries and small updates never
 * need again (bench/ui's idle memory: ~60 MB less). */
export class SearchWorkerClient {
  private worker: Worker;
  private readonly init: WorkerInit;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private state: IndexProgress = { state: 'indexing', done: 0, total: 0 };
  private readonly listeners = new Set<(p: IndexProgress) => void>();
  private closed: Promise<void> | null = null;
  /** Whether the first build's worker has handed over (or is to, once its calls are answered). */
  private handOver: 'not yet' | 'due' | 'done' = 'not yet';
  /** Whether an update was asked of the worker and it has not said it settled. */
  private updating = false;
  /** Settles once the worker that handed over has stopped. */
  private retired: Promise<void> = Promise.resolve();

  /** The index's reader thread is the script `search-reader` beside `workerFile` (both are
   * bundled together), unless `init` names another. */
  constructor(
    private readonly workerFile: string,
    init: WorkerInit,
  ) {
    const readerFile = init.readerFile ?? join(dirname(workerFile), `search-reader${extname(workerFile)}`);
    this.init = { ...init, readerFile };
    this.worker = this.start(this.init);
  }

  private start(init: WorkerInit): Worker {
    const worker = new Worker(this.workerFile, { workerData: init satisfies WorkerInit });
    worker.on('message', (message: FromWorker) => this.receive(worker, message));
    worker.on('error', (error) => this.failAll(worker, error));
    worker.on('exit', () => this.failAll(worker, new Error('search worker stopped')));
    worker.unref();
    return worker;
  }

  private receive(from: Worker, message: FromWorker): void {
    if (message.type === 'progress') {
      // A worker that handed over may still report the update it was stopped in.
      if (from !== this.worker) return;
      const first = this.state.state === 'indexing' && this.handOver === 'not yet';
      this.state = message.progress;
      for (const l of this.listeners) l(message.progress);
      if (first && message.progress.state === 'ready') this.handOver = 'due';
    } else if (message.type === 'settled') {
      if (from === this.worker) this.updating = false;
    } else if (message.type === 'result') {
      const p = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (!p) return;
      if (message.ok) p.resolve(message.value as never);
      else p.reject(message.cancelled ? new CancelledError() : new Error(message.error));
    }
    // Handed over between updates and calls, so that the successor has nothing to redo.
    if (this.handOver === 'due' && !this.updating && !this.closed && this.pending.size === 0)
      this.replaceWorker();
  }

  // The successor opens the index the first worker built and starts as "ready"; an update the
  // first was asked for meanwhile and stopped in, the successor does again.
  private replaceWorker(): void {
    this.handOver = 'done';
    const old = this.worker;
    this.worker = this.start({ ...this.init, progress: this.state });
    this.retired = new Promise((resolve) => old.once('exit', () => resolve()));
    old.on('message', (m: FromWorker) => {
      if (m.type !== 'closed') return;
      void old.terminate();
      if (m.interrupted && !this.closed) this.refresh();
    });
    old.postMessage({ type: 'close' } satisfies ToWorker);
  }

  private failAll(worker: Worker, error: Error): void {
    for (const [id, p] of this.pending) {
      if (p.worker !== worker) continue;
      this.pending.delete(id);
      p.reject(error);
    }
  }

  private call<T>(message: ToWorker & { id: number }): Promise<T> {
    // A stopped worker answers nothing: a call after close() would never settle.
    if (this.closed) return Promise.reject(new Error('search worker closed'));
    const worker = this.worker;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(message.id, { resolve: resolve as (v: never) => void, reject, worker });
      worker.postMessage(message);
    });
  }

  /** The current worker's thread id: another one once the first build's worker has handed over. */
  threadId(): number {
    return this.worker.threadId;
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
    this.updating = true;
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
    const worker = this.worker;
    this.closed ??= new Promise<void>((resolve) => {
      worker.once('exit', () => void this.retired.then(resolve));
      worker.on('message', (m: FromWorker) => m.type === 'closed' && void worker.terminate());
      worker.postMessage({ type: 'close' } satisfies ToWorker);
    });
    return this.closed;
  }
}
