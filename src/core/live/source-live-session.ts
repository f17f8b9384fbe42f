// Follows one session of another source for a viewer that shows it, as LiveSession does for
// ggcode: each read becomes a SESSION_APPENDED_EVENT payload. A message of these sources can
// grow after it was sent (one API response over several lines), so a payload may start before
// the viewer's last message: the viewer keeps messages by index, and takes the grown one's place.
import type { SessionAppended } from '../../shared/contract';
import type { FollowUpdate, SessionFollower } from '../sources/source';
import { pairAll } from '../../shared/tool-pairing';
import type { TranscriptMessage } from '../../shared/transcript';
import { transcriptSession } from '../transcript/full-page';
import { wireMessage } from '../transcript/wire-message';

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTREG';
}

/** One followed session of a source other than ggcode. Reads must not overlap. */
export class SourceLiveSession {
  private messages = 0;
  /** What the viewer last heard of the session's header, to send a change of it alone. */
  private header = '';

  constructor(
    private readonly follower: SessionFollower,
    private readonly id: string,
  ) {}

  /** Messages read so far. */
  count(): number {
    return this.messages;
  }

  /** Reads the session as it is now. The viewer has its first `known` messages (or all, when
   * `known` is absent); the last of them may have grown since it loaded, so it is sent again. */
  async start(known?: number): Promise<SessionAppended | null> {
    const update = await this.readFollower();
    if (update === null) return null;
    this.messages = update.count;
    this.header = headerKey(update);
    if (known === undefined) return null;
    if (known > update.count) return this.payload({ ...update, reset: true }, 0);
    const from = Math.max(0, known - 1);
    return from === update.count ? null : this.payload(update, from);
  }

  /** What changed since the last read, or null when nothing did. */
  async read(): Promise<SessionAppended | null> {
    const update = await this.readFollower();
    if (update === null) return null;
    this.messages = update.count;
    const header = headerKey(update);
    if (!update.reset && update.messages.length === 0 && header === this.header) return null;
    this.header = header;
    return this.payload(update, update.reset ? 0 : update.from);
  }

  private async readFollower(): Promise<FollowUpdate | null> {
    try {
      return await this.follower.read();
    } catch (error) {
      if (isMissing(error)) return null; // gone: the watcher reports it
      throw error;
    }
  }

  private payload(update: FollowUpdate, from: number): SessionAppended {
    const { messages: _none, ...header } = update.session;
    const first = from - update.from;
    const sent = first >= 0 ? update.messages.slice(first) : update.messages;
    const messages: TranscriptMessage[] = sent.map((m, i) => wireMessage(m, from + i));
    // Calls and results paired among what is sent (the viewer pairs the rest with what it has).
    pairAll(messages);
    return {
      id: this.id,
      reset: update.reset,
      from,
      messages,
      session: transcriptSession(header, update.count, sent),
    };
  }
}

function headerKey(u: FollowUpdate): string {
  const s = u.session;
  return JSON.stringify([s.title, s.updated_at, s.model, s.cost?.total_cost_usd, s.git_branch, u.count]);
}
