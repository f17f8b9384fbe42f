// The interface every source of sessions implements. A source is one agent's way of keeping
// sessions (ggcode's store, Claude Code's projects, Codex CLI's rollouts); its adapter maps them
// into the one session model the app renders (src/shared/types.ts). See docs/sources.md.
import type { Message, Session, SessionList } from '../../shared/types';
import type { PriceTable } from './pricing/pricing';

/** What an adapter may look at to find its default folders. */
export interface SourceContext {
  env: NodeJS.ProcessEnv;
  /** The user's home folder. */
  home: string;
}

/** What every opened source is given. */
export interface OpenContext {
  /** Prices for estimated costs (sources that store tokens only). */
  prices: PriceTable;
  /** The app's cache folder, where a source may keep what it read across processes. */
  cacheDir?: string;
}

/** A source's adapter: its name and label, where its sessions are by default, how to open it. */
export interface SourceAdapter {
  /** Short lowercase name: flags (`--source claude=DIR`), settings, the `source:` filter, summaries. */
  readonly name: string;
  /** What the app shows ("Claude Code"). */
  readonly label: string;
  /** True for other agents' files: never written or deleted. */
  readonly readOnly: boolean;
  /** Where the source is read from by default, in words for `sessions --help`
   * ("$CODEX_HOME, else ~/.codex"). */
  readonly defaults: string;
  /** The shell command that continues a session in its agent, `{id}` standing for the agent's own
   * id (`claude --resume {id}`); absent when the agent has none. */
  readonly resume?: string;
  /** The app's own store (ggcode): always read, even while its folder does not exist yet. */
  readonly primary?: boolean;
  /** The folders read when none is given, from the agent's own defaults and environment
   * variables; the caller keeps those that exist. */
  defaultRoots(ctx: SourceContext): string[];
  /** The folders to read when the user names `dir` for this source (a flag or a setting): the
   * agent's own home folder, or one of its session folders. */
  rootsFor(dir: string): string[];
  /** The source over `roots` (folders that may not exist yet). */
  open(roots: readonly string[], ctx: OpenContext): SessionSource;
}

/** A change hint: a path inside a root that changed, mapped to the session it belongs to. */
export interface WatchTarget {
  /** Folder to watch; `recursive` when sessions sit in sub-folders. */
  dir: string;
  recursive: boolean;
}

/** What a live follower gets from one read of a growing session. */
export interface FollowUpdate {
  /** True when the session was rewritten: the viewer starts over from message 0. */
  reset: boolean;
  /** The first message that is new or changed (a message of another source can grow, e.g. one
   * API response written over several lines). */
  from: number;
  /** Messages from `from` on. */
  messages: Message[];
  /** The session's other fields as of this read; `messages` is empty. */
  session: Session;
  /** Messages in the session now. */
  count: number;
}

/** Follows one session as its agent appends to it. Reads never overlap (the caller serializes). */
export interface SessionFollower {
  /** Reads what changed since the last call (the first call reads everything: from = 0). Throws
   * ENOENT when the session is gone. */
  read(): Promise<FollowUpdate>;
}

/** A source opened over its folders. */
export interface SessionSource {
  readonly adapter: SourceAdapter;
  readonly roots: readonly string[];
  /** True when `id` names a session of this source (by its form; it may not exist). */
  owns(id: string): boolean;
  /** Every session, in no particular order, from a cheap read of each file, and how many
   * entries named like sessions could not be read (not regular files, no permission). */
  list(): Promise<SessionList>;
  /** One session, whole. Throws SessionNotFoundError. */
  load(id: string): Promise<Session>;
  /** The files a session is read from (its own first), or null when it does not exist: what a
   * change check (search index, list cache) looks at. */
  files(id: string): Promise<string[] | null>;
  /** A follower of session `id`. Absent for ggcode, whose store has live machinery of its own
   * (src/core/live); every other source has one. */
  follow?(id: string): SessionFollower;
  /** The folders to watch for changes. */
  watchTargets(): WatchTarget[];
  /** The session a changed path (absolute) belongs to, or null. */
  sessionOfPath(path: string): string | null;
  /** Deletes a session (writable sources only); false when there was nothing to delete. */
  delete?(id: string): Promise<boolean>;
}
