// The open session's list row follows its loaded transcript: index.json can lag behind a file
// that grows, but the transcript on screen was read from the file itself.
import { applyListView } from '../model/list-view';
import type { AppState } from './app-state';

/** The list patched so the open session's row counts the messages its transcript has; null when
 * nothing needs to change. */
export function syncOpenRow(state: AppState, now: Date): Pick<AppState, 'sessions' | 'visible'> | null {
  const transcript = state.transcript;
  if (!transcript || transcript.id !== state.selectedId) return null;
  const row = state.sessions.find((s) => s.id === transcript.id);
  if (!row || row.msg_count === transcript.total) return null;
  const sessions = state.sessions.map((s) =>
    s.id === transcript.id ? { ...s, msg_count: transcript.total } : s,
  );
  return { sessions, visible: applyListView(sessions, state.view, now, state.annotations) };
}
