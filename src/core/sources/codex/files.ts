// Where Codex CLI keeps sessions: `${CODEX_HOME:-~/.codex}/sessions/YYYY/MM/DD/rollout-<time>-<uuid>.jsonl`,
// and `archived_sessions/` (flat). A root is one of those two folders.
import { statSync, type Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isValidId } from '../../../shared/ids';
import type { SourceContext } from '../source';

/** The prefix of Codex session ids in the app (`codex-<uuid>`). */
export const ID_PREFIX = 'codex-';

/** `sessions` and `archived_sessions` of CODEX_HOME, else of ~/.codex. */
export function defaultCodexRoots({ env, home }: SourceContext): string[] {
  const base = env.CODEX_HOME || join(home, '.codex');
  return [join(base, 'sessions'), join(base, 'archived_sessions')];
}

/** The roots for a folder the user named: its `sessions` and `archived_sessions` (a
 * CODEX_HOME-like folder), else the folder itself (a sessions folder). */
export function codexRootsFor(dir: string): string[] {
  const sessions = join(dir, 'sessions');
  return statSync(sessions, { throwIfNoEntry: false })?.isDirectory()
    ? [sessions, join(dir, 'archived_sessions')]
    : [dir];
}

const ROLLOUT =
  /^rollout-.*?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\.jsonl$/;

/** The app id of a rollout file name, or null when the name is not a rollout's. */
export function idOfFileName(name: string): string | null {
  const uuid = ROLLOUT.exec(name)?.[1];
  const id = uuid === undefined ? null : ID_PREFIX + uuid.toLowerCase();
  return id !== null && isValidId(id) ? id : null;
}

/** Folders below a root that are walked for rollouts (YYYY/MM/DD). */
const DEPTH = 3;

async function entries(dir: string): Promise<Dirent[]> {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch {
    return []; // missing, not a folder, or unreadable: nothing there
  }
}

/** Every rollout under `roots`, by id (the first found wins), and how many entries named like
 * rollouts are not files (folders, FIFOs, sockets, devices). */
export async function findRollouts(
  roots: readonly string[],
): Promise<{ found: Map<string, string>; unreadable: number }> {
  const found = new Map<string, string>();
  let unreadable = 0;
  const walk = async (dir: string, depth: number): Promise<void> => {
    const list = await entries(dir);
    const dirs: string[] = [];
    for (const e of list) {
      if (e.isFile() || (e.isSymbolicLink() && e.name.endsWith('.jsonl'))) {
        const id = idOfFileName(e.name);
        if (id !== null && !found.has(id)) found.set(id, join(dir, e.name));
      } else if (depth < DEPTH && (e.isDirectory() || e.isSymbolicLink())) dirs.push(join(dir, e.name));
      else if (idOfFileName(e.name) !== null) unreadable++;
    }
    for (const d of dirs.sort()) await walk(d, depth + 1);
  };
  for (const root of roots) await walk(root, 0);
  return { found, unreadable };
}
