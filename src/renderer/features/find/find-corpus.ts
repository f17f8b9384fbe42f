// Everything find searches in one session: every message, fetched page by page in the
// background when find is first used (the list itself keeps only the messages near the view),
// with each message's sections worked out once. The rest of a string cut from a huge line is not
// kept: a search fetches it a piece at a time (fetchText) and lets each go once searched.
import type {
  TextPiece,
  TranscriptCheckpoint,
  TranscriptMessage,
  TranscriptPage,
} from '../../../shared/transcript';
import { checkpointSections, messageSections, type Section } from './find-sections';

/** Messages asked for per request: small enough that parsing and handing on each page to the
 * worker is a short task on the page's thread, between keystrokes. */
const REQUEST = 250;

/** The messages of one session, as find needs them. */
export class FindCorpus {
  private readonly messages: TranscriptMessage[] = [];
  private readonly sections: (Section[] | undefined)[] = [];
  private readonly listeners = new Set<() => void>();
  private loading = false;
  /** Set once every message is wanted (a first request fetched ahead then goes on). */
  private everything = false;
  private failed = false;
  private checkpoints: readonly TranscriptCheckpoint[] = [];
  /** The messages whose sections hold the rest of a cut string (drawn there), in order. */
  private readonly cutRows = new Set<number>();

  /** `fetchText(message, from)`: the piece of a cut string of message `message` from `from`. */
  constructor(
    private readonly fetch: (from: number, to: number) => Promise<TranscriptPage>,
    private readonly total: () => number,
    readonly fetchText: (message: number, from: number) => Promise<TextPiece>,
  ) {}

  /** The rest sections of the messages fetched, in the order drawn. */
  rests(): { message: number; section: number; rest: NonNullable<Section['rest']> }[] {
    const found: { message: number; section: number; rest: NonNullable<Section['rest']> }[] = [];
    for (const message of [...this.cutRows].sort((a, b) => a - b)) {
      this.sectionsOf(message).forEach(
        (section, index) => section.rest && found.push({ message, section: index, rest: section.rest }),
      );
    }
    return found;
  }

  /** Messages fetched so far (from 0, without gaps). */
  get loaded(): number {
    return this.messages.length;
  }

  /** True when every message the session has is here. */
  get complete(): boolean {
    return this.failed || this.messages.length >= this.total();
  }

  /** The sections of message `index` (fetched): the summaries of the checkpoints drawn before it
   * (after it too, for the last message), then its own. */
  sectionsOf(index: number): Section[] {
    let found = this.sections[index];
    if (!found) {
      found = [
        ...checkpointSections(this.checkpoints, index),
        ...messageSections(this.messages[index]!, (i) => this.messages[i]),
        ...(index === this.total() - 1 ? checkpointSections(this.checkpoints, index + 1) : []),
      ];
      this.sections[index] = found;
    }
    return found;
  }

  /** The session's checkpoints (they come with its facts, which grow while it is read). */
  setCheckpoints(checkpoints: readonly TranscriptCheckpoint[]): void {
    this.checkpoints = checkpoints;
    this.sections.length = 0;
  }

  /** Calls `listener` when more messages arrived; returns the unsubscribe. */
  onGrow(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The session has more messages: fetches them once every message is wanted (`load`); until
   * then only the first request's, which a first keystroke searches (the corpus is made ahead,
   * before find is opened). */
  grew(): void {
    if (this.everything || this.messages.length === 0) this.fetchNext();
  }

  /** Fetches the messages not here yet (those appended since, too). */
  load(): void {
    this.everything = true;
    this.fetchNext();
  }

  // Fetches the next request's messages, then (once every message is wanted) those after.
  private fetchNext(): void {
    if (this.loading || this.complete) return;
    this.loading = true;
    const from = this.messages.length;
    this.fetch(from, Math.min(this.total(), from + REQUEST)).then(
      (page) => {
        this.loading = false;
        for (const message of page.messages) {
          if (message.index !== this.messages.length) continue;
          this.messages.push(withoutImageData(message));
          // A cut result is drawn (and searched) in its call's message.
          for (const block of message.blocks) {
            if (block.kind === 'text' || block.kind === 'reasoning' || block.kind === 'tool_result') {
              if (block.cut)
                this.cutRows.add(
                  block.kind === 'tool_result' && block.call ? block.call.message : message.index,
                );
            }
          }
          // A call's result often comes in the next message: its call's sections change (and the
          // last message's, which had the checkpoints after it).
          if (message.index > 0) this.sections[message.index - 1] = undefined;
        }
        if (page.messages.length === 0) this.failed = true;
        for (const listener of this.listeners) listener();
        if (this.everything) this.load();
      },
      () => {
        this.loading = false;
        this.failed = true;
        for (const listener of this.listeners) listener();
      },
    );
  }
}

// Find never looks at image data, which can be megabytes.
function withoutImageData(message: TranscriptMessage): TranscriptMessage {
  if (!message.blocks.some((b) => b.kind === 'image' || (b.kind === 'tool_result' && b.images.length > 0)))
    return message;
  return {
    ...message,
    blocks: message.blocks.map((b) =>
      b.kind === 'image'
        ? { ...b, image: { ...b.image, data: undefined } }
        : b.kind === 'tool_result'
          ? { ...b, images: b.images.map((i) => ({ ...i, data: undefined })) }
          : b,
    ),
  };
}
