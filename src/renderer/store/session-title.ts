// The title a session goes by in the store's messages and drags: the open transcript's, else its
// list row's, else its id.
import type { AppState } from './app-state';

/** The title of session `id` as the store knows it now. */
export function titleOf(state: Pick<AppState, 'transcript' | 'sessions'>, id: string): string {
  const open = state.transcript?.session;
  return open?.id === id ? open.title : (state.sessions.find((s) => s.id === id)?.title ?? id);
}
