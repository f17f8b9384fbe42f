// Browser mode's live updates: server-sent events on /events. One stream hears which sessions
// changed and how the search index builds; naming a session (`watch=<id>`) adds that session's new
// messages, so the stream is reopened whenever the open session changes. The old stream stays
// until the new one is open, so no change goes unheard in between.
import { SEARCH_PROGRESS_EVENT, SESSION_APPENDED_EVENT, SESSIONS_CHANGED_EVENT } from '../../shared/contract';

/** The part of the DOM's EventSource the stream uses (tests pass fakes). */
export interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: Event) => void): void;
  close(): void;
}

/** Opens an event source on `url` (`new EventSource(url)` in the page). */
export type OpenEventSource = (url: string) => EventSourceLike;

/** The events the server sends, named by the contract's constants. */
export const STREAM_EVENTS = [SESSIONS_CHANGED_EVENT, SESSION_APPENDED_EVENT, SEARCH_PROGRESS_EVENT] as const;
/** One of them. */
export type StreamEvent = (typeof STREAM_EVENTS)[number];

/** EventSource.CLOSED: the browser gave up (an error status), it will not reconnect. */
const CLOSED = 2;

interface Connection {
  source: EventSourceLike;
  /** Whether the server has answered it (it carries events). */
  opened: boolean;
  /** Settles this connection's follow() promise; called at most once. */
  settle(following: boolean): void;
}

/** The page's event stream, opened on first use. */
export class EventStream {
  private readonly listeners = new Map<StreamEvent, Set<(payload: unknown) => void>>();
  /** The newest connection first; older ones close once it is open. */
  private connections: Connection[] = [];
  private watching: string | null = null;

  constructor(
    private readonly open: OpenEventSource,
    /** The stream URL (with the token) following `watch`, or none; `known`: the messages of it
     * the page has. */
    private readonly urlFor: (watch: string | null, known?: number) => string,
  ) {}

  /** Calls `callback` with the parsed data of every `name` event; returns the unsubscribe. */
  on(name: StreamEvent, callback: (payload: unknown) => void): () => void {
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    set.add(callback);
    if (this.connections.length === 0) void this.connect(this.watching);
    return () => {
      set.delete(callback);
    };
  }

  /** Reopens the stream following session `id` (null: none), of which the page has `known`
   * messages (the server sends any after them at once). Resolves true once the server follows
   * it, false if a newer call replaced this one or the server refused. */
  follow(id: string | null, known?: number): Promise<boolean> {
    this.watching = id;
    return this.connect(id, known);
  }

  /** Closes every connection. */
  close(): void {
    for (const connection of this.connections) this.drop(connection);
    this.connections = [];
  }

  private connect(watch: string | null, known?: number): Promise<boolean> {
    // A stream still waiting for its answer is replaced: only the open one stays until the new one
    // opens, so a page holds two streams at most however fast sessions are switched (the server
    // takes only a few per client).
    for (const waiting of this.connections.filter((c) => !c.opened)) this.drop(waiting);
    this.connections = this.connections.filter((c) => c.opened);
    const source = this.open(this.urlFor(watch, known));
    return new Promise<boolean>((resolve) => {
      let settled = false;
      const connection: Connection = {
        source,
        opened: false,
        settle(following) {
          if (settled) return;
          settled = true;
          resolve(following);
        },
      };
      this.connections.unshift(connection);
      for (const name of STREAM_EVENTS) {
        source.addEventListener(name, (event) => this.dispatch(name, event));
      }
      source.addEventListener('open', () => {
        if (this.connections[0] !== connection) return;
        connection.opened = true;
        // The server answers only after its first read of the followed session: from now on
        // every appended message reaches this stream, so the older ones can go.
        for (const older of this.connections.slice(1)) this.drop(older);
        this.connections = [connection];
        connection.settle(true);
      });
      source.addEventListener('error', () => {
        // A network error reconnects by itself; an error status (gone session, wrong token) does not.
        if (source.readyState !== CLOSED) return;
        const current = this.connections[0] === connection;
        this.drop(connection);
        this.connections = this.connections.filter((c) => c !== connection);
        // Without the session the stream still carries list changes and index progress.
        if (current && watch !== null) void this.connect(null);
      });
    });
  }

  private drop(connection: Connection): void {
    connection.source.close();
    connection.settle(false);
  }

  private dispatch(name: StreamEvent, event: Event): void {
    const set = this.listeners.get(name);
    if (!set || set.size === 0) return;
    let payload: unknown;
    try {
      payload = JSON.parse(String((event as MessageEvent).data));
    } catch {
      return; // Not JSON: nothing this renderer can use.
    }
    for (const listener of set) listener(payload);
  }
}
