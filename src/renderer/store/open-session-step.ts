// The store's one way to change `openSession`: the reducer of model/open-session.ts applied to
// the state as it stands, for the session and live slices alike.
import { nextOpenSession, type OpenEvent, type OpenSession } from '../model/open-session';
import type { AppState } from './app-state';

/** Applies `event` to the store's open-session state; returns the state it leaves. */
export function stepOpenSession(
  get: () => AppState,
  set: (partial: Pick<AppState, 'openSession'>) => void,
  event: OpenEvent,
): OpenSession {
  const next = nextOpenSession(get().openSession, event);
  set({ openSession: next });
  return next;
}
