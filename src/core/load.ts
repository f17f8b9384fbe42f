// Loads one session file with the reference's semantics (last meta wins, last cost wins, blank
// and bad lines skipped) but without its weak points: no line-length limit, damaged lines are
// counted and reported, and messages repeated by id (a known ggcode bug) are shown once.
import type { Cost, Message, Session } from '../shared/types';
import { goTimeFromMillis, isZeroTime } from '../shared/gotime';
import { goTrimSpace } from './gotrim';
import { forEachLine } from './lines';
import { decodeRecord } from './record';

/** How many skipped lines a session keeps details of (the count is always exact). */
const SKIPPED_DETAILS = 20;

/** An empty session with the given id, before any line is applied. */
export function emptySession(id: string): Session {
  return {
    id,
    title: '',
    vendor: '',
    endpoint: '',
    model: '',
    created_at: '',
    updated_at: '',
    messages: [],
    cost: null,
    usage: [],
    metrics: [],
    checkpoints: [],
    skipped_lines: 0,
    skipped: [],
    duplicate_messages: 0,
  };
}

/** Where a message's line sits in the file. */
export interface LineSpan {
  offset: number;
  length: number;
}

/** Receives each new message with its index in the session and its line's place in the file. */
export type MessageSink = (message: Message, index: number, span: LineSpan) => void;

/** Applies record lines, in file order, to a session. Shared by full loads and live tails. */
export class SessionBuilder {
  readonly session: Session;
  /** Messages applied so far (the next message's index). */
  count = 0;
  private readonly seenIds = new Set<string>();

  /** With `sink`, messages go there instead of into `session.messages`. `resume` continues a
   * file read before: its message count and the message ids already seen. */
  constructor(
    id: string,
    private readonly sink?: MessageSink,
    resume?: { count: number; seenIds: readonly string[] },
  ) {
    this.session = emptySession(id);
    if (resume) {
      this.count = resume.count;
      for (const seen of resume.seenIds) this.seenIds.add(seen);
    }
  }

  /** Message ids seen so far (for resuming later). */
  seen(): string[] {
    return [...this.seenIds];
  }

  private skip(line: number, reason: string): void {
    const s = this.session;
    s.skipped_lines++;
    if (s.skipped.length < SKIPPED_DETAILS) s.skipped.push({ line, reason });
  }

  /** Applies one line. Returns false when it was not a usable record (and was counted as skipped). */
  line(bytes: Buffer, lineNo: number, terminated: boolean, offset: number): boolean {
    let text: string;
    try {
      text = goTrimSpace(bytes.toString('utf8'));
    } catch {
      this.skip(lineNo, `line too long to decode (${bytes.length} bytes)`);
      return false;
    }
    if (text === '') return true;
    let rec;
    try {
      rec = decodeRecord(text);
    } catch (error) {
      const why = error instanceof SyntaxError ? 'invalid JSON' : (error as Error).message;
      this.skip(lineNo, terminated ? why : `torn last line (${why})`);
      return false;
    }
    const s = this.session;
    switch (rec.type) {
      case 'meta':
        s.title = rec.meta.title;
        s.vendor = rec.meta.vendor;
        s.endpoint = rec.meta.endpoint;
        s.model = rec.meta.model;
        s.created_at = rec.meta.created_at;
        s.updated_at = rec.meta.updated_at;
        if (rec.meta.workspace !== undefined) s.workspace = rec.meta.workspace;
        break;
      case 'message':
        if (!rec.message) break;
        if (rec.message.id !== undefined) {
          if (this.seenIds.has(rec.message.id)) {
            s.duplicate_messages++;
            break;
          }
          this.seenIds.add(rec.message.id);
        }
        if (this.sink) this.sink(rec.message, this.count, { offset, length: bytes.length });
        else s.messages.push(rec.message);
        this.count++;
        break;
      case 'cost':
        s.cost = rec.cost as Cost | null;
        // The last cost wins, stored text and all (a cost made in memory has none).
        if (rec.raw === undefined) delete s.cost_json;
        else s.cost_json = rec.raw;
        break;
      case 'usage':
        s.usage.push(rec.usage);
        break;
      case 'metric':
        s.metrics.push(rec.metric);
        break;
      case 'checkpoint':
        s.checkpoints.push({ after_messages: this.count, ...rec.checkpoint });
        break;
    }
    return true;
  }

  /** The session with the reference's time defaults: zero created -> the file's mtime, zero updated -> created. */
  finish(mtimeMs: number): Session {
    const s = this.session;
    if (isZeroTime(s.created_at)) s.created_at = goTimeFromMillis(Math.floor(mtimeMs));
    if (isZeroTime(s.updated_at)) s.updated_at = s.created_at;
    return s;
  }
}

/** Reads `<id>.jsonl` at `path` into a Session. Throws the fs error (ENOENT) when there is no file.
 * With `onMessage`, each message goes there instead of into `messages`, so a streaming consumer
 * (the export) never holds every message object at once. */
export async function loadSessionFile(path: string, id: string, onMessage?: MessageSink): Promise<Session> {
  const builder = new SessionBuilder(id, onMessage);
  const stats = await forEachLine(path, (bytes, lineNo, terminated, offset) => {
    builder.line(bytes, lineNo, terminated, offset);
  });
  return builder.finish(stats.mtimeMs);
}
