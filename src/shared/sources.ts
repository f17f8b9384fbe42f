// What every process knows about a session's source: its name (summaries of ggcode's sessions
// carry none), the label to show, and whether it may be deleted.
import type { SourceInfo } from './contract';

/** The name of ggcode's source, which its summaries leave out. */
export const GGCODE = 'ggcode';

/** A session's source name. */
export function sourceOf(session: { source?: string }): string {
  return session.source ?? GGCODE;
}

/** The label to show for source `name`: the one the store gave, else the name itself. */
export function sourceLabel(name: string, sources: readonly SourceInfo[] | undefined): string {
  return sources?.find((s) => s.name === name)?.label ?? name;
}

/** True for a session of another agent's source: the app never deletes it. */
export function isReadOnly(session: { read_only?: boolean } | null | undefined): boolean {
  return session?.read_only === true;
}

/** The id the agent itself gives session `session` (our ids are `<source>-<the agent's id>`). */
export function agentIdOf(session: { id: string; source?: string }): string {
  const prefix = session.source === undefined ? '' : `${session.source}-`;
  return prefix !== '' && session.id.startsWith(prefix) ? session.id.slice(prefix.length) : session.id;
}
