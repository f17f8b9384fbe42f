// JsonlStore: the TypeScript port of ggcode's session store, API and on-disk format compatible
// in both directions. Reads never write; writes are atomic and locked against other processes.
import type { Dirent } from 'node:fs';
import { lstat, mkdir, readdir, rename, unlink } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Cost, Message, Session, SessionList, SessionSummary } from '../shared/types';
import { createFileExclusive, syncDir, tempPathFor, writeFileAtomic } from './atomic';
import { SessionExistsError, SessionInUseError, SessionNotFoundError } from './errors';
import { nowGoTime, parseGoTime } from '../shared/gotime';
import { assertValidId, isValidId } from './ids';
import { INDEX_FILE, readIndex, writeIndex, type IndexEntry } from './index-file';
import { loadSessionFile } from './load';
import { SummaryCache, type CacheEntry } from './live/summary-cache';
import { readSummaryFile, writeSummaryFile } from './live/summary-file';
import { checkLockFile, livePidOf, lockHolder, withLock } from './lock';
import { exportHeader, messageMarkdown, type SessionMarkdown } from './export/export-markdown';
import { mapLimit } from './pool';
import { isMissing, kindOf, NotRegularFileError, openRegularForAppend } from './regular-file';
import { costLine, messageLine, metaLine } from './serialize';
import { scanWithStats, tailCost } from './scan';
import { scanOnThreads } from './scan-threads';
import { titleFromMessages } from './title';
import { TextBuilder } from './text-builder';

export { useScanThreads } from './scan-threads';

