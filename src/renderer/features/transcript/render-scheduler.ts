// Renders a long transcript's messages a slice at a time, so opening a session with thousands of
// messages never blocks the page: each slice stops after a few milliseconds and yields. Messages
// near the viewport are rendered first, the rest in order, until every message is done (find in
// transcript then sees all of them).

/** What the scheduler drives. */
export interface RenderSchedulerOptions {
  total: number;
  /** True when message `index` needs no work (already rendered, e.g. from a cache). */
  isDone(index: number): boolean;
  /** Does the expensive work for message `index`. */
  render(index: number): void;
  /** Called after each slice with the indices rendered in it. */
  onRendered(indices: number[]): void;
  /** Time per slice in ms before yielding. */
  budgetMs?: number;
  /** Queues the next slice; returns a cancel function. */
  schedule?(run: () => void): () => void;
  now?(): number;
}

/** Yields to the event loop through a macrotask, so input and paint get their turn. */
function nextMacrotask(run: () => void): () => void {
  const timer = setTimeout(run, 0);
  return () => clearTimeout(timer);
}

/** Drives rendering of a transcript's messages in time-boxed slices. */
export class RenderScheduler {
  private readonly options: Required<RenderSchedulerOptions>;
  /** Messages to render; grows as a followed session gets new ones. */
  private total: number;
  private readonly urgent = new Set<number>();
  private cursor = 0;
  private cancel: (() => void) | null = null;
  private stopped = false;

  constructor(options: RenderSchedulerOptions) {
    this.options = {
      budgetMs: 8,
      schedule: nextMacrotask,
      now: () => performance.now(),
      ...options,
    };
    this.total = options.total;
  }

  /** Starts (or resumes) rendering. */
  start(): void {
    this.stopped = false;
    this.queue();
  }

  /** Stops for good (the transcript was closed). */
  stop(): void {
    this.stopped = true;
    this.cancel?.();
    this.cancel = null;
  }

  /** There are now `total` messages (more were appended): renders the new ones too. */
  grow(total: number): void {
    if (total <= this.total) return;
    this.total = total;
    this.queue();
  }

  /** Renders message `index` before the others (it is about to be seen). */
  prioritize(index: number): void {
    if (index < 0 || index >= this.total || this.options.isDone(index)) return;
    this.urgent.add(index);
    this.queue();
  }

  private queue(): void {
    if (this.stopped || this.cancel) return;
    this.cancel = this.options.schedule(() => {
      this.cancel = null;
      this.slice();
    });
  }

  private next(): number {
    for (const index of this.urgent) {
      this.urgent.delete(index);
      if (!this.options.isDone(index)) return index;
    }
    while (this.cursor < this.total && this.options.isDone(this.cursor)) this.cursor++;
    return this.cursor < this.total ? this.cursor : -1;
  }

  private slice(): void {
    const { now, budgetMs, render, onRendered } = this.options;
    const started = now();
    const rendered: number[] = [];
    let index = this.next();
    while (index >= 0) {
      render(index);
      rendered.push(index);
      if (now() - started >= budgetMs) break;
      index = this.next();
    }
    if (rendered.length > 0) onRendered(rendered);
    if (index >= 0 && !this.stopped) this.queue();
  }
}
