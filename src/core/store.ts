// JsonlStore: the TypeScript port of ggcode's session store, API and on-disk format compatible
// in both directions. Reads never write; writes are atomic and locked against other processes.
import type { Dirent } from 'node:fs';
import { mkdir, open, readdir, unlink } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Message, Session, SessionSummary } from '../shared/types';
import { createFileExclusive, syncDir, writeFileAtomic } from './atomic';
import { SessionInUseError, SessionNotFoundError } from './errors';
import { nowGoTime, parseGoTime } from './gotime';
import { assertValidId, isValidId, newId } from './ids';
import { INDEX_FILE, readIndex, writeIndex, type IndexEntry } from './index-file';
import { emptySession, loadSessionFile } from './load';
import { SummaryCache } from './live/summary-cache';
import { checkLockFile, livePidOf, withLock } from './lock';
import { exportHeader, messageMarkdown } from './markdown';
import { mapLimit } from './pool';
import { costLine, messageLine, metaLine } from './serialize';
import { scanWithStats, tailCost } from './scan';
import { titleFromMessages } from './title';

/** `<home>/.ggcode/sessions`, where ggcode keeps its sessions. */
export function defaultDir(): string {
  return join(homedir(), '.ggcode', 'sessions');
}

/** A new, unsaved session with a ULID id, titled "New session", created and updated now. */
export function newSession(vendor: string, endpoint: string, model: string): Session {
  const now = nowGoTime();
  return {
    ...emptySession(newId()),
    title: 'New session',
    vendor,
    endpoint,
    model,
    created_at: now,
    updated_at: now,
  };
}

/** Opens a store at `dir`, creating the directory (mode 0700) if needed, as NewJSONLStore does. */
export async function newJsonlStore(dir: string): Promise<JsonlStore> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  return new JsonlStore(dir);
}

/** Opens a store at the default directory, creating it if needed. */
export function newDefaultStore(): Promise<JsonlStore> {
  return newJsonlStore(defaultDir());
}

/** A session file's name; the capture is the (still unchecked) id. */
export const SESSION_FILE = /^(.+)\.jsonl$/;
/** The lock file ggcode holds while a session runs: `<id>.lock` with the agent's PID. */
export const LOCK_FILE = /^(.+)\.lock$/;
const SCAN_CONCURRENCY = 8;

function summaryFromEntry(e: IndexEntry, size: number): SessionSummary {
  const s: SessionSummary = {
    id: e.id,
    title: e.title,
    created_at: e.created_at,
    updated_at: e.updated_at,
    msg_count: e.msg_count,
    vendor: e.vendor ?? '',
    endpoint: e.endpoint ?? '',
    model: e.model ?? '',
    size,
  };
  if (typeof e.workspace === 'string') s.workspace = e.workspace;
  return s;
}

function entryFromSession(s: Session, previous?: IndexEntry): IndexEntry {
  return {
    ...previous,
    id: s.id,
    title: s.title,
    created_at: s.created_at,
    updated_at: s.updated_at,
    msg_count: s.messages.length,
    vendor: s.vendor,
    endpoint: s.endpoint,
    model: s.model,
  };
}

/** A session store rooted at one directory. The constructor does no I/O. */
export class JsonlStore {
  /** Files the index lacks, summarized once per change rather than on every list. */
  private readonly scanned = new SummaryCache(scanWithStats);
  /** Size and cost of files the index covers (the cost is not in index.json), kept the same way. */
  private readonly tails = new SummaryCache(tailCost);

  constructor(private readonly root: string) {}

  /** The store's directory. */
  dir(): string {
    return this.root;
  }

  private file(id: string): string {
    return join(this.root, `${assertValidId(id)}.jsonl`);
  }

