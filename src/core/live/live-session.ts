// Follows one session file for a viewer that already shows it: each read turns the lines added
// since the last one into SESSION_APPENDED_EVENT payloads (a torn last line waits until it is
// complete; a rewritten file starts over with `reset`).
import type { SessionAppended } from '../../shared/contract';
import { SessionTail, type TailUpdate } from '../tail';
import { wireMessage } from '../transcript/wire-message';

// Gone, or replaced by something that is not read (a FIFO, a folder): nothing to show.
function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTREG';
}

/** One followed session. Reads must not overlap (LiveStore runs them one at a time). */
export class LiveSession {
  private readonly tail: SessionTail;
  /** Where the tail stood after the last read that was reported; -1 before any. */
  private offset = -1;

  constructor(
    path: string,
    private readonly id: string,
  ) {
    this.tail = new SessionTail(path, id);
  }

  /** Messages read so far (the next message's index). */
  count(): number {
    return this.tail.state().count;
  }

  /** Reads the file as it is now. The viewer has these messages already, so nothing is sent for
   * them, except those from message `known` on when the viewer says it has only `known` (an
   * event stream resuming after a dropped connection). A missing file is read once it appears. */
  async start(known?: number): Promise<SessionAppended | null> {
    const update = await this.readTail();
    if (update === null) return null;
    const { offset, count } = this.tail.state();
    this.offset = offset;
    if (known === undefined || known === count) return null;
    // Fewer messages than the viewer has: the file was rewritten while it was away.
    return known < count ? this.payload(update, known) : this.payload({ ...update, reset: true }, 0);
  }

  /** What was added since the last read, or null when nothing was (or only a torn line). */
  async read(): Promise<SessionAppended | null> {
    const update = await this.readTail();
    if (update === null) return null;
    const { offset, count } = this.tail.state();
    if (!update.reset && offset === this.offset) return null;
    this.offset = offset;
    return this.payload(update, count - update.messages.length);
  }

  private async readTail(): Promise<TailUpdate | null> {
    try {
      return await this.tail.read();
    } catch (error) {
      if (isMissing(error)) return null; // deleted: the directory watcher reports it
      throw error;
    }
  }

  // The messages of `update` from index `from` on, with the session's header fields.
  private payload(update: TailUpdate, from: number): SessionAppended {
    const { messages: _none, ...header } = update.session;
    return {
      id: this.id,
      reset: update.reset,
      from,
      messages: update.messages.filter((m) => m.index >= from).map((m) => wireMessage(m.message, m.index)),
      session: { ...header, msg_count: this.tail.state().count },
    };
  }
}
