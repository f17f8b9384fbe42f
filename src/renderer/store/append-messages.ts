// Fitting pushed messages onto the transcript on screen. Appends are numbered (`from`), so one
// that overlaps what the page already has is trimmed, and one that leaves a gap is refused; one
// that says `replace` (another source's message grew) stands in for the page's from `from` on.
import type { SessionAppended } from '../../shared/contract';
import type { Transcript } from '../../shared/types';

/** The transcript with `appended` added, or null when it does not fit on (a rewrite, or a gap
 * after missed messages): the caller then loads the session afresh. */
export function appendMessages(transcript: Transcript, appended: SessionAppended): Transcript | null {
  const have = transcript.messages.length;
  if (appended.reset || appended.from > have) return null;
  const fresh = appended.replace ? appended.messages : appended.messages.slice(have - appended.from);
  const kept = appended.replace ? transcript.messages.slice(0, appended.from) : transcript.messages;
  const messages = fresh.length === 0 && !appended.replace ? kept : [...kept, ...fresh];
  // The header facts are the file's as of this read; the count is what the page shows.
  return { ...transcript, session: { ...appended.session, msg_count: messages.length }, messages };
}
