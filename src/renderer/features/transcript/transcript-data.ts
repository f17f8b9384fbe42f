// The open transcript on the renderer: the session's facts and the messages loaded so far (a long
// session arrives page by page), changed in place by pages and live appends. Components read it
// through useSyncExternalStore; its identity changes only when another session (or a rewritten
// file) is opened.
import type { SessionAppended } from '../../../shared/contract';
import type {
  TranscriptMessage,
  TranscriptPage,
  TranscriptSession,
  ToolCallBlock,
} from '../../../shared/transcript';
import { ViewState } from './view-state';

/** One session's loaded transcript. */
export class TranscriptData {
  version: string;
  session: TranscriptSession;
  /** Messages in the session (known so far, while `complete` is false). */
  total: number;
  complete: boolean;
  /** The reader's open parts. */
  readonly view: ViewState;
  private readonly messages = new Map<number, TranscriptMessage>();
  private readonly listeners = new Set<() => void>();
  private revision = 0;

  /** `view`: the open parts to keep from an earlier load of the same session. */
  constructor(
    readonly id: string,
    page: TranscriptPage,
    view?: ViewState,
  ) {
    this.view = view ?? new ViewState();
    this.version = page.version;
    this.session = page.session;
    this.total = page.total;
    this.complete = page.complete;
    this.addPage(page);
  }

  /** Message `index`, when loaded. */
  get(index: number): TranscriptMessage | undefined {
    return this.messages.get(index);
  }

  /** The loaded messages, in session order. */
  loaded(): TranscriptMessage[] {
    return [...this.messages.values()].sort((a, b) => a.index - b.index);
  }

  /** Takes a page of messages and what it says about the session; false when the page is of
   * another reading of the file (it was rewritten: the caller opens the session afresh). */
  addPage(page: TranscriptPage): boolean {
    if (page.version !== this.version) return false;
    this.session = page.session;
    this.total = Math.max(this.total, page.total);
    this.complete = page.complete;
    for (const message of page.messages) this.messages.set(message.index, message);
    this.changed();
    return true;
  }

  /** Takes messages pushed while the session is followed; false when they do not fit on (the
   * file was rewritten, or messages were missed): the caller opens the session afresh. */
  applyAppended(appended: SessionAppended): boolean {
    if (appended.reset || appended.from > this.total) return false;
    for (const message of appended.messages) {
      this.messages.set(message.index, message);
      this.linkResults(message);
    }
    this.total = Math.max(this.total, appended.session.msg_count);
    this.session = { ...appended.session, msg_count: this.total };
    this.changed();
    return true;
  }

  /** Subscribes to every change (for useSyncExternalStore). */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Grows with every change (for useSyncExternalStore). */
  readonly snapshot = (): number => this.revision;

  /** Points the calls that `message`'s results answer at them (a result arrived after its call). */
  private linkResults(message: TranscriptMessage): void {
    message.blocks.forEach((block, index) => {
      if (block.kind !== 'tool_result' || block.call === null) return;
      const owner = this.messages.get(block.call.message);
      const call = owner?.blocks[block.call.block];
      if (!owner || call?.kind !== 'tool_call' || call.result !== null) return;
      const linked: ToolCallBlock = { ...call, result: { message: message.index, block: index } };
      const blocks = owner.blocks.slice();
      blocks[block.call.block] = linked;
      this.messages.set(owner.index, { ...owner, blocks });
    });
  }

  private changed(): void {
    this.revision++;
    for (const listener of this.listeners) listener();
  }
}
