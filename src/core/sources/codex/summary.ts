// A Codex session's list row, from a session read (whole, or by the list's scan).
import type { Session, SessionSummary } from '../../../shared/types';

/** The row of `session`, which has `count` messages and whose file has `size` bytes. */
export function summaryOf(session: Session, count: number, size: number): SessionSummary {
  const summary: SessionSummary = {
    id: session.id,
    title: session.title,
    created_at: session.created_at,
    updated_at: session.updated_at,
    msg_count: count,
    vendor: session.vendor,
    endpoint: '',
    model: session.model,
    size,
    source: 'codex',
    read_only: true,
    models: session.models ?? [],
  };
  if (session.workspace !== undefined) summary.workspace = session.workspace;
  if (session.git_branch !== undefined) summary.git_branch = session.git_branch;
  if (session.parent_id !== undefined) summary.parent_id = session.parent_id;
  if (session.cost) summary.cost = session.cost;
  return summary;
}