  /** Ids of `<valid id>.jsonl` entries that may be session files (folders are excluded here,
   * empty files by the caller, which has to stat or open them anyway), and the ids that have an
   * `<id>.lock` file, from the same directory read. */
  private async candidateIds(): Promise<{ ids: string[]; locked: Set<string> }> {
    let entries: Dirent[];
    try {
      entries = await readdir(this.root, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ids: [], locked: new Set() };
      throw error;
    }
    const files = entries.filter((e) => e.isFile() || e.isSymbolicLink()).map((e) => e.name);
    const idsMatching = (pattern: RegExp) =>
      files.map((name) => pattern.exec(name)?.[1]).filter((id): id is string => isValidId(id));
    return { ids: idsMatching(SESSION_FILE), locked: new Set(idsMatching(LOCK_FILE)) };
  }

  /** The ids among `locked` whose lock names a running process. */
  private async liveIds(locked: Iterable<string>): Promise<Set<string>> {
    const ids = [...locked];
    const pids = await mapLimit(ids, SCAN_CONCURRENCY, (id) => livePidOf(this.root, id));
    return new Set(ids.filter((_, i) => pids[i] !== null));
  }

  /** Every session, newest update first. Titles come from the index where it has the session;
   * files it lacks are summarized from their bytes (and cached until they change). `live` tells
   * which sessions a running agent holds. Nothing is written. */
  async list(): Promise<SessionSummary[]> {
    const [{ ids, locked }, index] = await Promise.all([this.candidateIds(), readIndex(this.root)]);
    const present = new Set(ids);
    this.scanned.retain(present);
    this.tails.retain(present);
    const entries = new Map<string, IndexEntry>();
    for (const e of index ?? []) if (present.has(e.id) && !entries.has(e.id)) entries.set(e.id, e);
    const summaries = await mapLimit(ids, SCAN_CONCURRENCY, async (id): Promise<SessionSummary | null> => {
      const entry = entries.get(id);
      if (entry) {
        const tail = await this.tails.get(join(this.root, `${id}.jsonl`), id);
        if (tail === null) return null;
        const summary = summaryFromEntry(entry, tail.size);
        if (tail.cost) summary.cost = tail.cost;
        return summary;
      }
      return this.scanned.get(join(this.root, `${id}.jsonl`), id);
    });
    const live = await this.liveIds([...locked].filter((id) => present.has(id)));
    return sortNewestFirst(
      summaries.filter((s): s is SessionSummary => s !== null).map((s) => ({ ...s, live: live.has(s.id) })),
    );
  }

  /** Loads a session. Throws InvalidIdError or SessionNotFoundError ("session <id> not found"). */
  async load(id: string): Promise<Session> {
    return this.read(id);
  }

  private async read(id: string, onMessage?: (m: Message) => void): Promise<Session> {
    const path = this.file(id);
    try {
      return await loadSessionFile(path, id, onMessage);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EISDIR') throw new SessionNotFoundError(id);
      throw error;
    }
  }

  /** The session as Markdown, byte-identical to the reference's export. */
  async exportMarkdown(id: string): Promise<string> {
    const parts: string[] = [];
    const session = await this.read(id, (m) => parts.push(messageMarkdown(m)));
    return exportHeader(session, parts.length) + parts.join('');
  }

  /** Writes the whole session (meta, messages, cost) atomically and updates its index entry. */
  async save(s: Session): Promise<void> {
    const path = this.file(s.id);
    await this.prepareWrite();
    await withLock(this.root, `${s.id}.jsonl`, async () => {
      s.updated_at = nowGoTime();
      const lines = [metaLine(s), ...s.messages.map((m) => messageLine(s.id, m))];
      if (s.cost !== null) lines.push(costLine(s.id, s.cost));
      await writeFileAtomic(path, lines.join(''));
    });
    await this.updateIndex((entries) => upsert(entries, s));
  }

  /** Appends one message line (creating the file if needed), updates `s` and its index entry.
   * Appends are single O_APPEND writes under the session lock, so concurrent writers never
   * interleave bytes; a torn last line left by a crash is closed off first. */
  async appendMessage(s: Session, message: Message): Promise<void> {
    const path = this.file(s.id);
    await this.prepareWrite();
    await withLock(this.root, `${s.id}.jsonl`, async () => {
      const handle = await open(path, 'a+', 0o600);
      try {
        const { size } = await handle.stat();
        let prefix = '';
        if (size > 0) {
          const last = Buffer.alloc(1);
          await handle.read(last, 0, 1, size - 1);
          if (last[0] !== 10) prefix = '\n';
        }
        await handle.write(prefix + messageLine(s.id, message));
        await handle.sync();
      } finally {
        await handle.close();
      }
    });
    s.messages.push(message);
    s.updated_at = nowGoTime();
    if (s.title === '' || s.title === 'New session') s.title = titleFromMessages(s.messages) ?? s.title;
    await this.updateIndex((entries) => upsert(entries, s));
  }

