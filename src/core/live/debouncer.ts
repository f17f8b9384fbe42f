// Gathers what a burst of file events touched and hands it over once the burst goes quiet, or
// after a longest wait, so a writer that never pauses still gets its changes reported.
/** Defaults: quiet for 100 ms, or at most 250 ms after the first event of a burst. */
export const QUIET_MS = 100;
export const MAX_WAIT_MS = 250;

/** The search index is refreshed once changes pause for a second (at most every 5 s while they
 * go on): a refresh re-checks every file, and should not hold up the viewer's own update. */
export const SEARCH_QUIET_MS = 1000;
export const SEARCH_MAX_WAIT_MS = 5000;

/** Collects items (file names) and flushes them as one set per burst. */
export class Debouncer<T> {
  private items = new Set<T>();
  private quietTimer: NodeJS.Timeout | null = null;
  private maxTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly flush: (items: Set<T>) => void,
    private readonly quietMs = QUIET_MS,
    private readonly maxWaitMs = MAX_WAIT_MS,
  ) {}

  /** Adds `item` to the current burst and restarts the quiet period. */
  add(item: T): void {
    this.items.add(item);
    if (this.quietTimer) clearTimeout(this.quietTimer);
    this.quietTimer = setTimeout(() => this.fire(), this.quietMs);
    this.maxTimer ??= setTimeout(() => this.fire(), this.maxWaitMs);
  }

  /** Drops the current burst without flushing it. */
  cancel(): void {
    if (this.quietTimer) clearTimeout(this.quietTimer);
    if (this.maxTimer) clearTimeout(this.maxTimer);
    this.quietTimer = this.maxTimer = null;
    this.items = new Set();
  }

  private fire(): void {
    const items = this.items;
    this.cancel();
    if (items.size > 0) this.flush(items);
  }
}
