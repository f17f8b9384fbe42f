// Fetches the pages of a transcript the reader is about to see: the messages are asked for in
// aligned windows, each once at a time; a window read before the whole file was (its calls'
// results may have been unknown then) is asked for again once it is.
import type { TranscriptPage } from '../../../shared/transcript';

/** Messages per window. */
export const WINDOW = 50;

/** What the loader needs from its transcript. */
export interface PageSink {
  /** Takes a page; false when it is of another reading of the file. */
  addPage(page: TranscriptPage): boolean;
  has(index: number): boolean;
  readonly total: number;
  readonly complete: boolean;
}

/** Loads windows of messages into a sink. */
export class PageLoader {
  private readonly inFlight = new Set<number>();
  /** Windows loaded while the file was still being read. */
  private readonly stale = new Set<number>();

  constructor(
    private readonly sink: PageSink,
    private readonly fetch: (from: number, to: number) => Promise<TranscriptPage>,
    /** Called when a page shows the file was replaced, or a fetch failed. */
    private readonly onLost: (error?: unknown) => void,
  ) {}

  /** A page that came another way (the first one): remembered as stale if the file was not read. */
  noteLoaded(page: TranscriptPage): void {
    if (page.complete || page.messages.length === 0) return;
    const first = Math.floor(page.messages[0]!.index / WINDOW);
    const last = Math.floor(page.messages.at(-1)!.index / WINDOW);
    for (let w = first; w <= last; w++) this.stale.add(w);
  }

  /** Makes sure messages [from, to) are loaded or on their way. */
  ensure(from: number, to: number): void {
    const end = Math.min(to, this.sink.total);
    for (let w = Math.floor(Math.max(0, from) / WINDOW); w * WINDOW < end; w++) {
      if (this.inFlight.has(w)) continue;
      const start = w * WINDOW;
      const stop = Math.min(start + WINDOW, this.sink.total);
      // From the first message missing: a page that stopped early (a huge line after its first
      // messages) goes on from there, rather than asking for the same start again.
      let missing = start;
      while (missing < stop && this.sink.has(missing)) missing++;
      const refresh = this.sink.complete && this.stale.has(w);
      if (refresh) this.load(w, start, stop);
      else if (missing < stop) this.load(w, missing, stop);
    }
  }

  private load(window: number, from: number, to: number): void {
    this.inFlight.add(window);
    this.fetch(from, to).then(
      (page) => {
        this.inFlight.delete(window);
        if (!this.sink.addPage(page)) return this.onLost();
        if (page.complete) this.stale.delete(window);
        else this.stale.add(window);
        // A page stops early when its lines are large: the rest of the window comes next.
        const last = page.messages.at(-1)?.index;
        if (last !== undefined && last + 1 < to) this.ensure(last + 1, to);
      },
      (error: unknown) => {
        this.inFlight.delete(window);
        this.onLost(error);
      },
    );
  }
}
