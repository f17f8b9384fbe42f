// The page's side of find: a worker per open session (in the page itself where there are no
// workers), fed the session's messages as it asks for them, told each query, and asked for a
// match when the reader steps to it.
import type { TranscriptData } from '../../model/transcript-data';
import type { FindMatch, FindProgress } from './find-engine';
import { FindHost } from './find-host';
import type { FromFindWorker, ToFindWorker } from './find-protocol';
import type { Section } from './find-sections';

/** A match and the section it is in. */
export interface FoundMatch {
  match: FindMatch;
  section: Section;
}

/** How the client talks to its worker (or to a host in the page). */
interface Channel {
  post(message: ToFindWorker): void;
  close(): void;
}

function workerChannel(receive: (message: FromFindWorker) => void): Channel {
  if (typeof Worker === 'undefined') {
    // Answers go out as tasks, as a worker's would.
    const host = new FindHost((message) => setTimeout(() => receive(message)));
    return { post: (message) => host.receive(message), close: () => undefined };
  }
  const worker = new Worker(new URL('./find.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<FromFindWorker>) => receive(event.data);
  return { post: (message) => worker.postMessage(message), close: () => worker.terminate() };
}

/** Find over one session's data. */
export class FindClient {
  private readonly channel: Channel;
  private runs = 0;
  private current = 0;
  private onProgress: ((progress: FindProgress) => void) | null = null;
  private requests = 0;
  private opened = false;
  private readonly waiting = new Map<number, (found: FoundMatch | null) => void>();
  private readonly unsubscribe: () => void;
  private told: { total: number; checkpoints: unknown; text: string } = {
    total: -1,
    checkpoints: null,
    text: '',
  };

  constructor(private readonly data: TranscriptData) {
    this.channel = workerChannel((message) => this.receive(message));
    this.tell();
    this.unsubscribe = data.subscribe(() => this.tell());
  }

  /** Find is open: the worker loads every message (made ahead, it has only the first ones). */
  open(): void {
    if (this.opened) return;
    this.opened = true;
    this.channel.post({ type: 'open' });
  }

  /** Starts searching for `query`; `onProgress` hears its counts until the next search. */
  search(query: string, caseSensitive: boolean, onProgress: (progress: FindProgress) => void): void {
    this.current = ++this.runs;
    this.onProgress = onProgress;
    this.channel.post({ type: 'query', run: this.current, query, caseSensitive });
  }

  /** Stops hearing the current search (it is dropped by the next one). */
  stop(): void {
    this.onProgress = null;
  }

  /** Match `index` of the current search, with its section (null when there is none). */
  match(index: number): Promise<FoundMatch | null> {
    const request = ++this.requests;
    return new Promise((resolve) => {
      this.waiting.set(request, resolve);
      this.channel.post({ type: 'match', request, run: this.current, index });
    });
  }

  /** Ends the worker. */
  close(): void {
    this.unsubscribe();
    this.channel.close();
    for (const resolve of this.waiting.values()) resolve(null);
    this.waiting.clear();
  }

  // Tells the worker the session's count and checkpoints when they changed (the facts come anew
  // with each page: their checkpoints are compared by content, as the worker searches them again).
  private tell(): void {
    const { total } = this.data;
    const { checkpoints } = this.data.session;
    if (total === this.told.total && checkpoints === this.told.checkpoints) return;
    const text = checkpoints === this.told.checkpoints ? this.told.text : JSON.stringify(checkpoints);
    if (total === this.told.total && text === this.told.text) return;
    this.told = { total, checkpoints, text };
    this.channel.post({ type: 'session', total, checkpoints });
  }

  private receive(message: FromFindWorker): void {
    switch (message.type) {
      case 'fetch':
        this.data.fetchPage(message.from, message.to).then(
          (page) => this.channel.post({ type: 'page', request: message.request, page }),
          (error: unknown) =>
            this.channel.post({ type: 'page', request: message.request, error: String(error) }),
        );
        break;
      case 'text':
        this.data.fetchText(message.message, message.from).then(
          (piece) => this.channel.post({ type: 'piece', request: message.request, piece }),
          (error: unknown) =>
            this.channel.post({ type: 'piece', request: message.request, error: String(error) }),
        );
        break;
      case 'progress':
        if (message.run === this.current) this.onProgress?.(message);
        break;
      case 'match':
        this.waiting.get(message.request)?.(message.found);
        this.waiting.delete(message.request);
        break;
    }
  }
}
