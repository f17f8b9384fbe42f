// Live updates in Electron main: the window hears which sessions of the open folder changed, and
// the session it shows is followed (its new messages are pushed). The backend (core/backend.ts)
// owns the live store and the search refreshes; repointing the folder or quitting stops both.
import {
  SESSION_APPENDED_EVENT,
  SESSIONS_CHANGED_EVENT,
  type SessionAppended,
  type SessionsChanged,
} from '../shared/contract';
import type { LiveStore } from '../core/live/live-store';
import type { Catalog } from '../core/sources/catalog';
import type { JsonlStore } from '../core/store';

/** Sends an event to the window, if there is one (the window's webContents.send). */
export type SendEvent = (channel: string, payload: SessionsChanged | SessionAppended) => void;

interface Watched {
  store: JsonlStore | Catalog;
  live: LiveStore;
  /** Stops following the session the window shows; null when it shows none. */
  unfollow: (() => void) | null;
}

/** Main's live updates for the one window. */
export class MainLive {
  private current: Watched | null = null;
  /** Counts follow requests, so a slow first read of an old request cannot win over a newer one. */
  private generation = 0;

  constructor(private readonly send: SendEvent) {}

  /** Tells the window about changes `live` sees in the folders of `store` and starts it; returns
   * the function that stops (OpenStore calls it on repoint and at quit). */
  open(store: JsonlStore | Catalog, live: LiveStore): () => void {
    const watched: Watched = { store, live, unfollow: null };
    this.current = watched;
    const unsubscribe = live.onSessionsChanged((change) => this.send(SESSIONS_CHANGED_EVENT, change));
    void live.start();
    return () => {
      watched.unfollow?.();
      unsubscribe();
      if (this.current === watched) this.current = null;
    };
  }

  /** Follows session `id` of `store` for the window (the one it shows); null stops following.
   * Resolves once the session has been read, so appends from then on are all sent; with `known`
   * (the messages the window has), those after it are sent at once. */
  async watch(store: JsonlStore | Catalog, id: string | null, known?: number): Promise<void> {
    const watched = this.current;
    // Handlers of a folder no longer open may still answer a late request: nothing to follow.
    if (watched?.store !== store) return;
    const generation = ++this.generation;
    watched.unfollow?.();
    watched.unfollow = null;
    if (id === null) return;
    const { stop } = await watched.live.follow(
      id,
      (appended) => this.send(SESSION_APPENDED_EVENT, appended),
      known,
    );
    if (generation === this.generation && this.current === watched) watched.unfollow = stop;
    else stop();
  }
}
