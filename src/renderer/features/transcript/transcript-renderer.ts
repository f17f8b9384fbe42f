// The render state of one open transcript: which messages have their HTML yet, who is waiting for
// it, and the scheduler that produces it slice by slice.
import type { TranscriptMessage } from '../../../shared/types';
import { cacheHtml, cachedHtml } from './html-cache';
import { RenderScheduler } from './render-scheduler';
import { renderMessageBody } from './render-message';

/** True when `next` is `shown` with messages added at the end. Appends keep the message objects,
 * so this is mostly identity checks; a reload compares the text. */
export function continues(shown: readonly TranscriptMessage[], next: readonly TranscriptMessage[]): boolean {
  if (next.length < shown.length) return false;
  return shown.every((message, i) => next[i] === message || next[i]!.markdown === message.markdown);
}

/** Renders a transcript's messages progressively and tells each message view when it is ready. */
export class TranscriptRenderer {
  private readonly messages: TranscriptMessage[];
  private readonly html: (string | null)[];
  private readonly listeners = new Map<number, () => void>();
  private readonly progressListeners = new Set<() => void>();
  private readonly scheduler: RenderScheduler;

  constructor(messages: readonly TranscriptMessage[]) {
    this.messages = [...messages];
    this.html = messages.map((m) => cachedHtml(m.markdown) ?? null);
    this.scheduler = new RenderScheduler({
      total: messages.length,
      isDone: (index) => this.html[index] !== null,
      render: (index) => {
        const markdown = this.messages[index]!.markdown;
        const html = renderMessageBody(markdown);
        cacheHtml(markdown, html);
        this.html[index] = html;
      },
      onRendered: (indices) => {
        for (const index of indices) this.listeners.get(index)?.();
        for (const listener of this.progressListeners) listener();
      },
    });
  }

  /** Takes on the messages `messages` adds after the ones this renderer has; false when it is not
   * a continuation of them (the caller then needs a new renderer). Calling it again is harmless. */
  extendTo(messages: readonly TranscriptMessage[]): boolean {
    if (!continues(this.messages, messages)) return false;
    for (const message of messages.slice(this.messages.length)) {
      this.messages.push(message);
      this.html.push(cachedHtml(message.markdown) ?? null);
    }
    this.scheduler.grow(this.messages.length);
    return true;
  }

  /** Message `index`'s HTML, or null while it waits its turn. */
  htmlFor(index: number): string | null {
    return this.html[index] ?? null;
  }

  /** Calls `listener` when message `index` has been rendered (one view per message). */
  subscribe(index: number, listener: () => void): () => void {
    this.listeners.set(index, listener);
    return () => {
      if (this.listeners.get(index) === listener) this.listeners.delete(index);
    };
  }

  /** Calls `listener` after every slice of newly rendered messages. */
  onProgress(listener: () => void): () => void {
    this.progressListeners.add(listener);
    return () => this.progressListeners.delete(listener);
  }

  /** Message `index` is near the viewport: render it next. */
  prioritize(index: number): void {
    this.scheduler.prioritize(index);
  }

  /** Starts (or resumes) rendering in the background. */
  start(): void {
    this.scheduler.start();
  }

  /** Stops rendering (the view unmounted). */
  stop(): void {
    this.scheduler.stop();
  }
}
