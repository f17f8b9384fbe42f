// GET /events[?watch=<id>]: the browser's live updates as server-sent events. Every stream hears
// which sessions changed and how the search index builds; a stream that names a session also gets
// that session's appended messages. Event names are the contract's event constants, data the
// same JSON payloads Electron sends over IPC.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorLine } from '../shared/api';
import { SEARCH_PROGRESS_EVENT, SESSION_APPENDED_EVENT, SESSIONS_CHANGED_EVENT } from '../shared/contract';
import { isValidId } from '../shared/ids';
import type { LiveStore } from '../core/live/live-store';
import type { SearchHandle } from '../core/search/search-handle';
import { SECURITY_HEADERS, sendText } from './respond';

/** Path of the event stream. */
export const EVENTS_PATH = '/events';

/** Query parameter naming the session to follow. */
export const WATCH_PARAM = 'watch';
/** With WATCH_PARAM: how many messages the page has; those after it are sent at once. */
export const KNOWN_PARAM = 'known';

/** How often an idle stream gets a comment line, so proxies and dead peers are noticed. */
export const HEARTBEAT_MS = 20_000;

/** A stream whose client lets this much pile up unread is dropped (it reconnects and resumes). */
export const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

/** Streams one client (remote address) may hold open at once; beyond, 429. A page holds one, two
 * while it switches sessions; Chromium allows six connections per host, so a few tabs at most. */
export const MAX_STREAMS_PER_CLIENT = 4;

/** How long a browser waits before reconnecting a dropped stream. */
const RETRY_MS = 1000;

/** One open stream. Writes wait until the stream is open: a session's first read comes first. */
class Stream {
  private pending: string[] | null = [];
  closed = false;

  constructor(private readonly res: ServerResponse) {}

  /** Sends the headers and whatever was queued meanwhile. */
  open(first: string): void {
    this.res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      // Proxies must pass each event through at once.
      'X-Accel-Buffering': 'no',
    });
    const queued = this.pending ?? [];
    this.pending = null;
    this.write(first + queued.join(''));
  }

  /** Sends one event; `id` becomes the browser's Last-Event-ID when it reconnects. */
  event(name: string, data: unknown, id?: number): void {
    const idLine = id === undefined ? '' : `id: ${id}\n`;
    this.write(`event: ${name}\n${idLine}data: ${JSON.stringify(data)}\n\n`);
  }

  /** Sends a comment line (ignored by the browser). */
  comment(text: string): void {
    this.write(`: ${text}\n\n`);
  }

  write(text: string): void {
    if (this.closed) return;
    if (this.pending) {
      this.pending.push(text);
      return;
    }
    this.res.write(text);
    if (this.res.writableLength > MAX_BUFFERED_BYTES) this.res.destroy();
  }

  end(): void {
    this.closed = true;
    this.res.end();
  }
}

/** A message count as a URL or an event id carries it (nine digits at most, as MAX_KNOWN). */
const COUNT = /^\d{1,9}$/;

/** The number in a Last-Event-ID header: how many messages the reconnecting page has. */
function lastEventCount(req: IncomingMessage): number | undefined {
  const value = req.headers['last-event-id'];
  if (typeof value !== 'string' || !COUNT.test(value)) return undefined;
  return Number(value);
}

/** The event streams of one server. */
export class EventStreams {
  private readonly streams = new Set<Stream>();
  /** Open streams by remote address, counted from the request until its connection closes. */
  private readonly perClient = new Map<string, number>();
  private readonly heartbeat: NodeJS.Timeout;
  private readonly unsubscribe: (() => void)[];

  constructor(
    private readonly live: LiveStore,
    search: Pick<SearchHandle, 'onProgress'>,
    heartbeatMs = HEARTBEAT_MS,
  ) {
    this.unsubscribe = [
      live.onSessionsChanged((change) => this.broadcast(SESSIONS_CHANGED_EVENT, change)),
      search.onProgress((progress) => this.broadcast(SEARCH_PROGRESS_EVENT, progress)),
    ];
    this.heartbeat = setInterval(() => {
      for (const stream of this.streams) stream.comment('heartbeat');
    }, heartbeatMs);
    this.heartbeat.unref();
  }

  /** Answers GET /events (the caller has checked Host, Origin and token). */
  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'GET') {
      sendText(res, 405, 'method not allowed: use GET', { Allow: 'GET' });
      return;
    }
    const watch = url.searchParams.get(WATCH_PARAM);
    if (watch !== null && !isValidId(watch)) {
      sendText(res, 400, 'invalid session id');
      return;
    }
    const knownParam = url.searchParams.get(KNOWN_PARAM);
    if (knownParam !== null && !COUNT.test(knownParam)) {
      sendText(res, 400, 'known must be a message count');
      return;
    }
    const client = req.socket.remoteAddress ?? '';
    const open = this.perClient.get(client) ?? 0;
    if (open >= MAX_STREAMS_PER_CLIENT) {
      sendText(res, 429, `too many event streams: at most ${MAX_STREAMS_PER_CLIENT} at once`);
      return;
    }
    this.perClient.set(client, open + 1);
    const stream = new Stream(res);
    let stop: () => void = () => undefined;
    res.on('close', () => {
      const left = (this.perClient.get(client) ?? 1) - 1;
      if (left > 0) this.perClient.set(client, left);
      else this.perClient.delete(client);
      stream.closed = true;
      this.streams.delete(stream);
      stop();
    });
    // A reconnecting page's Last-Event-ID is newer than the count its URL was opened with.
    const known = lastEventCount(req) ?? (knownParam === null ? undefined : Number(knownParam));
    let count = 0;
    if (watch !== null) {
      try {
        const following = await this.live.follow(
          watch,
          (appended) => stream.event(SESSION_APPENDED_EVENT, appended, appended.session.msg_count),
          known,
        );
        stop = following.stop;
        count = following.count;
      } catch (error) {
        sendText(res, 500, `could not follow ${watch}: ${errorLine(error)}`);
        return;
      }
    }
    if (stream.closed) {
      stop();
      return;
    }
    this.streams.add(stream);
    // The opening's id comes back as Last-Event-ID when the browser reconnects: on a followed
    // session the message count the page has (appended events carry theirs), elsewhere just 0.
    stream.open(`retry: ${RETRY_MS}\nid: ${count}\n\n`);
    // A page coming back after a dropped connection may have missed changes to the list.
    if (req.headers['last-event-id'] !== undefined) stream.event(SESSIONS_CHANGED_EVENT, { ids: [] });
  }

  /** Ends every stream and stops listening (the server is closing). */
  close(): void {
    clearInterval(this.heartbeat);
    for (const unsubscribe of this.unsubscribe) unsubscribe();
    for (const stream of this.streams) stream.end();
    this.streams.clear();
  }

  private broadcast(name: string, data: unknown): void {
    for (const stream of this.streams) stream.event(name, data);
  }
}
