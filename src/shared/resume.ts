// The command that continues a session in the agent that recorded it, for the transcript
// header's Copy and `sessions resume`. The folder a transcript names is hostile text: it is only
// put in front (`cd '<folder>' && ...`) when it is a plain path, single-quoted for the shell.
import { agentIdOf } from './sources';

/** How each agent resumes a session by its id; ggcode (v1.0.9 and the format it writes) has no
 * resume command. */
const RESUME: Record<string, (id: string) => string> = {
  claude: (id) => `claude --resume ${id}`,
  'claude-code': (id) => `claude --resume ${id}`,
  codex: (id) => `codex resume ${id}`,
};

/** A folder safe to quote for a POSIX shell: no control, bidi or other invisible characters. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const PLAIN_PATH = /^[^\u0000-\u001f\u007f-\u009f\p{Cf}\u2028\u2029]+$/u;

/** `text` single-quoted for a POSIX shell. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The command that resumes `session`, or null when its agent has none (ggcode). The id is one
 * the store accepted (A-Z a-z 0-9 - _), so it needs no quoting. */
export function resumeCommand(session: { id: string; source?: string; workspace?: string }): string | null {
  const make = RESUME[(session.source ?? 'ggcode').toLowerCase()];
  if (!make) return null;
  // The agent knows the session by its own id, not ours (`claude-<uuid>` is `<uuid>` to Claude Code).
  const command = make(agentIdOf(session));
  const folder = session.workspace;
  return folder && PLAIN_PATH.test(folder) ? `cd ${shellQuote(folder)} && ${command}` : command;
}

/** Why there is no command for `source`. */
export function noResumeReason(source: string | undefined): string {
  return `${source ?? 'ggcode'} sessions have no resume command`;
}
