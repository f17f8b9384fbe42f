// Watches a sessions directory and reports which sessions appeared, changed or vanished, one
// report per burst of writes. node:fs.watch on the directory itself: one OS watch whatever the
// number of sessions (chokidar 4 adds one per file: 2,001 inotify watches for 2,000 sessions),
// and every event is re-checked against the disk, so atomic renames, editors' backup-and-replace
// and create-then-delete temp files all come out as what they did. A directory that does not
// exist yet, or is removed or replaced, is looked for again every `pollMs`.
import { watch, type FSWatcher } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { isValidId } from '../../shared/ids';
import { INDEX_FILE } from '../index-file';
import { LOCK_FILE, SESSION_FILE } from '../store';
import { Debouncer, MAX_WAIT_MS, QUIET_MS } from './debouncer';

/** What one burst did, by session id (`<id>.jsonl`). */
export interface DirectoryChange {
  appeared: string[];
  changed: string[];
  vanished: string[];
  /** Anything may have changed: index.json was rewritten (titles), or the directory appeared,
   * vanished, was replaced or had to be watched anew (events in between are unknown). */
  rescan: boolean;
}

/** Timings; the defaults suit the app, tests shorten them. */
export interface DirectoryWatcherOptions {
  /** A burst ends after this long without events. */
  quietMs?: number;
  /** ...or this long after its first event, whichever comes first. */
  maxWaitMs?: number;
  /** How often the directory itself is checked (to appear, or to have been replaced). */
  pollMs?: number;
  /** Where unexpected errors go (a listener that throws, a directory that cannot be read). */
  onError?: (error: unknown) => void;
}

/** How often the directory is looked for when it is missing or may have been replaced. */
export const POLL_MS = 1000;

/** The session a directory entry belongs to, or index.json; null for anything else. */
function entryOf(name: string): { kind: 'session' | 'lock'; id: string } | { kind: 'index' } | null {
  if (name === INDEX_FILE) return { kind: 'index' };
  for (const [kind, pattern] of [
    ['session', SESSION_FILE],
    ['lock', LOCK_FILE],
  ] as const) {
    const id = pattern.exec(name)?.[1];
    if (isValidId(id)) return { kind, id };
  }
  return null;
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

/** Follows one directory until closed. */
export class DirectoryWatcher {
  private readonly known = new Set<string>();
  private watcher: FSWatcher | null = null;
  /** Inode of the directory at the last check; null while it is missing. */
  private seenIno: number | null = null;
  private readonly batch: Debouncer<string>;
  private poll: NodeJS.Timeout | null = null;
  /** Checks and flushes run one at a time, in order, so `known` is never updated twice at once. */
  private queue: Promise<void> = Promise.resolve();
  private closed = false;
  /** The last failure to start the OS watch, reported once rather than at every poll. */
  private watchFailure = '';
  private readonly onError: (error: unknown) => void;

  constructor(
    private readonly dir: string,
    private readonly onChange: (change: DirectoryChange) => void,
    private readonly options: DirectoryWatcherOptions = {},
  ) {
    this.onError = options.onError ?? (() => undefined);
    this.batch = new Debouncer(
      (names) => this.enqueue(() => this.flush(names)),
      options.quietMs ?? QUIET_MS,
      options.maxWaitMs ?? MAX_WAIT_MS,
    );
  }

  /** Starts watching; resolves once the sessions present now are known (they are not reported). */
  async start(): Promise<void> {
    await this.enqueue(() => this.check(false));
    if (this.closed) return;
    this.poll = setInterval(() => void this.enqueue(() => this.check(true)), this.options.pollMs ?? POLL_MS);
    this.poll.unref();
  }

  /** Stops watching; nothing is reported after this. */
  close(): void {
    this.closed = true;
    if (this.poll) clearInterval(this.poll);
    this.batch.cancel();
    this.unwatch();
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(() => (this.closed ? undefined : task())).catch(this.onError);
    return this.queue;
  }

  private unwatch(): void {
    this.watcher?.close();
    this.watcher = null;
  }

  // (Re)starts the OS watch when the directory appeared, was replaced or lost its watch, and
  // compares what it holds now with what was known; when it vanished, its sessions are gone.
  private async check(report: boolean): Promise<void> {
    const ino = await stat(this.dir).then(
      (s) => (s.isDirectory() ? s.ino : null),
      () => null,
    );
    if (ino === this.seenIno && (ino === null || this.watcher)) return;
    const replaced = this.seenIno !== null && ino !== null && ino !== this.seenIno;
    this.seenIno = ino;
    this.unwatch();
    if (ino !== null) this.startWatch();
    const ids = new Set(ino === null ? [] : await this.sessionIds());
    const change: DirectoryChange = { appeared: [], changed: [], vanished: [], rescan: true };
    for (const id of this.known) if (!ids.has(id)) change.vanished.push(id);
    for (const id of ids) {
      if (!this.known.has(id)) change.appeared.push(id);
      else if (replaced) change.changed.push(id);
    }
    this.known.clear();
    for (const id of ids) this.known.add(id);
    if (report) this.emit(change);
  }

  private startWatch(): void {
    const self = basename(this.dir);
    try {
      this.watcher = watch(this.dir, { persistent: false }, (_event, name) => {
        // No name, or the directory's own: it was removed or renamed; the check finds out.
        if (name === null || name === self) void this.enqueue(() => this.check(true));
        else if (entryOf(name) !== null) this.batch.add(name);
      });
    } catch (error) {
      // E.g. out of inotify watches: every poll then rescans, and tries again.
      const failure = String(error);
      if (failure !== this.watchFailure) this.onError(error);
      this.watchFailure = failure;
      return;
    }
    this.watchFailure = '';
    // Windows reports a removed directory as an error; the next check starts over.
    this.watcher.on('error', () => {
      this.unwatch();
      void this.enqueue(() => this.check(true));
    });
  }

  private async sessionIds(): Promise<string[]> {
    const entries = await readdir(this.dir, { withFileTypes: true }).catch(() => []);
    return entries
      .filter((e) => e.isFile() || e.isSymbolicLink())
      .map((e) => entryOf(e.name))
      .flatMap((e) => (e?.kind === 'session' ? [e.id] : []));
  }

  // Each touched session is looked at on disk now: what the events said matters less than
  // where things ended up (a rename over a session is a change, a temp file is nothing).
  private async flush(names: Set<string>): Promise<void> {
    const change: DirectoryChange = { appeared: [], changed: [], vanished: [], rescan: false };
    const sessions = new Set<string>();
    const locks = new Set<string>();
    for (const name of names) {
      const entry = entryOf(name);
      if (entry?.kind === 'index') change.rescan = true;
      else if (entry?.kind === 'session') sessions.add(entry.id);
      else if (entry) locks.add(entry.id);
    }
    for (const id of sessions) {
      const present = await isFile(join(this.dir, `${id}.jsonl`));
      if (present) (this.known.has(id) ? change.changed : change.appeared).push(id);
      else if (this.known.has(id)) change.vanished.push(id);
      if (present) this.known.add(id);
      else this.known.delete(id);
    }
    // A lock taken or released changes the session's live flag.
    for (const id of locks) if (this.known.has(id) && !sessions.has(id)) change.changed.push(id);
    this.emit(change);
  }

  private emit(change: DirectoryChange): void {
    const { appeared, changed, vanished, rescan } = change;
    if (this.closed || (!rescan && appeared.length + changed.length + vanished.length === 0)) return;
    try {
      this.onChange(change);
    } catch (error) {
      this.onError(error);
    }
  }
}
