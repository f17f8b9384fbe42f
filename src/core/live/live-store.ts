// Live updates of one store, as Electron main and `sessions serve` both serve them: one
// directory watcher, SESSIONS_CHANGED payloads for whoever listens, and any number of followed
// sessions, each turned into SESSION_APPENDED payloads when its file changes.
import { join } from 'node:path';
import type { SessionAppended, SessionsChanged } from '../../shared/contract';
import { assertValidId } from '../ids';
import { Catalog } from '../sources/catalog';
import type { JsonlStore } from '../store';
import { DirectoryWatcher, type DirectoryChange, type DirectoryWatcherOptions } from './directory-watcher';
import { LiveSession } from './live-session';
import { SourceLiveSession } from './source-live-session';
import { SourceWatcher } from './source-watcher';

/** A session being followed. */
export interface Following {
  /** Messages the first read found: the viewer has these (after any catch-up it was sent). */
  count: number;
  /** Stops following; nothing more reaches the listener. */
  stop(): void;
}

/** A session followed for a viewer: ggcode's (LiveSession) or another source's. */
interface FollowedSession {
  start(known?: number): Promise<SessionAppended | null>;
  read(): Promise<SessionAppended | null>;
  count(): number;
}

/** One follower: its session and a read loop that never overlaps itself. */
class Follower {
  private running: Promise<void> | null = null;
  private again = false;
  private started = false;
  closed = false;

  constructor(
    private readonly session: FollowedSession,
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
  private readonly watchers: (DirectoryWatcher | SourceWatcher)[] = [];
  private readonly catalog: Catalog;
  private readonly listeners = new Set<(change: SessionsChanged) => void>();
  private readonly followers = new Map<string, Set<Follower>>();
  private readonly onError: (error: unknown) => void;

  /** Watches ggcode's folder (`store`, or the catalog's), and the folders of the catalog's other sources. */
  constructor(store: JsonlStore | Catalog, options: DirectoryWatcherOptions = {}) {
    this.onError = options.onError ?? (() => undefined);
    this.catalog = Catalog.of(store);
    const onChange = (change: DirectoryChange) => this.changed(change);
    for (const source of this.catalog.sources) {
      const own = source.adapter.primary ? this.catalog.store() : null;
      this.watchers.push(
        own
          ? new DirectoryWatcher(own.dir(), onChange, options)
          : new SourceWatcher(source, onChange, options),
      );
    }
  }

  /** Starts watching; resolves once the folders have been looked at (they may not exist yet). */
  async start(): Promise<void> {
    await Promise.all(this.watchers.map((w) => w.start()));
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
    const follower = new Follower(this.sessionFor(assertValidId(id)), listener, this.onError);
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

  // ggcode's sessions are followed by their file's tail, other sources' by their follower.
  private sessionFor(id: string): FollowedSession {
    const source = this.catalog.sourceOf(id);
    const store = source.adapter.primary ? this.catalog.store() : null;
    if (store) return new LiveSession(join(store.dir(), `${id}.jsonl`), id);
    if (!source.follow) throw new Error(`${source.adapter.label} sessions cannot be followed`);
    return new SourceLiveSession(source.follow(id), id);
  }

  /** Stops watching and following. */
  close(): void {
    for (const w of this.watchers) w.close();
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
