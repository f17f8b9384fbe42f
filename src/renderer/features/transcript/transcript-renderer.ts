// The render state of one open transcript: which messages have their HTML yet, who is waiting for
// it, and the scheduler that produces it slice by slice.
import type { TranscriptMessage } from '../../../shared/types';
import { cacheHtml, cachedHtml } from './html-cache';
import { RenderScheduler } from './render-scheduler';
import { renderMessageBody } from './render-message';

/** Renders a transcript's messages progressively and tells each message view when it is ready. */
export class TranscriptRenderer {
  private readonly html: (string | null)[];
  private readonly listeners = new Map<number, () => void>();
  private readonly progressListeners = new Set<() => void>();
  private readonly scheduler: RenderScheduler;

  constructor(private readonly messages: readonly TranscriptMessage[]) {
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
