// Counts and places every match of a query in a session's data (collapsed and undrawn text
// included), a time slice at a time, so typing stays responsive in a session of any size; each
// slice reports how far it has got, and the count is final only once every message is searched,
// and then the rest of every cut string, fetched a piece at a time.
import type { FindCorpus } from './find-corpus';
import { eachMatch, findPattern, matchesAt, stickyOf } from './find-matcher';
import { searchRest, type RestMatch } from './rest-search';

/** One match: the message it is drawn in, its section there and where in that section's text (in
 * the rest of a cut string: where in the part `piece` of it). */
export interface FindMatch {
  message: number;
  section: number;
  start: number;
  end: number;
  piece?: { part: number; from: number };
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
  private matches: FindMatch[] = [];
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
  /** The rests of cut strings searched (the corpus's rests, in order), and whether one is being. */
  private rests = 0;
  private resting = false;

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
      // The rests are searched again (they are not kept to check against).
      if (match.piece) continue;
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
    const searched = pattern === null || (this.next >= this.corpus.loaded && this.corpus.complete);
    const done = searched && (pattern === null || this.rests >= this.corpus.rests().length);
    this.onProgress({ count: this.count, done });
    if (!searched && this.next < limit) this.schedule();
    if (searched && !done && !this.resting) void this.searchRests(pattern!);
  }

  // Searches the rests of the cut strings one after another, after the messages.
  private async searchRests(pattern: RegExp): Promise<void> {
    this.resting = true;
    for (let rests = this.corpus.rests(); this.rests < rests.length; rests = this.corpus.rests()) {
      const { message, section, rest } = rests[this.rests]!;
      // Its matches go after those of the sections drawn before it.
      let at = this.firstAfter(message, section);
      const longest = 2 * this.query.length;
      // A match can start in its head (the section before it) and run into it: the head's end,
      // from where the head's last match ends, is searched with it.
      const sections = this.corpus.sectionsOf(message);
      const before = sections[section - 1];
      const head = before && `${before.key}.rest` === sections[section]!.key ? before.text : '';
      const last = this.matches[at - 1];
      const ended = last && last.message === message && last.section === section - 1 ? last.end : 0;
      const from = Math.max(ended, head.length - longest);
      let complete: boolean;
      try {
        complete = await searchRest(
          (piece) => this.corpus.fetchText(rest.message, piece),
          rest.from,
          head.slice(from),
          pattern,
          longest,
          (found) => (at = this.insert(at, found, message, section, from)),
          () => this.stopped,
        );
      } catch {
        // A rest that cannot be fetched is counted as far as it came.
        complete = !this.stopped;
      }
      if (!complete) return;
      this.rests++;
      if (this.rests < rests.length) this.onProgress({ count: this.count, done: false });
    }
    this.resting = false;
    this.schedule();
  }

  // Index of the first match after section `section` of message `message`.
  private firstAfter(message: number, section: number): number {
    let lo = 0;
    let hi = this.matches.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const m = this.matches[mid]!;
      if (m.message < message || (m.message === message && m.section <= section)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  // Counts a piece's matches and keeps them at `at` (the matches kept stay the first ones in
  // order); returns where the next piece's go. A match from the head (part -1) is the head's,
  // whose end searched started at `headFrom`.
  private insert(at: number, found: RestMatch[], message: number, section: number, headFrom: number): number {
    this.count += found.length;
    if (found.length === 0) return at;
    const after = this.matches.splice(at);
    for (const { part, from, start, end } of found) {
      if (this.matches.length >= MAX_KEPT) break;
      this.matches.push(
        part < 0
          ? { message, section: section - 1, start: headFrom + start, end: headFrom + end }
          : { message, section, start, end, piece: { part, from } },
      );
    }
    const next = this.matches.length;
    for (const match of after) {
      if (this.matches.length >= MAX_KEPT) break;
      this.matches.push(match);
    }
    this.onProgress({ count: this.count, done: false });
    return next;
  }
}
