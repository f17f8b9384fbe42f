// Follows a session file as an agent appends to it: each read takes only the bytes added since
// the last one. A line still being written (no newline yet, not valid JSON) is kept back and
// retried once completed; a file replaced or truncated (ggcode's Save) starts over.
import { open } from 'node:fs/promises';
import type { Message, Session } from '../shared/types';
import { SessionBuilder, type LineSpan } from './load';

/** What one read found. */
export interface TailUpdate {
  /** True when the file was replaced or shrank: everything before is void; messages start at 0. */
  reset: boolean;
  /** Messages added since the previous read, with their indexes and lines. */
  messages: { message: Message; index: number; span: LineSpan }[];
  /** The session's state after this read (meta, cost, checkpoints, counts); `messages` is empty. */
  session: Session;
  /** Bytes of the file consumed so far. */
  offset: number;
}

const CHUNK = 1 << 20;

/** Reads a growing session file incrementally. */
export class SessionTail {
  private builder: SessionBuilder;
  private added: TailUpdate['messages'] = [];
  private offset = 0;
  private lineNo = 0;
  private ino = -1;
  private mtimeMs = 0;

  constructor(
    private readonly path: string,
    private readonly id: string,
  ) {
    this.builder = this.newBuilder();
  }

  private newBuilder(): SessionBuilder {
    return new SessionBuilder(this.id, (message, index, span) => this.added.push({ message, index, span }));
  }

  /** Reads what was appended since the last call. Throws ENOENT when the file is gone. */
  async read(): Promise<TailUpdate> {
    const handle = await open(this.path, 'r');
    let reset = false;
    try {
      const stats = await handle.stat();
      if (stats.ino !== this.ino || stats.size < this.offset) {
        reset = this.ino !== -1;
        this.ino = stats.ino;
        this.offset = 0;
        this.lineNo = 0;
        this.builder = this.newBuilder();
      }
      this.mtimeMs = stats.mtimeMs;
      await this.consume(handle, stats.size);
    } finally {
      await handle.close();
    }
    const messages = this.added;
    this.added = [];
    const session = { ...this.builder.session, messages: [] };
    return { reset, messages, session: finishCopy(session, this.mtimeMs), offset: this.offset };
  }

  // Applies every complete line in [offset, size); a final unterminated line only if it is
  // already a valid record (a file may simply lack its last newline).
  private async consume(handle: Awaited<ReturnType<typeof open>>, size: number): Promise<void> {
    let pending: Buffer[] = [];
    let position = this.offset;
    let lineStart = this.offset;
    while (position < size) {
      const buf = Buffer.allocUnsafe(Math.min(CHUNK, size - position));
      const { bytesRead } = await handle.read(buf, 0, buf.length, position);
      if (bytesRead === 0) break;
      const chunk = buf.subarray(0, bytesRead);
      let start = 0;
      for (let nl = chunk.indexOf(10); nl >= 0; nl = chunk.indexOf(10, start)) {
        const piece = chunk.subarray(start, nl);
        const line = pending.length ? Buffer.concat([...pending, piece]) : piece;
        pending = [];
        this.builder.line(line, ++this.lineNo, true, lineStart);
        start = nl + 1;
        lineStart = position + start;
        this.offset = lineStart;
      }
      if (start < chunk.length) pending.push(chunk.subarray(start));
      position += bytesRead;
    }
    if (pending.length === 0) return;
    const last = Buffer.concat(pending);
    if (isCompleteRecord(last)) {
      this.builder.line(last, ++this.lineNo, false, lineStart);
      this.offset = lineStart + last.length;
    }
  }
}

function isCompleteRecord(bytes: Buffer): boolean {
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

// The builder's time defaults applied to a copy, so later reads still see the raw meta times.
function finishCopy(session: Session, mtimeMs: number): Session {
  const copy = new SessionBuilder(session.id);
  Object.assign(copy.session, session);
  return copy.finish(mtimeMs);
}
