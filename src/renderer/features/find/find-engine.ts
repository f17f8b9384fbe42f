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
/** Time per slice, in ms; a run's first slice is shorter, so a keystroke's first count shows soon. */
const SLICE_MS = 8;
const FIRST_SLICE_MS = 2;
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
  /** The run of a shorter query whose matches are being checked again (a slice at a time, so a
   * keystroke's first count comes at once even with a million matches), and how far. */
  private source: FindRun | null = null;
  private checked = 0;
  private slices = 0;

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
    // A run stopped while still checking its source's matches has searched nothing itself: its
    // source is the one to narrow.
    const base = previous?.source ?? previous;
    if (this.pattern && base && this.extends(base)) this.source = base;
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

  // Checks the source's matches again until `until`; once all are, searching goes on where the
  // source had got to.
  private narrow(source: FindRun, pattern: RegExp, until: number): void {
    const sticky = stickyOf(pattern);
    const matches = source.matches;
    while (this.checked < matches.length) {
      const match = matches[this.checked++]!;
      const section = this.corpus.sectionsOf(match.message)[match.section];
      const end = section ? matchesAt(section.text, sticky, match.start) : null;
      if (end !== null) this.matches.push({ ...match, end });
      if ((this.checked & 1023) === 0 && performance.now() >= until) break;
    }
    this.count = this.matches.length;
    if (this.checked < matches.length) return;
    this.next = source.next;
    this.source = null;
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
    const until = performance.now() + (this.slices++ === 0 ? FIRST_SLICE_MS : SLICE_MS);
    if (pattern && this.source) {
      this.narrow(this.source, pattern, until);
      if (this.source) {
        this.onProgress({ count: this.count, done: false });
        this.schedule();
        return;
      }
    }
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
