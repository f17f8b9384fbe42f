// How the open session's transcript, its live follow and the list's change notices coordinate,
// as one reducer: every open, reload, close and follow is an event, and the answers that arrive
// later are judged against the state it left (only the newest request's answer may land). The
// store's session, live and list slices keep this state in `openSession` and change it only
// through `nextOpenSession`; the timers they run are its effects.

/** The coordination state of the open session. */
export interface OpenSession {
  /** Grows with every open, reload and close: an answer to an older one is dropped. */
  request: number;
  /** The session picked with the keyboard that opens once its short delay ends; null: none. */
  waiting: string | null;
  /** Grows with every follow request: an older follow's answer is dropped. */
  followRequest: number;
  /** The session a follow is being set up for (its answer has not come); null: none. */
  settingUp: string | null;
  /** Appends applied to the open transcript so far: a list change they explain needs no reload. */
  appends: number;
}

/** What happens to the open session. */
export type OpenEvent =
  /** A transcript is asked for (an open or a reload), or the open one is closed: answers to
   * earlier requests are dropped from now on. */
  | { type: 'request' }
  /** Session `id` is picked; `delayed` when it opens only once the keyboard's delay ends. */
  | { type: 'pick'; id: string; delayed: boolean }
  /** The waiting session's delay ended (or it was opened at once with Enter). */
  | { type: 'waited' }
  /** A follow of `id` (null: none) is asked for. */
  | { type: 'follow'; id: string | null }
  /** The newest follow request was answered. */
  | { type: 'followed' }
  /** Messages pushed for the open session were applied. */
  | { type: 'appended' };

/** Nothing open, nothing asked yet. */
export const NO_OPEN_SESSION: OpenSession = {
  request: 0,
  waiting: null,
  followRequest: 0,
  settingUp: null,
  appends: 0,
};

/** The state after `event`. */
export function nextOpenSession(state: OpenSession, event: OpenEvent): OpenSession {
  switch (event.type) {
    case 'request':
      return { ...state, request: state.request + 1 };
    case 'pick':
      return { ...state, request: state.request + 1, waiting: event.delayed ? event.id : null };
    case 'waited':
      return { ...state, waiting: null };
    case 'follow':
      return { ...state, followRequest: state.followRequest + 1, settingUp: event.id };
    case 'followed':
      return { ...state, settingUp: null };
    case 'appended':
      return { ...state, appends: state.appends + 1 };
  }
}

/** What the open session's view says when the list saw its file change. */
export interface ChangeSeen {
  selectedId: string | null;
  /** Whether its transcript is on screen. */
  ready: boolean;
  /** The session the backend confirmed following. */
  followingId: string | null;
  /** `appends` when the list load that saw the change began. */
  mark: number;
}

/** What to do about a change the list saw in the open session: `nothing` (none is open, a follow
 * being set up will send it, or appends since `mark` explain it), `reload` now (it is not
 * followed), or `grace`: reload unless an append comes within the grace time (it is followed and
 * no append arrived since the list load began). */
export function onChangeSeen(state: OpenSession, seen: ChangeSeen): 'nothing' | 'reload' | 'grace' {
  if (seen.selectedId === null || !seen.ready) return 'nothing';
  if (seen.followingId !== seen.selectedId) return state.settingUp === seen.selectedId ? 'nothing' : 'reload';
  return state.appends === seen.mark ? 'grace' : 'nothing';
}
