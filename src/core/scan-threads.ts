// Summaries of many session files at once on two threads (a cold list of thousands of files the
// index lacks decodes every line: one thread cannot keep up with reading them). The threads run
// the bundled script set by `useScanThreads`; without it, or when a thread fails, the work is done
// on the calling thread instead, so a missing script costs speed, never results.
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { SessionSummary } from '../shared/types';
import { keyOf } from './live/summary-cache';
import { scanWithStats, scanSmallBlocking, summaryOfParts, tallyPartBlocking, type PartTally } from './scan';
import type { PriceTable } from './sources/pricing/pricing';
import { sourceOutcome, type SourceJob, type SourceOutcome } from './sources/thread-scans';

/** One ggcode file to summarize, or with `part`, the lines of it that start in bytes [from, to)
 * while it is in the state `key` (its cache key). */
export interface StoreJob {
  kind?: undefined;
  path: string;
  id: string;
  part?: { from: number; to: number; key: string };
}

/** A ggcode file, or a session of another source (see sources/thread-scans.ts). */
export type ScanJob = StoreJob | SourceJob;

/** What a thread answers for a job: the file's summary and cache key; for a file too large for
 * one thread, its state, to be scanned in parts; a part's tally; another source's facts; or the
 * error its scan threw. */
export type ScanOutcome =
  | { kind: 'summary'; summary: SessionSummary | null; key: string }
  | { kind: 'split'; size: number; mtimeMs: number; key: string }
  | { kind: 'part'; part: PartTally }
  | SourceOutcome
  | { kind: 'error'; code: string | undefined; message: string };

/** Client -> thread: a batch of jobs. Thread -> client: their outcomes, in order. */
export interface ScanBatch {
  seq: number;
  jobs: ScanJob[];
  /** Files at least this large are handed back to be scanned in parts. */
  splitBytes: number;
  /** The prices other sources' costs are estimated with (Codex's rows carry their cost). */
  prices?: PriceTable;
}
export interface ScanReply {
  seq: number;
  outcomes: ScanOutcome[];
}

/** Fewer files than this are scanned on the calling thread (starting threads costs ~30 ms). */
export const MIN_FILES_FOR_THREADS = 64;
/** Files at least this large are scanned in parts, one per thread (a 100 MB session scanned by
 * one thread would leave the other idle for most of the list). */
const SPLIT_BYTES = 16 << 20;
/** Files per message: large enough that messaging is cheap, small enough to balance the threads. */
const BATCH = 32;
/** The thread each other source's batches go to (ggcode's go to the least busy one, and so
 * even out the threads' loads)... */
const HOME: Record<SourceJob['kind'], number> = { claude: 0, codex: 1 };
/** ...unless its scan is the only one running and its thread has this many more batches
 * waiting than the least busy one (a batch sent to the other thread while other scans run makes
 * it warm a second scan: about 3% more CPU for the cold three-source list). */
const SLACK = 2;

const failed = (error: unknown): ScanOutcome => {
  const e = error as NodeJS.ErrnoException;
  return { kind: 'error', code: e.code, message: String(e.message) };
};

/** Summarizes one file where the caller runs, as a thread would. */
export async function scanOutcome(job: ScanJob, prices?: PriceTable): Promise<ScanOutcome> {
  try {
    if (job.kind !== undefined) return await sourceOutcome(job, prices, false);
    const { summary, stats } = await scanWithStats(job.path, job.id);
    return { kind: 'summary', summary, key: keyOf(stats) };
  } catch (error) {
    return failed(error);
  }
}

/** A scan thread's answer to one job: blocking reads, large files handed back to be split. */
export async function threadOutcome(
  job: ScanJob,
  splitBytes: number,
  prices?: PriceTable,
): Promise<ScanOutcome> {
  try {
    if (job.kind !== undefined) return await sourceOutcome(job, prices, true);
    if (job.part) {
      const { from, to, key } = job.part;
      return { kind: 'part', part: tallyPartBlocking(job.path, from, to, key) };
    }
    const scan = await scanSmallBlocking(job.path, job.id, splitBytes);
    const { stats } = scan;
    if (!scan.whole) return { kind: 'split', size: stats.size, mtimeMs: stats.mtimeMs, key: keyOf(stats) };
    return { kind: 'summary', summary: scan.summary, key: keyOf(stats) };
  } catch (error) {
    return failed(error);
  }
}

