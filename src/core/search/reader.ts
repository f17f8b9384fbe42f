// Reads session files for the index: in a thread of its own when a reader script is given (the
// index build then uses both cores: this thread parses JSON and prepares text while the other
// feeds SQLite), else on the calling thread. A reader thread that fails hands its work back to
// the calling thread, so a missing or broken script costs speed, never results.
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { readForIndex, type ReadJob, type ReadResult } from './extract';

/** Reads files for the index. */
export interface IndexReader {
  read(job: ReadJob): Promise<ReadResult>;
  /** Stops its thread, if it has one. */
  close(): void;
}

/** Reader thread -> client: one answer per job. */
export type ReaderReply = { id: number; result: ReadResult } | { id: number; error: string };

/** Reader client -> thread. */
export interface ReaderRequest {
  id: number;
  job: ReadJob;
}

const inline: IndexReader = { read: readForIndex, close() {} };

class ThreadReader implements IndexReader {
  private worker: Worker | null;
  private readonly pending = new Map<number, { job: ReadJob; settle: (p: Promise<ReadResult>) => void }>();
  private nextId = 1;

  constructor(file: string) {
    this.worker = new Worker(file);
    this.worker.unref();
    this.worker.on('message', (reply: ReaderReply) => {
      const p = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (!p) return;
      p.settle('result' in reply ? Promise.resolve(reply.result) : Promise.reject(new Error(reply.error)));
    });
    this.worker.on('error', () => this.fallBack());
    this.worker.on('exit', () => this.fallBack());
  }

  // The thread is gone: what it still had to do is done here, and so is everything after.
  private fallBack(): void {
    this.worker = null;
    for (const p of this.pending.values()) p.settle(readForIndex(p.job));
    this.pending.clear();
  }

  read(job: ReadJob): Promise<ReadResult> {
    const worker = this.worker;
    if (!worker) return readForIndex(job);
    return new Promise<ReadResult>((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { job, settle: (p) => p.then(resolve, reject) });
      worker.postMessage({ id, job } satisfies ReaderRequest);
    });
  }

  close(): void {
    const worker = this.worker;
    this.worker = null;
    this.pending.clear();
    void worker?.terminate();
  }
}

/** A reader on its own thread from the bundled script `file`, or on this thread when there is
 * none (unit tests run the sources, which a thread cannot load). */
export function createIndexReader(file?: string): IndexReader {
  return file && existsSync(file) ? new ThreadReader(file) : inline;
}
