// A loaded session as one page holding every message, for the transcript pane.
import { pairAll } from '../../shared/tool-pairing';
import type { TranscriptCheckpoint, TranscriptPage, TranscriptSession } from '../../shared/transcript';
import type { Checkpoint, Message, Session } from '../../shared/types';
import { wireMessage } from './wire-message';

/** The checkpoints, each with the index of the message holding its summary when it names one. */
export function withSummaryIndex(
  checkpoints: readonly Checkpoint[],
  indexOfId: (id: string) => number | undefined,
): TranscriptCheckpoint[] {
  return checkpoints.map((checkpoint) => {
    const at = checkpoint.summary_msg_id === undefined ? undefined : indexOfId(checkpoint.summary_msg_id);
    return at === undefined ? checkpoint : { ...checkpoint, summary_index: at };
  });
}

/** The session's facts as the viewer gets them, for `count` messages. */
export function transcriptSession(
  session: Omit<Session, 'messages'>,
  count: number,
  messages: readonly Message[],
): TranscriptSession {
  const ids = new Map<string, number>();
  messages.forEach((m, i) => m.id !== undefined && ids.set(m.id, i));
  return {
    ...session,
    msg_count: count,
    checkpoints: withSummaryIndex(session.checkpoints, (id) => ids.get(id)),
  };
}

/** Every message of `session` in one complete page, calls paired with their results. */
export function fullPage(session: Session): TranscriptPage {
  const { messages, ...rest } = session;
  const wire = messages.map(wireMessage);
  pairAll(wire);
  return {
    version: 'full',
    session: transcriptSession(rest, messages.length, messages),
    total: messages.length,
    complete: true,
    messages: wire,
  };
}
