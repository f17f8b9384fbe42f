// The find worker's side: one session's corpus (its messages fetched through the page) and the
// current run over it. Also run in the page itself where there are no workers (tests).
import type { TextPiece, TranscriptPage } from '../../../shared/transcript';
import { FindCorpus } from './find-corpus';
import { FindRun } from './find-engine';
import type { FromFindWorker, ToFindWorker } from './find-protocol';

/** Least time between two counts sent while a run goes on, in ms. */
const PROGRESS_MS = 50;

/** Answers the page's messages with `post`. */
export class FindHost {
  private total = 0;
  /** The checkpoints searched, as JSON (the corpus works their sections out again on a change). */
  private checkpoints = '[]';
  private readonly corpus: FindCorpus;
  private run: { id: number; search: FindRun } | null = null;
  private requests = 0;
  private readonly waiting = new Map<
    number,
    { resolve: (page: TranscriptPage) => void; reject: (e: Error) => void }
  >();
  private readonly pieces = new Map<
    number,
    { resolve: (piece: TextPiece) => void; reject: (e: Error) => void }
  >();

  constructor(private readonly post: (message: FromFindWorker) => void) {
    this.corpus = new FindCorpus(
      (from, to) =>
        new Promise<TranscriptPage>((resolve, reject) => {
          const request = ++this.requests;
          this.waiting.set(request, { resolve, reject });
          this.post({ type: 'fetch', request, from, to });
        }),
      () => this.total,
      (message, from) =>
        new Promise<TextPiece>((resolve, reject) => {
          const request = ++this.requests;
          this.pieces.set(request, { resolve, reject });
          this.post({ type: 'text', request, message, from });
        }),
    );
  }

  /** Handles one message from the page. */
  receive(message: ToFindWorker): void {
    switch (message.type) {
      case 'session': {
        const grew = message.total > this.total;
        this.total = message.total;
        if (JSON.stringify(message.checkpoints) !== this.checkpoints) {
          this.checkpoints = JSON.stringify(message.checkpoints);
          this.corpus.setCheckpoints(message.checkpoints);
        }
        // Find is open: its corpus loads before the first keystroke, and goes on as the session
        // grows. Made ahead (find not open yet): only the first messages, for a first keystroke.
        if (grew) this.corpus.grew();
        break;
      }
      case 'open':
        this.corpus.load();
        break;
      case 'page': {
        const waiter = this.waiting.get(message.request);
        this.waiting.delete(message.request);
        if (message.page) waiter?.resolve(message.page);
        else waiter?.reject(new Error(message.error ?? 'fetch failed'));
        break;
      }
      case 'piece': {
        const waiter = this.pieces.get(message.request);
        this.pieces.delete(message.request);
        if (message.piece) waiter?.resolve(message.piece);
        else waiter?.reject(new Error(message.error ?? 'fetch failed'));
        break;
      }
      case 'query': {
        const previous = this.run?.search;
        previous?.stop();
        const id = message.run;
        // The first count and the final one go at once; those between at most every PROGRESS_MS,
        // so the page is not kept busy redrawing a count while the reader types.
        let posted = -Infinity;
        const search = new FindRun(
          this.corpus,
          message.query,
          message.caseSensitive,
          (progress) => {
            const now = performance.now();
            if (!progress.done && posted !== -Infinity && now - posted < PROGRESS_MS) return;
            posted = now;
            this.post({ type: 'progress', run: id, ...progress });
          },
          previous,
        );
        this.run = { id, search };
        break;
      }
      case 'match': {
        const match = this.run?.id === message.run ? this.run.search.match(message.index) : undefined;
        const section = match && this.corpus.sectionsOf(match.message)[match.section];
        this.post({
          type: 'match',
          request: message.request,
          found: match && section ? { match, section } : null,
        });
        break;
      }
    }
  }
}
