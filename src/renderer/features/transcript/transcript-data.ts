// The open transcript on the renderer: the session's facts and the messages loaded so far (a long
// session arrives page by page), changed in place by pages and live appends. Components read it
// through useSyncExternalStore; its identity changes only when another session (or a rewritten
// file) is opened.
import type { SessionAppended } from '../../../shared/contract';
import type {
  ImageData,
  OutlineEntry,
  TranscriptMessage,
  TranscriptOutline,
  TranscriptPage,
  TranscriptSession,
  TextPiece,
  ToolCallBlock,
} from '../../../shared/transcript';
import { PageLoader } from './page-loader';
import { ViewState } from './view-state';

/** How the data fetches what it lacks, and whom it tells when the file was replaced. */
export interface TranscriptSource {
  fetch(from: number, to: number): Promise<TranscriptPage>;
  /** An image too large to have come with its page. */
  image(message: number, block: number, image: number): Promise<ImageData>;
  /** The piece of a cut string of message `message` starting at `from` (see CutText). */
  text(message: number, from: number): Promise<TextPiece>;
  onLost(error?: unknown): void;
}

/** Fetched images kept at most. */
const KEEP_IMAGES = 16;

/** Loaded messages kept at most; those farthest from where the reader is go first. */
const KEEP_MESSAGES = 3000;

/** One session's loaded transcript. */
export class TranscriptData {
  version: string;
  session: TranscriptSession;
  /** Messages in the session (known so far, while `complete` is false). */
  total: number;
  complete: boolean;
  /** The reader's open parts. */
  readonly view: ViewState;
  /** The user's prompts, once the whole file has been read. */
  outline: OutlineEntry[] | null = null;
  /** Whether a loaded message has reasoning (the toolbar then offers to open it all). */
  hasReasoning = false;
  private readonly messages = new Map<number, TranscriptMessage>();
  private readonly listeners = new Set<() => void>();
  private revision = 0;
  private readonly loader: PageLoader | null;
  private readonly source: TranscriptSource | null;
  private center = 0;
  private readonly images = new Map<string, Promise<ImageData>>();

  /** `view`: the open parts to keep from an earlier load of the same session; `source`: where
   * missing pages come from (none: every message is in `page`). */
  constructor(
    readonly id: string,
    page: TranscriptPage,
    view?: ViewState,
    source?: TranscriptSource,
  ) {
    this.view = view ?? new ViewState();
    this.version = page.version;
    this.session = page.session;
    this.total = page.total;
    this.complete = page.complete;
    this.source = source ?? null;
    this.loader = source ? new PageLoader(this, (from, to) => source.fetch(from, to), source.onLost) : null;
    this.addPage(page);
    this.loader?.noteLoaded(page);
  }

  /** Fetches messages [from, to) without keeping them (find reads every message this way); the
   * loaded ones when nothing fetches (every message came with the first page). */
  fetchPage(from: number, to: number): Promise<TranscriptPage> {
    if (this.source) return this.source.fetch(from, to);
    const messages = this.loaded().filter((m) => m.index >= from && m.index < to);
    return Promise.resolve({
      version: this.version,
      session: this.session,
      total: this.total,
      complete: this.complete,
      messages,
    });
  }

  /** The data of an image that came without it (kept for the few last asked for). */
  fetchImage(message: number, block: number, image: number): Promise<ImageData> {
    const key = `${message}.${block}.${image}`;
    let found = this.images.get(key);
    if (!found) {
      found = this.source
        ? this.source.image(message, block, image)
        : Promise.reject(new Error('image not available'));
      this.images.set(key, found);
      found.catch(() => this.images.delete(key));
      for (const old of this.images.keys()) {
        if (this.images.size <= KEEP_IMAGES) break;
        this.images.delete(old);
      }
    }
    return found;
  }

  /** The piece of a cut string of message `message` starting at `from` (not kept: a piece is up
   * to a megabyte, and the reader pages through them). */
  fetchText(message: number, from: number): Promise<TextPiece> {
    return this.source ? this.source.text(message, from) : Promise.reject(new Error('text not available'));
  }

  /** Whether message `index` is loaded. */
  has(index: number): boolean {
    return this.messages.has(index);
  }

  /** Makes sure messages [from, to) are loaded or on their way (the reader is near them). */
  ensure(from: number, to: number): void {
    this.center = Math.floor((from + to) / 2);
    this.loader?.ensure(from, to);
  }

  /** Takes what the whole file says (the final count and facts, the prompts); false when it is of
   * another reading of the file. */
  setOutline(outline: TranscriptOutline): boolean {
    if (outline.version !== this.version) return false;
    this.session = outline.session;
    this.total = Math.max(this.total, outline.total);
    this.complete = true;
    this.outline = outline.outline;
    this.changed();
    return true;
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
    this.complete = this.complete || page.complete;
    for (const message of page.messages) this.keep(message);
    this.evict();
    this.changed();
    return true;
  }

  private keep(message: TranscriptMessage): void {
    this.messages.set(message.index, message);
    this.hasReasoning ||= message.blocks.some((b) => b.kind === 'reasoning');
  }

  // Forgets the messages farthest from the reader once too many are loaded (they are fetched
  // again when the reader comes back to them).
  private evict(): void {
    if (this.messages.size <= KEEP_MESSAGES) return;
    const far = [...this.messages.keys()].sort(
      (a, b) => Math.abs(b - this.center) - Math.abs(a - this.center),
    );
    for (const index of far.slice(0, this.messages.size - KEEP_MESSAGES)) this.messages.delete(index);
  }

  /** Takes messages pushed while the session is followed; false when they do not fit on (the
   * file was rewritten, or messages were missed): the caller opens the session afresh. */
  applyAppended(appended: SessionAppended): boolean {
    if (appended.reset || appended.from > this.total) return false;
    for (const message of appended.messages) {
      this.keep(message);
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

  /** Points the calls that `message`'s results answer at them (a result arrived after its call).
   * Pushed results come unpaired: the latest loaded call with their id and no result is theirs. */
  private linkResults(message: TranscriptMessage): void {
    message.blocks.forEach((block, index) => {
      if (block.kind !== 'tool_result') return;
      if (block.call === null && block.tool_use_id !== '')
        block.call = this.openCall(block.tool_use_id, message.index);
      if (block.call === null) return;
      const owner = this.messages.get(block.call.message);
      const call = owner?.blocks[block.call.block];
      if (!owner || call?.kind !== 'tool_call' || call.result !== null) return;
      const linked: ToolCallBlock = { ...call, result: { message: message.index, block: index } };
      const blocks = owner.blocks.slice();
      blocks[block.call.block] = linked;
      this.messages.set(owner.index, { ...owner, blocks });
    });
  }

  /** The latest loaded call with tool id `id` before message `before` that has no result. */
  private openCall(id: string, before: number): { message: number; block: number } | null {
    for (let m = before; m >= Math.max(0, before - 200); m--) {
      const blocks = this.messages.get(m)?.blocks ?? [];
      for (let b = blocks.length - 1; b >= 0; b--) {
        const block = blocks[b]!;
        if (block.kind === 'tool_call' && block.id === id && block.result === null)
          return { message: m, block: b };
      }
    }
    return null;
  }

  private changed(): void {
    this.revision++;
    for (const listener of this.listeners) listener();
  }
}
