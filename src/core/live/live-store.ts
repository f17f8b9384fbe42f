// Live updates of one store, as Electron main and `sessions serve` both serve them: one
// directory watcher, SESSIONS_CHANGED payloads for whoever listens, and any number of followed
// sessions, each turned into SESSION_APPENDED payloads when its file changes.
import { join } from 'node:path';
import type { SessionAppended, SessionsChanged } from '../../shared/contract';
import { assertValidId } from '../ids';
import type { JsonlStore } from '../store';
import { DirectoryWatcher, type DirectoryChange, type DirectoryWatcherOptions } from './directory-watcher';
import { LiveSession } from './live-session';

/** A session being followed. */
export interface Following {
  /** Messages the first read found: the viewer has these (after any catch-up it was sent). */
  count: number;
  /** Stops following; nothing more reaches the listener. */
  stop(): void;
}

/** One follower: its session and a read loop that never overlaps itself. */
class Follower {
  private running: Promise<void> | null = null;
  private again = false;
  private started = false;
  closed = false;

  constructor(
    private readonly session: LiveSession,
    private readonly listener: (appended: SessionAppended) => void,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** The first read; changes reported meanwhile (a long file takes a while) are read after it.
   * Resolves with the number of messages it found. */
  async begin(known?: number): Promise<number> {
    this.deliver(await this.session.start(known));
    const count = this.session.count();
    this.started = true;
    if (this.again) this.poke();
    return count;
  }

  /** Reads the session now, or once more after the read in progress. */
  poke(): void {
    if (!this.started || this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop();
  }

  /** Hands a payload to the listener unless the follower was stopped meanwhile. */
  deliver(appended: SessionAppended | null): void {
    if (appended === null || this.closed) return;
    try {
      this.listener(appended);
    } catch (error) {
      this.onError(error);
    }
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        this.deliver(await this.session.read());
      } catch (error) {
        this.onError(error);
      }
    } while (this.again && !this.closed);
    this.running = null;
  }
}

/** Watches a store's directory and follows sessions in it until closed. */
export class LiveStore {
  private readonly watcher: DirectoryWatcher;
  private readonly listeners = new Set<(change: SessionsChanged) => void>();
  private readonly followers = new Map<string, Set<Follower>>();
  private readonly onError: (error: unknown) => void;

  constructor(
    private readonly store: JsonlStore,
    options: DirectoryWatcherOptions = {},
  ) {
    this.onError = options.onError ?? (() => undefined);
    this.watcher = new DirectoryWatcher(store.dir(), (change) => this.changed(change), options);
  }

  /** Starts watching; resolves once the directory has been looked at (it may not exist yet). */
  start(): Promise<void> {
    return this.watcher.start();
  }

  /** Calls `listener` with the ids of each burst of changes; returns the unsubscribe function. */
  onSessionsChanged(listener: (change: SessionsChanged) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Follows session `id` for a viewer that has loaded it (or, with `known`, its first `known`
   * messages: those after are sent at once). Resolves once the file has been read: whatever is
   * appended from then on reaches `listener`. */
  async follow(
    id: string,
    listener: (appended: SessionAppended) => void,
    known?: number,
  ): Promise<Following> {
    const path = join(this.store.dir(), `${assertValidId(id)}.jsonl`);
    const follower = new Follower(new LiveSession(path, id), listener, this.onError);
    // Registered before the first read, so no change during it goes unnoticed.
    let set = this.followers.get(id);
    if (!set) this.followers.set(id, (set = new Set()));
    set.add(follower);
    const stop = () => {
      follower.closed = true;
      set.delete(follower);
      if (set.size === 0 && this.followers.get(id) === set) this.followers.delete(id);
    };
    try {
      return { count: await follower.begin(known), stop };
    } catch (error) {
      stop();
      throw error;
    }
  }

  /** Stops watching and following. */
  close(): void {
    this.watcher.close();
    for (const set of this.followers.values()) for (const f of set) f.closed = true;
    this.followers.clear();
    this.listeners.clear();
  }

  private changed(change: DirectoryChange): void {
    const touched = new Set([...change.appeared, ...change.changed, ...change.vanished]);
    const ids = [...touched];
    for (const [id, set] of this.followers) {
      if (change.rescan || touched.has(id)) for (const f of set) f.poke();
    }
    for (const listener of this.listeners) {
      try {
        listener({ ids });
      } catch (error) {
        this.onError(error);
      }
    }
  }
}
