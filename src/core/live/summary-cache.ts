// Summaries of session files the index does not cover, kept while the file is unchanged, so a
// list refreshed on every live change re-reads only the files that actually changed. A file seen
// for the first time costs just its scan (the key comes from the scan's own stat).
import type { Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { SessionSummary } from '../../shared/types';
import { isMissing } from '../regular-file';

/** Summarizes one file from its bytes (scanWithStats in the store), with the stats it read. */
export type Summarize<T = SessionSummary> = (
  path: string,
  id: string,
) => Promise<{ summary: T | null; stats: Stats }>;

// Any write changes size or mtime (and ctime, even when mtime is set back); a replaced file has
// another inode.
/** The cache key of a file's state. */
export const keyOf = (st: Pick<Stats, 'ino' | 'size' | 'mtimeMs' | 'ctimeMs'>): string =>
  `${st.ino}:${st.size}:${st.mtimeMs}:${st.ctimeMs}`;

/** One cached summary and the file state it was taken at. */
export interface CacheEntry<T> {
  key: string;
  summary: T | null;
}

/** Per-file cache keyed by inode, size, mtime and ctime (of summaries, or of any T read from a file). */
export class SummaryCache<T = SessionSummary> {
  private readonly entries = new Map<string, CacheEntry<T>>();
  /** Whether entries changed since the last `snapshot()` (so a stored copy needs rewriting). */
  private dirty = false;

  constructor(private readonly summarize: Summarize<T>) {}

  /** Adds entries stored earlier (checked against each file's stat before use, like any other). */
  seed(stored: Record<string, CacheEntry<T>>): void {
    for (const [id, entry] of Object.entries(stored)) if (!this.entries.has(id)) this.entries.set(id, entry);
  }

  /** Whether entries changed since the last `snapshot()`. */
  changed(): boolean {
    return this.dirty;
  }

  /** Every entry, for storing (and the cache counts as unchanged from here on). */
  snapshot(): Record<string, CacheEntry<T>> {
    this.dirty = false;
    return Object.fromEntries(this.entries);
  }

  /** The summary of `path` (session `id`), from the cache when the file is unchanged; null when
   * the file is empty or gone. Throws (and forgets it) when the file cannot be read: a FIFO,
   * device or folder (NotRegularFileError), no permission; the list counts those. */
  async get(path: string, id: string): Promise<T | null> {
    const cached = this.entries.get(id);
    if (cached) {
      const st = await stat(path).catch(() => null);
      if (st === null) return this.forget(id);
      if (keyOf(st) === cached.key) return cached.summary;
    }
    try {
      const { summary, stats } = await this.summarize(path, id);
      this.entries.set(id, { key: keyOf(stats), summary });
      this.dirty = true;
      return summary;
    } catch (error) {
      this.forget(id);
      if (isMissing(error)) return null; // vanished
      throw error;
    }
  }

  /** Whether `id` has an entry (still to be checked against its file). */
  has(id: string): boolean {
    return this.entries.has(id);
  }

  /** Records a summary taken elsewhere (a scan thread) at the file state `key`. */
  set(id: string, key: string, summary: T | null): void {
    this.entries.set(id, { key, summary });
    this.dirty = true;
  }

  /** Drops entries of sessions that are no longer present. */
  retain(present: ReadonlySet<string>): void {
    for (const id of this.entries.keys()) if (!present.has(id)) this.forget(id);
  }

  private forget(id: string): null {
    if (this.entries.delete(id)) this.dirty = true;
    return null;
  }
}
