// Keeps a growing transcript readable. Messages are only ever added below, so the reader's place
// never moves by itself; a reader at the bottom follows the new messages down, and one reading
// further up is told how many arrived ("N new messages") instead of being pulled away.

/** Within this many px of the bottom counts as "at the bottom". */
const BOTTOM_SLACK = 48;

/** Where messages arrived that the reader has not scrolled down to yet. */
export interface Unseen {
  /** The first of them, by message index. */
  first: number;
  count: number;
}

function distanceToBottom(body: HTMLElement): number {
  return body.scrollHeight - body.scrollTop - body.clientHeight;
}

/** Follows one transcript's scroll box. The view calls it; the "new messages" pill reads it. */
export class TailFollower {
  /** True from an append that found the reader at the bottom until the reader scrolls away:
   * new content keeps them there. A jump that lands near the end does not make it true. */
  private following = false;
  private unseen: Unseen | null = null;
  /** The scrollTop this follower set last, so its own scrolling is not taken for the reader's. */
  private setTop: number | null = null;
  private readonly listeners = new Set<() => void>();

  /** The unseen messages, or null (for useSyncExternalStore). */
  readonly snapshot = (): Unseen | null => this.unseen;

  /** Subscribes to changes of the snapshot (for useSyncExternalStore). */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Messages `first` to `first + count - 1` were just added below the content, which ended at
   * `oldEnd` px; `body` has not been scrolled since: whether the reader saw that end decides. */
  appended(body: HTMLElement, first: number, count: number, oldEnd: number): void {
    if (count <= 0) return;
    if (this.following || body.scrollTop + body.clientHeight >= oldEnd - BOTTOM_SLACK) {
      this.following = true;
      this.toBottom(body);
      return;
    }
    this.update({ first: this.unseen?.first ?? first, count: (this.unseen?.count ?? 0) + count });
  }

  /** Messages were drawn or expanded (heights changed): a following reader stays at the bottom. */
  contentChanged(body: HTMLElement): void {
    if (this.following && distanceToBottom(body) > 0) this.toBottom(body);
  }

  /** `body` scrolled. Leaving the bottom stops following; reaching it means the new messages
   * have been seen. */
  scrolled(body: HTMLElement): void {
    if (this.setTop !== null && Math.abs(body.scrollTop - this.setTop) < 1) return;
    this.setTop = null;
    const atBottom = distanceToBottom(body) <= BOTTOM_SLACK;
    if (!atBottom) this.following = false;
    else this.update(null);
  }

  /** The pill was clicked: hands the first unseen message to `scrollTo`. */
  showUnseen(scrollTo: (first: number) => void): void {
    if (this.unseen) scrollTo(this.unseen.first);
    this.update(null);
  }

  private toBottom(body: HTMLElement): void {
    body.scrollTop = body.scrollHeight;
    this.setTop = body.scrollTop;
  }

  private update(unseen: Unseen | null): void {
    if (unseen === this.unseen) return;
    this.unseen = unseen;
    for (const listener of this.listeners) listener();
  }
}
