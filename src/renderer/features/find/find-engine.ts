// Counts and places every match of a query in a session's data (collapsed and undrawn text
// included), a time slice at a time, so typing stays responsive in a session of any size; each
// slice reports how far it has got, and the count is final only once every message is searched.
import type { FindCorpus } from './find-corpus';
import { eachMatch, findPattern, matchesAt, stickyOf } from './find-matcher';

/** One match: the message it is drawn in, its section there and where in that section's text. */
export interface FindMatch {
  message: number;
  section: number;
  start: number;
  end: number;
}

/** Where a search stands. */
export interface FindProgress {
  count: number;
  done: boolean;
}

/** Matches kept for jumping to; more are counted but not kept. */
export const MAX_KEPT = 1_000_000;
/** Time per slice, in ms. */
const SLICE_MS = 8;
/** While messages still arrive, the last few fetched wait: a call's result may be just after. */
const WAIT_FOR_RESULTS = 8;

/** One search; `stop()` it when the query changes. */
export class FindRun {
  private readonly matches: FindMatch[] = [];
  private count = 0;
  private next = 0;
  private stopped = false;
  private scheduled = false;
  private readonly unsubscribe: () => void;
  private readonly pattern: RegExp | null;

  /** `previous`: the run of the query before (typing on): a match of the longer query starts
   * where one of the shorter did, so what it searched is only checked again, not searched. */
  constructor(
    private readonly corpus: FindCorpus,
    readonly query: string,
    readonly caseSensitive: boolean,
    private readonly onProgress: (progress: FindProgress) => void,
    previous?: FindRun,
  ) {
    this.pattern = findPattern(query, caseSensitive);
    this.unsubscribe = corpus.onGrow(() => this.schedule());
    if (this.pattern && previous && this.extends(previous)) this.narrow(previous, this.pattern);
    corpus.load();
    this.schedule();
  }

  private extends(previous: FindRun): boolean {
    if (previous.caseSensitive !== this.caseSensitive || previous.count !== previous.matches.length)
      return false;
    return this.caseSensitive
      ? this.query.startsWith(previous.query)
      : this.query.toLowerCase().startsWith(previous.query.toLowerCase());
  }

  private narrow(previous: FindRun, pattern: RegExp): void {
    const sticky = stickyOf(pattern);
    for (const match of previous.matches) {
      const section = this.corpus.sectionsOf(match.message)[match.section];
      const end = section ? matchesAt(section.text, sticky, match.start) : null;
      if (end !== null) this.matches.push({ ...match, end });
    }
    this.count = this.matches.length;
    this.next = previous.next;
  }

  /** Match `i` (of those kept). */
  match(i: number): FindMatch | undefined {
    return this.matches[i];
  }

  /** How many matches come before message `index` (for "which match is near the reader"). */
  firstAtOrAfter(index: number): number {
    let lo = 0;
    let hi = this.matches.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.matches[mid]!.message < index) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Stops searching. */
  stop(): void {
    this.stopped = true;
    this.unsubscribe();
  }

  // The next slice runs as the next task: a message channel, which (unlike nested timers) is
  // not held back 4 ms, while input and paint still come between slices.
  private schedule(): void {
    if (this.stopped || this.scheduled) return;
    this.scheduled = true;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      this.scheduled = false;
      this.slice();
    };
    channel.port2.postMessage(null);
  }

  private slice(): void {
    if (this.stopped) return;
    const pattern = this.pattern;
    const until = performance.now() + SLICE_MS;
    const limit = this.corpus.complete ? this.corpus.loaded : this.corpus.loaded - WAIT_FOR_RESULTS;
    while (pattern && this.next < limit && performance.now() < until) {
      const message = this.next++;
      this.corpus.sectionsOf(message).forEach((section, index) => {
        eachMatch(section.text, pattern, (start, end) => {
          this.count++;
          if (this.matches.length < MAX_KEPT) this.matches.push({ message, section: index, start, end });
        });
      });
    }
    const done = pattern === null || (this.next >= this.corpus.loaded && this.corpus.complete);
    this.onProgress({ count: this.count, done });
    if (!done && this.next < limit) this.schedule();
  }
}