interface Thread {
  worker: Worker;
  /** Batches sent and not answered yet. */
  busy: number;
}

interface Pending {
  batch: ScanBatch;
  thread: Thread;
  done: (outcomes: ScanOutcome[]) => void;
}

/** The scan threads of this process (two at most), started for a scan and stopped when no scan
 * needs them: each holds 15-20 MB, and a list rarely has many unseen files twice. */
class ScanThreads {
  private threads: Thread[] = [];
  private readonly pending = new Map<number, Pending>();
  private seq = 1;
  /** Scans in progress. */
  private active = 0;
  /** Holds on the threads taken ahead of scans (see hold). */
  private held = 0;
  /** Files a thread answered for (the rest of a batch's files were scanned here). */
  answered = 0;

  constructor(
    private readonly file: string,
    private readonly splitBytes: number,
  ) {}

  private async start(): Promise<Thread[]> {
    if (this.threads.length) return this.threads;
    const { startScanThread } = await import('./scan-thread-start');
    if (this.threads.length) return this.threads;
    const count = Math.max(1, Math.min(2, availableParallelism()));
    for (let i = 0; i < count; i++) {
      const worker = startScanThread(this.file);
      const thread: Thread = { worker, busy: 0 };
      worker.on('message', (reply: ScanReply) => {
        const p = this.pending.get(reply.seq);
        this.pending.delete(reply.seq);
        thread.busy--;
        this.answered += reply.outcomes.length;
        p?.done(reply.outcomes);
      });
      worker.on('error', () => this.lose(thread));
      worker.on('exit', () => this.lose(thread));
      this.threads.push(thread);
    }
    return this.threads;
  }

  // A thread is gone: its batches in flight are scanned here instead.
  private lose(thread: Thread): void {
    this.threads = this.threads.filter((t) => t !== thread);
    for (const [seq, p] of this.pending) {
      if (p.thread !== thread) continue;
      this.pending.delete(seq);
      void Promise.all(p.batch.jobs.map((j) => scanOutcome(j, p.batch.prices))).then(p.done);
    }
  }

