// Where Claude Code keeps sessions: `<root>/<encoded project folder>/<session uuid>.jsonl`, with
// subagent threads in `<session uuid>/subagents/agent-<id>.jsonl` (older versions: `agent-<id>.jsonl`
// beside the sessions, naming their session inside). A root is a `projects` folder.
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isValidId } from '../../../shared/ids';
import type { SourceContext } from '../source';

/** The prefix of Claude Code session ids in the app (`claude-<uuid>`). */
export const ID_PREFIX = 'claude-';

/** `projects` of each folder in CLAUDE_CONFIG_DIR (comma-separated), else of ~/.claude and
 * ~/.config/claude. */
export function defaultClaudeRoots({ env, home }: SourceContext): string[] {
  const configured = (env.CLAUDE_CONFIG_DIR ?? '')
    .split(',')
    .map((d) => d.trim())
    .filter(Boolean);
  const dirs = configured.length ? configured : [join(home, '.claude'), join(home, '.config', 'claude')];
  return dirs.map((d) => join(d, 'projects'));
}

/** The roots for a folder the user named: its `projects` folder (a CLAUDE_CONFIG_DIR-like
 * folder), else the folder itself (a projects folder). */
export function claudeRootsFor(dir: string): string[] {
  const projects = join(dir, 'projects');
  return statSync(projects, { throwIfNoEntry: false })?.isDirectory() ? [projects] : [dir];
}

/** One session's files. */
export interface ClaudeSessionFiles {
  id: string;
  /** The session's own transcript. */
  path: string;
  /** Its project folder (where old-style agent files sit). */
  project: string;
  /** The `<uuid>` folder beside it, when there is one (it may hold `subagents/`). */
  folder: string | null;
}

/** One project folder's sessions, and its old-style agent files. */
export interface ClaudeProject {
  dir: string;
  sessions: ClaudeSessionFiles[];
  agentFiles: string[];
  /** Entries named like sessions that are not files (folders, FIFOs, sockets, devices). */
  unreadable: number;
}

const UUID_NAME = /^([A-Za-z0-9][A-Za-z0-9_-]*)\.jsonl$/;

/** The app id of a session file name, or null when the name is not a session's. */
export function idOfFileName(name: string): string | null {
  if (name.startsWith('agent-')) return null;
  const base = UUID_NAME.exec(name)?.[1];
  const id = base === undefined ? null : ID_PREFIX + base;
  return id !== null && isValidId(id) ? id : null;
}

async function entries(dir: string): Promise<Dirent[]> {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch {
    return []; // missing, not a folder, or unreadable: nothing there
  }
}

const isFileLike = (e: Dirent) => e.isFile() || e.isSymbolicLink();
const isDirLike = (e: Dirent) => e.isDirectory() || e.isSymbolicLink();

/** Reads one project folder. */
export async function readProject(dir: string): Promise<ClaudeProject> {
  const list = await entries(dir);
  const folders = new Set(list.filter(isDirLike).map((e) => e.name));
  const project: ClaudeProject = { dir, sessions: [], agentFiles: [], unreadable: 0 };
  for (const e of list) {
    if (!e.name.endsWith('.jsonl')) continue;
    if (!isFileLike(e)) {
      if (idOfFileName(e.name) !== null) project.unreadable++;
      continue;
    }
    if (e.name.startsWith('agent-')) {
      project.agentFiles.push(join(dir, e.name));
      continue;
    }
    const id = idOfFileName(e.name);
    if (id === null) continue;
    const uuid = id.slice(ID_PREFIX.length);
    project.sessions.push({
      id,
      path: join(dir, e.name),
      project: dir,
      folder: folders.has(uuid) ? join(dir, uuid) : null,
    });
  }
  return project;
}

/** Every project folder of every root (a session found under two roots is kept once: the first). */
export async function readRoots(roots: readonly string[]): Promise<ClaudeProject[]> {
  const projects: ClaudeProject[] = [];
  const seen = new Set<string>();
  for (const root of roots) {
    const dirs = (await entries(root)).filter(isDirLike).map((e) => join(root, e.name));
    for (const project of await Promise.all(dirs.map(readProject))) {
      project.sessions = project.sessions.filter((s) => !seen.has(s.id) && seen.add(s.id));
      projects.push(project);
    }
  }
  return projects;
}

/** A session's subagent files in its `<uuid>/subagents` folder (internal compaction agents left
 * out), keyed by agent id. */
export async function subagentFiles(folder: string | null): Promise<Map<string, string>> {
  if (folder === null) return new Map();
  const dir = join(folder, 'subagents');
  return agentsIn(dir, await entries(dir));
}

/** subagentFiles with a blocking read of the folder (for the scan threads). */
export function subagentFilesSync(folder: string | null): Map<string, string> {
  if (folder === null) return new Map();
  const dir = join(folder, 'subagents');
  let list: Dirent[];
  try {
    list = readdirSync(dir, { withFileTypes: true });
  } catch {
    list = []; // as entries(): nothing there
  }
  return agentsIn(dir, list);
}

function agentsIn(dir: string, list: Dirent[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of list) {
    const m = /^agent-(.+)\.jsonl$/.exec(e.name);
    if (!m || !isFileLike(e) || m[1]!.startsWith('acompact')) continue;
    out.set(m[1]!, join(dir, e.name));
  }
  return out;
}

/** The agent id of an old-style `agent-<id>.jsonl` path. */
export function agentIdOfPath(path: string): string {
  return /agent-([^/\\]+)\.jsonl$/.exec(path)?.[1] ?? path;
}
