// The command that continues a session in the agent that recorded it, for the transcript
// header's Copy and `sessions resume`. The folder a transcript names is hostile text: it is only
// put in front (`cd '<folder>' && ...`) when it is a plain path, single-quoted for the shell.
import type { SourceInfo } from './contract';
import { agentIdOf, sourceOf } from './sources';

/** A folder safe to quote for a POSIX shell: no control, bidi or other invisible characters. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const PLAIN_PATH = /^[^\u0000-\u001f\u007f-\u009f\p{Cf}\u2028\u2029]+$/u;

/** `text` single-quoted for a POSIX shell. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The command that resumes `session`, from its source's `resume` form (each adapter states its
 * agent's), or null when its agent has none (ggcode v1.0.9 has no resume command). The id is one
 * the store accepted (A-Z a-z 0-9 - _), so it needs no quoting. */
export function resumeCommand(
  session: { id: string; source?: string; workspace?: string },
  sources: readonly SourceInfo[] | undefined,
): string | null {
  const form = sources?.find((s) => s.name === sourceOf(session))?.resume;
  if (form === undefined) return null;
  // The agent knows the session by its own id, not ours (`claude-<uuid>` is `<uuid>` to Claude Code).
  const command = form.replaceAll('{id}', agentIdOf(session));
  const folder = session.workspace;
  return folder && PLAIN_PATH.test(folder) ? `cd ${shellQuote(folder)} && ${command}` : command;
}

/** Why there is no command for `source`. */
export function noResumeReason(source: string | undefined): string {
  return `${source ?? 'ggcode'} sessions have no resume command`;
}