/** `<home>/.ggcode/sessions`, where ggcode keeps its sessions. */
export function defaultDir(): string {
  return join(homedir(), '.ggcode', 'sessions');
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

const isText = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

// A stored summary comes from a file in the cache folder: only well-shaped ones are used.
function isStoredSummary(id: string, v: unknown): boolean {
  if (v === null) return true;
  if (!isObject(v) || v.id !== id || !isCount(v.msg_count) || !isCount(v.size)) return false;
  const texts = ['title', 'created_at', 'updated_at', 'vendor', 'endpoint', 'model'] as const;
  return texts.every((k) => isText(v[k])) && (v.workspace === undefined || isText(v.workspace));
}

function isStoredTail(_id: string, v: unknown): boolean {
  return v === null || (isObject(v) && isCount(v.size) && (v.cost === null || isObject(v.cost)));
}

function entriesWhere<T>(
  stored: Record<string, CacheEntry<unknown>>,
  valid: (id: string, v: unknown) => boolean,
): Record<string, CacheEntry<T>> {
  const out: Record<string, CacheEntry<T>> = {};
  for (const [id, e] of Object.entries(stored)) if (valid(id, e.summary)) out[id] = e as CacheEntry<T>;
  return out;
}

/** A session store rooted at one directory. The constructor does no I/O. */
export class JsonlStore {
  /** Files the index lacks, summarized once per change rather than on every list. */
  private readonly scanned = new SummaryCache(scanWithStats);
  /** Size and cost of files the index covers (the cost is not in index.json), kept the same way. */
  private readonly tails = new SummaryCache(tailCost);

  /** Whether the stored summaries (options.summaryFile) were read into the caches yet. */
  private seeded = false;

  /** `options.summaryFile`: where summaries are kept across processes (in the cache folder). */
  constructor(
    private readonly root: string,
    private readonly options: { summaryFile?: string } = {},
  ) {}

  /** The store's directory. */
  dir(): string {
    return this.root;
  }

  private file(id: string): string {
    return join(this.root, `${assertValidId(id)}.jsonl`);
  }

  /** Ids of `<valid id>.jsonl` entries that may be session files (regular files and symlinks:
   * empty files are left to the caller, which has to open them anyway), the ids that have an
   * `<id>.lock` file, and those of each that are something else (FIFO, socket, device, folder),
   * from the same directory read. */
  private async candidateIds(): Promise<{
    ids: string[];
    locked: Set<string>;
    strange: string[];
    strangeLocks: Set<string>;
  }> {
    let entries: Dirent[];
    try {
      entries = await readdir(this.root, { withFileTypes: true });
    } catch (error) {
      if (isMissing(error)) return { ids: [], locked: new Set(), strange: [], strangeLocks: new Set() };
      throw error;
    }
    const idsMatching = (pattern: RegExp, files: boolean) =>
      entries
        .filter((e) => (e.isFile() || e.isSymbolicLink()) === files)
        .map((e) => pattern.exec(e.name)?.[1])
        .filter((id): id is string => isValidId(id));
    return {
      ids: idsMatching(SESSION_FILE, true),
      locked: new Set(idsMatching(LOCK_FILE, true)),
      strange: idsMatching(SESSION_FILE, false),
      strangeLocks: new Set(idsMatching(LOCK_FILE, false)),
    };
  }

  /** The ids among `locked` whose lock names a running process, and how many locks were unreadable. */
  private async liveIds(locked: Iterable<string>): Promise<{ live: Set<string>; unreadable: number }> {
    const ids = [...locked];
    let unreadable = 0;
    const pids = await mapLimit(ids, SCAN_CONCURRENCY, (id) =>
      lockHolder(this.root, id).catch(() => {
        unreadable++;
        return null;
      }),
    );
    return { live: new Set(ids.filter((_, i) => pids[i] !== null)), unreadable };
  }

  /** Every session, newest update first (see `listing`). */
  async list(): Promise<SessionSummary[]> {
    return (await this.listing()).sessions;
  }

  /** Every session, newest update first, and how many entries could not be read. Titles come
   * from the index where it has the session; files it lacks are summarized from their bytes (and
   * cached until they change). `live` tells which sessions a running agent holds. A session file,
   * index.json or lock that is a FIFO, socket, device or folder (or a symlink to one, or to
   * anything outside the folder) is skipped and counted in `unreadable`. Nothing is written. */
  async listing(): Promise<SessionList> {
    const [{ ids, locked, strange, strangeLocks }, index] = await Promise.all([
      this.candidateIds(),
      readIndex(this.root),
      this.seedSummaries(),
    ]);
    let unreadable = strange.length + (index.unreadable ? 1 : 0);
    const present = new Set(ids);
    this.scanned.retain(present);
    this.tails.retain(present);
    const entries = new Map<string, IndexEntry>();
    for (const e of index.entries ?? []) if (present.has(e.id) && !entries.has(e.id)) entries.set(e.id, e);
    const fresh = await this.scanUnseen(ids.filter((id) => !entries.has(id) && !this.scanned.has(id)));
    const summaries = await mapLimit(ids, SCAN_CONCURRENCY, async (id): Promise<SessionSummary | null> => {
      const path = join(this.root, `${id}.jsonl`);
      try {
        const entry = entries.get(id);
        if (fresh.has(id)) return fresh.get(id) ?? null;
        if (!entry) return await this.scanned.get(path, id);
        const tail = await this.tails.get(path, id);
        if (tail === null) return null;
        const summary = summaryFromEntry(entry, tail.size);
        if (tail.cost) summary.cost = tail.cost;
        return summary;
      } catch (error) {
        if (!isMissing(error)) unreadable++;
        return null;
      }
    });
    const listed = summaries.filter((s): s is SessionSummary => s !== null);
    const listedIds = new Set(listed.map((s) => s.id));
    for (const id of strangeLocks) if (listedIds.has(id)) unreadable++;
    const [live] = await Promise.all([
      this.liveIds([...locked].filter((id) => listedIds.has(id))),
      this.storeSummaries(),
    ]);
    unreadable += live.unreadable;
    return {
      sessions: sortNewestFirst(listed.map((s) => ({ ...s, live: live.live.has(s.id) }))),
      unreadable,
    };
  }

  /** Summaries of files never seen before, scanned together on the scan threads when there are
   * many (a cold list); the ones a thread could not read are left to the usual path. */
  private async scanUnseen(ids: string[]): Promise<Map<string, SessionSummary | null>> {
    const fresh = new Map<string, SessionSummary | null>();
    const outcomes = await scanOnThreads(ids.map((id) => ({ path: join(this.root, `${id}.jsonl`), id })));
    outcomes?.forEach((o, i) => {
      if (o.kind !== 'summary') return;
      this.scanned.set(ids[i]!, o.key, o.summary);
      fresh.set(ids[i]!, o.summary);
    });
    return fresh;
  }

  /** Reads the summaries an earlier process stored, once (each is still checked against its file). */
  private async seedSummaries(): Promise<void> {
    if (this.seeded || !this.options.summaryFile) return;
    this.seeded = true;
    const stored = await readSummaryFile(this.options.summaryFile);
    this.scanned.seed(entriesWhere<SessionSummary>(stored.scanned, isStoredSummary));
    this.tails.seed(entriesWhere<{ size: number; cost: Cost | null }>(stored.tails, isStoredTail));
  }

  /** Keeps the summaries for the next process when a list changed them; failing only costs a rescan. */
  private async storeSummaries(): Promise<void> {
    const file = this.options.summaryFile;
    if (!file || !(this.scanned.changed() || this.tails.changed())) return;
    await writeSummaryFile(file, { scanned: this.scanned.snapshot(), tails: this.tails.snapshot() }).catch(
      () => undefined,
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
      if (isMissing(error)) throw new SessionNotFoundError(id);
      throw error;
    }
  }

  /** The session as Markdown, byte-identical to the reference's export. */
  async exportMarkdown(id: string): Promise<string> {
    return (await this.markdownExport(id)).markdown;
  }

  /** The session's title and its Markdown export, in one pass over the file (never loaded whole). */
  async markdownExport(id: string): Promise<SessionMarkdown> {
    const body = new TextBuilder();
    let count = 0;
    const session = await this.read(id, (m) => {
      body.append(messageMarkdown(m));
      count++;
    });
    return { title: session.title, markdown: exportHeader(session, count) + body.text() };
  }

  /** Writes the whole session (meta, messages, cost) atomically and updates its index entry. */
  async save(s: Session): Promise<void> {
    const path = this.file(s.id);
    await this.prepareWrite();
    await withLock(this.root, `${s.id}.jsonl`, async () => {
      s.updated_at = nowGoTime();
      const lines = [metaLine(s), ...s.messages.map((m) => messageLine(s.id, m))];
      if (s.cost !== null) lines.push(costLine(s.id, s));
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
      const { handle, stats } = await openRegularForAppend(path);
      try {
        const { size } = stats;
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
    // Only an empty title is filled in, as the reference does ("New session" stays).
    if (s.title === '') s.title = titleFromMessages(s.messages) ?? s.title;
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

  /** Removes a session's file and index entry: both or neither. The file is first moved aside
   * (a `*.tmp` name is never a session), then the entry removed; if that fails, the file is put
   * back. Refuses while `<id>.lock` names a live process, and refuses a folder. Resolves false
   * when there was no file to remove (a stale index entry is still dropped).
   *
   * With `keep`, the file is not unlinked: `keep` is handed it (under its temp name) and the
   * index entries removed, and must take it away (into a trash); if `keep` fails, the file and
   * the entries are both put back as they were. */
  async delete(
    id: string,
    keep?: (parked: string, removed: RemovedEntry[]) => Promise<void>,
  ): Promise<boolean> {
    const path = this.file(id);
    const pid = await livePidOf(this.root, id);
    if (pid !== null) throw new SessionInUseError(id, pid);
    await this.prepareWrite();
    return withLock(this.root, `${id}.jsonl`, async () => {
      const parked = await this.moveAside(path);
      const removed: RemovedEntry[] = [];
      try {
        await this.updateIndex((entries) => {
          entries.forEach((entry, position) => {
            if (entry.id === id) removed.push({ entry, position });
          });
          return removed.length === 0 ? null : entries.filter((e) => e.id !== id);
        });
      } catch (error) {
        if (parked !== null) await rename(parked, path);
        throw error;
      }
      if (parked === null) return false;
      if (keep) {
        try {
          await keep(parked, removed);
        } catch (error) {
          await rename(parked, path);
          if (removed.length > 0) await this.updateIndex((entries) => reinsert(entries, id, removed));
          throw error;
        }
      } else {
        // Already gone from the folder and the index: a temp file left behind is never a session.
        await unlink(parked).catch(() => undefined);
      }
      await syncDir(this.root);
      return true;
    });
  }

  /** Puts back a session `delete` took away with `keep`: `put(path)` must move its file to
   * `path` (the session's file, which must not exist), then its index entries go back where they
   * were. If the entries cannot be written, `undo(path)` takes the file away again. */
  async restore(
    id: string,
    removed: RemovedEntry[],
    put: (path: string) => Promise<void>,
    undo: (path: string) => Promise<void>,
  ): Promise<void> {
    const path = this.file(id);
    await this.prepareWrite();
    await withLock(this.root, `${id}.jsonl`, async () => {
      const there = await lstat(path).then(
        () => true,
        (error: unknown) => {
          if (isMissing(error)) return false;
          throw error;
        },
      );
      if (there) throw new SessionExistsError(id);
      await put(path);
      try {
        if (removed.length > 0) await this.updateIndex((entries) => reinsert(entries, id, removed));
      } catch (error) {
        await undo(path);
        throw error;
      }
      await syncDir(this.root);
    });
  }

  /** Renames a session's file to a temp name beside it; null when there is none. */
  private async moveAside(path: string): Promise<string | null> {
    let stats;
    try {
      stats = await lstat(path);
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
    if (stats.isDirectory()) throw new NotRegularFileError(path, kindOf(stats));
    const parked = tempPathFor(path);
    await rename(path, parked);
    return parked;
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
      const entries = (await readIndex(this.root)).entries ?? (await this.list()).map(entryFromSummary);
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

/** An index entry `delete` removed, and where in index.json it stood. */
export interface RemovedEntry {
  entry: IndexEntry;
  position: number;
}

/** `entries` with `removed` back at their positions (in order), replacing any entry of `id`
 * written since, so that the index is as it was before the delete. */
function reinsert(entries: IndexEntry[], id: string, removed: RemovedEntry[]): IndexEntry[] {
  const next = entries.filter((e) => e.id !== id);
  for (const { entry, position } of [...removed].sort((a, b) => a.position - b.position)) {
    next.splice(Math.min(position, next.length), 0, entry);
  }
  return next;
}

function upsert(entries: IndexEntry[], s: Session): IndexEntry[] {
  const at = entries.findIndex((e) => e.id === s.id);
  if (at < 0) return [...entries, entryFromSession(s)];
  const next = entries.slice();
  next[at] = entryFromSession(s, entries[at]);
  return next;
}