  /** Starts the threads now and keeps them until the returned release is called, so that they
   * boot while the caller still looks for the files it will have scanned. */
  hold(): () => void {
    this.held++;
    this.start().catch(() => undefined); // a start that fails is the scan's to report
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      this.held--;
      this.stopWhenIdle();
    };
  }

  /** Threads started and not stopped. */
  running(): number {
    return this.threads.length;
  }

  private stopWhenIdle(): void {
    if (this.active === 0 && this.held === 0 && this.pending.size === 0) this.stop();
  }

  /** The outcome of every job, in order (`prices` for other sources' costs), each also given to
   * `each` as it comes. */
  async scan(jobs: ScanJob[], prices?: PriceTable, each?: OnOutcome): Promise<ScanOutcome[]> {
    this.active++;
    const threads = await this.start().catch((error: unknown) => {
      this.active--;
      throw error;
    });
    const out = new Array<ScanOutcome>(jobs.length);
    let next = 0;
    // Each thread keeps two batches queued, so it never waits for the next one.
    const feed = async (): Promise<void> => {
      while (next < jobs.length) {
        const from = next;
        next = Math.min(jobs.length, next + BATCH);
        const outcomes = await this.send(jobs.slice(from, next), prices);
        await Promise.all(
          outcomes.map(async (o, i) => {
            const job = jobs[from + i]!;
            out[from + i] = o.kind === 'split' && job.kind === undefined ? await this.inParts(job, o) : o;
            each?.(out[from + i]!, from + i);
          }),
        );
      }
    };
    try {
      await Promise.all(Array.from({ length: 2 * Math.max(1, threads.length) }, feed));
    } finally {
      // Sources list at once: the threads stay while any of their scans runs.
      --this.active;
      this.stopWhenIdle();
    }
    return out;
  }

  // One part per thread, sent ahead of the batches not sent yet; any part that is not a tally
  // (the file changed, a thread failed) makes the file an error, which the caller scans again.
  private async inParts(job: StoreJob, split: Extract<ScanOutcome, { kind: 'split' }>): Promise<ScanOutcome> {
    const n = Math.max(1, this.threads.length);
    const bounds = Array.from({ length: n + 1 }, (_, k) => Math.floor((split.size * k) / n));
    const answers = await Promise.all(
      bounds
        .slice(0, -1)
        .map((from, k) => this.send([{ ...job, part: { from, to: bounds[k + 1]!, key: split.key } }])),
    );
    const parts: PartTally[] = [];
    for (const [o] of answers) {
      if (o?.kind !== 'part') return { kind: 'error', code: undefined, message: `${job.path} changed` };
      parts.push(o.part);
    }
    return { kind: 'summary', key: split.key, summary: summaryOfParts(job.id, parts, split) };
  }

  private send(jobs: ScanJob[], prices?: PriceTable): Promise<ScanOutcome[]> {
    const least = this.threads.reduce<Thread | null>((a, t) => (!a || t.busy < a.busy ? t : a), null);
    // Another source's batches go to its own thread while other scans run or that one is not
    // far behind: each thread then compiles and warms one source's scan, not all of them.
    const kind = jobs[0]?.kind;
    const home = kind === undefined ? undefined : this.threads[HOME[kind] % this.threads.length];
    const thread = home && least && (home.busy <= least.busy + SLACK || this.active > 1) ? home : least;
    if (!thread) return Promise.all(jobs.map((j) => scanOutcome(j, prices)));
    const batch: ScanBatch = {
      seq: this.seq++,
      jobs,
      splitBytes: this.splitBytes,
      ...(prices && { prices }),
    };
    return new Promise((done) => {
      this.pending.set(batch.seq, { batch, done, thread });
      thread.busy++;
      thread.worker.postMessage(batch);
    });
  }

  private stop(): void {
    const threads = this.threads;
    this.threads = [];
    for (const t of threads) {
      t.worker.removeAllListeners('exit');
      void t.worker.terminate();
    }
  }
}

let threads: ScanThreads | null = null;

/** Makes large scans use threads running `file` (the bundled scan-thread script); null: none.
 * Files of `splitBytes` or more are scanned in parts, one per thread. */
export function useScanThreads(file: string | null, splitBytes = SPLIT_BYTES): void {
  threads = file ? new ScanThreads(file, splitBytes) : null;
}

/** Starts the scan threads ahead of a list that will scan many files (a first list with nothing
 * stored), kept until the returned release is called; nothing is started without them. */
export function holdScanThreads(): () => void {
  return threads ? threads.hold() : () => undefined;
}

/** How many scan threads are running (a figure for tests). */
export function scanThreadsRunning(): number {
  return threads?.running() ?? 0;
}

/** How many files the scan threads summarized since `useScanThreads` (a figure for tests and benches). */
export function filesScannedOnThreads(): number {
  return threads?.answered ?? 0;
}

/** What is done with each job's outcome as it comes (`index`: the job's), while the threads
 * scan the rest: a caller that only collects outcomes leaves less to do after the last one. */
export type OnOutcome = (outcome: ScanOutcome, index: number) => void;

/** The outcome of every job from the scan threads (each also given to `each` as it comes); null
 * when they are not set up or there are too few jobs to be worth them (the caller then scans as
 * usual). */
export function scanOnThreads(
  jobs: ScanJob[],
  prices?: PriceTable,
  each?: OnOutcome,
): Promise<ScanOutcome[]> | null {
  return threads && jobs.length >= MIN_FILES_FOR_THREADS ? threads.scan(jobs, prices, each) : null;
}