  /** Creates `<id>.jsonl` with a meta line if it does not exist (never truncating one that
   * does, even one another process just made) and indexes it. */
  async ensureMeta(s: Session): Promise<void> {
    const path = this.file(s.id);
    await this.prepareWrite();
    if (await createFileExclusive(path, metaLine(s))) {
      await this.updateIndex((entries) => upsert(entries, s));
    }
  }

  /** Removes a session's file and index entry. Refuses while `<id>.lock` names a live process.
   * Resolves false when there was no file to remove (a stale index entry is still dropped). */
  async delete(id: string): Promise<boolean> {
    const path = this.file(id);
    const pid = await livePidOf(this.root, id);
    if (pid !== null) throw new SessionInUseError(id, pid);
    await this.prepareWrite();
    const removed = await withLock(this.root, `${id}.jsonl`, async () => {
      try {
        await unlink(path);
        await syncDir(this.root);
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        return false;
      }
    });
    await this.updateIndex((entries) => {
      const kept = entries.filter((e) => e.id !== id);
      return kept.length === entries.length ? null : kept;
    });
    return removed;
  }

  /** Deletes every session last updated before `before`; sessions in use are kept. Returns the count. */
  async cleanupOlderThan(before: Date): Promise<number> {
    const cutoff = before.getTime();
    let removed = 0;
    for (const s of await this.list()) {
      const t = parseGoTime(s.updated_at);
      if (!t || t.seconds * 1000 + t.nanos / 1e6 >= cutoff) continue;
      try {
        await this.delete(s.id);
        removed++;
      } catch (error) {
        if (!(error instanceof SessionInUseError)) throw error;
      }
    }
    return removed;
  }

  /** Creates the directory if needed, and refuses to start a write whose index lock file is
   * unusable (a FIFO or folder in its place), rather than failing after the session file changed. */
  private async prepareWrite(): Promise<void> {
    await mkdir(this.root, { recursive: true, mode: 0o700 });
    await checkLockFile(this.root, INDEX_FILE);
  }

  /** Read-modify-write of index.json under the index lock. `change` returns null for "no change".
   * A missing or damaged index is first rebuilt from the files, so no session is dropped from it.
   * Callers have run prepareWrite. */
  private async updateIndex(change: (entries: IndexEntry[]) => IndexEntry[] | null): Promise<void> {
    await withLock(this.root, INDEX_FILE, async () => {
      const entries = (await readIndex(this.root)) ?? (await this.list()).map(entryFromSummary);
      const next = change(entries);
      if (next) await writeIndex(this.root, next);
    });
  }
}

/** Newest update first (nanosecond precision, as Go compares), ties by id; each time parsed once. */
function sortNewestFirst(summaries: SessionSummary[]): SessionSummary[] {
  const keyed = summaries.map((s) => ({
    s,
    t: parseGoTime(s.updated_at) ?? { seconds: -Infinity, nanos: 0 },
  }));
  keyed.sort((a, b) => b.t.seconds - a.t.seconds || b.t.nanos - a.t.nanos || (a.s.id < b.s.id ? -1 : 1));
  return keyed.map((k) => k.s);
}

function entryFromSummary(s: SessionSummary): IndexEntry {
  const { size: _size, live: _live, cost: _cost, ...rest } = s;
  return rest;
}

function upsert(entries: IndexEntry[], s: Session): IndexEntry[] {
  const at = entries.findIndex((e) => e.id === s.id);
  if (at < 0) return [...entries, entryFromSession(s)];
  const next = entries.slice();
  next[at] = entryFromSession(s, entries[at]);
  return next;
}
