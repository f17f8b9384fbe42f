// The session list, started as soon as the page itself is requested: the page asks for it first
// thing, but only once its script has loaded (~100 ms later, longer on a busy machine), and for a
// large folder the list is what the first paint waits on. The page's first list call takes that
// answer; a change seen in the folder meanwhile, or a wait longer than KEEP_MS, drops it, so an
// answer is never older than what a call made at that moment would read.
import type { LiveStore } from '../core/live/live-store';
import type { SessionList } from '../shared/types';
import type { Handlers } from '../shared/dispatch';

/** How long a list started for a page waits to be taken. */
export const KEEP_MS = 5_000;

/** `handlers` with a `sessions:list` that takes the answer `startList()` began, if it is still
 * fresh; `startList` is called when the page is served. */
export function withEarlyList(
  handlers: Handlers,
  live: Pick<LiveStore, 'onSessionsChanged'>,
): { handlers: Handlers; startList(): void; close(): void } {
  const list = handlers['sessions:list'];
  let early: Promise<SessionList> | null = null;
  let timer: NodeJS.Timeout | undefined;
  const drop = () => {
    clearTimeout(timer);
    early = null;
  };
  const stopWatching = live.onSessionsChanged(drop);
  return {
    startList() {
      drop();
      const answer = list({});
      answer.catch(() => undefined); // a failure is the taking call's to report
      early = answer;
      timer = setTimeout(drop, KEEP_MS);
      timer.unref();
    },
    handlers: {
      ...handlers,
      'sessions:list': (request) => {
        const answer = early;
        drop();
        return answer ?? list(request);
      },
    },
    close() {
      drop();
      stopWatching();
    },
  };
}
