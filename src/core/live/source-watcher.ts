// Watches another source's folders (Claude Code's projects, Codex's dated folders) and reports
// which sessions changed, one report per burst of writes. One recursive node:fs.watch per root;
// events are hints mapped to sessions by the source (a subagent's file to its session). A root
// that does not exist yet is looked for again every `pollMs`; a change no session can be named
// for (an old-style agent file) asks for a rescan.
import { watch, type FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { SessionSource } from '../sources/source';
import { Debouncer, MAX_WAIT_MS, QUIET_MS } from './debouncer';
import { POLL_MS, type DirectoryChange, type DirectoryWatcherOptions } from './directory-watcher';

/** A burst's worth of hints: a session id, or RESCAN. */
const RESCAN = '\0rescan';

/** Follows one source's roots until closed. */
export class SourceWatcher {
  private readonly watchers = new Map<string, FSWatcher>();
  private readonly batch: Debouncer<string>;
  private poll: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly onError: (error: unknown) => void;

  constructor(
    private readonly source: SessionSource,
    private readonly onChange: (change: DirectoryChange) => void,
    private readonly options: DirectoryWatcherOptions = {},
  ) {
    this.onError = options.onError ?? (() => undefined);
    this.batch = new Debouncer(
      (hints) => this.flush(hints),
      options.quietMs ?? QUIET_MS,
      options.maxWaitMs ?? MAX_WAIT_MS,
    );
  }

  /** Starts watching the roots that exist; the others are looked for every poll. */
  async start(): Promise<void> {
    await this.check(false);
    if (this.closed) return;
    this.poll = setInterval(() => void this.check(true).catch(this.onError), this.options.pollMs ?? POLL_MS);
    this.poll.unref();
  }

  /** Stops watching; nothing is reported after this. */
  close(): void {
    this.closed = true;
    if (this.poll) clearInterval(this.poll);
    this.batch.cancel();
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear();
  }

  // Starts a watch on each root that has appeared; drops those whose root went away. A root that
  // appeared or vanished may hold any session: the listeners look again.
  private async check(report: boolean): Promise<void> {
    let changed = false;
    for (const { dir, recursive } of this.source.watchTargets()) {
      const exists = await stat(dir).then(
        (s) => s.isDirectory(),
        () => false,
      );
      const watching = this.watchers.get(dir);
      if (exists && !watching) {
        this.startWatch(dir, recursive);
        changed = true;
      } else if (!exists && watching) {
        watching.close();
        this.watchers.delete(dir);
        changed = true;
      }
    }
    if (report && changed) this.batch.add(RESCAN);
  }

  private startWatch(dir: string, recursive: boolean): void {
    try {
      const w = watch(dir, { persistent: false, recursive }, (_event, name) => {
        if (this.closed) return;
        if (name === null) return this.batch.add(RESCAN);
        const id = this.source.sessionOfPath(join(dir, name));
        if (id !== null) this.batch.add(id);
        else if (name.endsWith('.jsonl')) this.batch.add(RESCAN);
      });
      w.on('error', () => {
        w.close();
        this.watchers.delete(dir);
      });
      this.watchers.set(dir, w);
    } catch (error) {
      this.onError(error); // e.g. out of inotify watches: the next poll tries again
    }
  }

  private flush(hints: Set<string>): void {
    if (this.closed) return;
    const rescan = hints.delete(RESCAN);
    try {
      this.onChange({ appeared: [], changed: [...hints], vanished: [], rescan });
    } catch (error) {
      this.onError(error);
    }
  }
}
