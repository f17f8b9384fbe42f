// Progress reports thinned out for the app: an index build looks at hundreds of files a second,
// and each report travels to the window (IPC or an event stream) and redraws its progress bar.
import type { IndexProgress } from '../../shared/types';

/** Reports spaced by at least this many ms; a change of state goes at once. */
export const PROGRESS_EVERY_MS = 100;

/** Calls `send` with `progress` reports, at most one per PROGRESS_EVERY_MS; a report held back
 * is sent when its turn comes (so the last one always arrives), and a change of state (ready,
 * error) goes at once. */
export function throttledProgress(send: (p: IndexProgress) => void): (p: IndexProgress) => void {
  let sentAt = -Infinity;
  let sentState: IndexProgress['state'] | null = null;
  let held: IndexProgress | null = null;
  let timer: NodeJS.Timeout | null = null;
  const flush = (p: IndexProgress): void => {
    if (timer) clearTimeout(timer);
    timer = null;
    held = null;
    sentAt = performance.now();
    sentState = p.state;
    send(p);
  };
  return (p) => {
    const wait = sentAt + PROGRESS_EVERY_MS - performance.now();
    if (p.state !== sentState || wait <= 0) return flush(p);
    held = p;
    timer ??= setTimeout(() => held && flush(held), wait);
  };
}
