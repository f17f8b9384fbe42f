// Follows a session file as an agent appends to it: each read takes only the bytes added since
// the last one. A line still being written (no newline yet, not valid JSON) is kept back and
// retried once completed; a file replaced, truncated or rewritten (ggcode's Save) starts over.
import type { FileHandle } from 'node:fs/promises';
import type { Message, Session } from '../shared/types';
import { SessionBuilder, type LineSpan } from './load';
import { openRegular } from './regular-file';

/** What one read found. */
export interface TailUpdate {
  /** True when the file was replaced or rewritten: everything before is void; messages start at 0. */
  reset: boolean;
  /** Messages added since the previous read, with their indexes and lines. */
  messages: { message: Message; index: number; span: LineSpan }[];
  /** The session's state from the lines read since the tail started (or resumed); `messages` is empty. */
  session: Session;
}

/** Where a tail stands, to resume it in another run (the search index keeps this per file). */
export interface TailState {
  ino: number;
  offset: number;
  lineNo: number;
  count: number;
  seenIds: string[];
  /** Hex of the last bytes before `offset`: proves the file was only appended to. */
  signature: string;
}

const CHUNK = 1 << 20;
const SIGNATURE_BYTES = 64;

async function signatureAt(handle: FileHandle, offset: number): Promise<string> {
  const length = Math.min(SIGNATURE_BYTES, offset);
  const buf = Buffer.alloc(length);
  if (length > 0) await handle.read(buf, 0, length, offset - length);
  return buf.toString('hex');
}

/** Reads a growing session file incrementally. */
export class SessionTail {
  private builder: SessionBuilder;
  private added: TailUpdate['messages'] = [];
  private offset = 0;
  private lineNo = 0;
  private ino = -1;
  private signature = '';
  private mtimeMs = 0;

  constructor(
    private readonly path: string,
    private readonly id: string,
    resume?: TailState,
  ) {
    this.builder = this.newBuilder(resume);
    if (resume) {
      this.ino = resume.ino;
      this.offset = resume.offset;
      this.lineNo = resume.lineNo;
      this.signature = resume.signature;
    }
  }

  private newBuilder(resume?: TailState): SessionBuilder {
    const sink = (message: Message, index: number, span: LineSpan): void => {
      this.added.push({ message, index, span });
    };
    return new SessionBuilder(this.id, sink, resume && { count: resume.count, seenIds: resume.seenIds });
  }

  /** Where the tail stands now. */
  state(): TailState {
    const { ino, offset, lineNo, signature } = this;
    return { ino, offset, lineNo, signature, count: this.builder.count, seenIds: this.builder.seen() };
  }

  /** Reads what was appended since the last call, up to the size the file had when opened.
   * Throws ENOENT when the file is gone, NotRegularFileError when it is a FIFO, device, etc. */
  async read(): Promise<TailUpdate> {
    const { handle, stats } = await openRegular(this.path);
    let reset = false;
    try {
      const appended =
        stats.ino === this.ino &&
        stats.size >= this.offset &&
        (await signatureAt(handle, this.offset)) === this.signature;
      if (!appended) {
        reset = this.ino !== -1;
        this.ino = stats.ino;
        this.offset = 0;
        this.lineNo = 0;
        this.builder = this.newBuilder();
      }
      this.mtimeMs = stats.mtimeMs;
      await this.consume(handle, stats.size);
      this.signature = await signatureAt(handle, this.offset);
    } finally {
      await handle.close();
    }
    const messages = this.added;
    this.added = [];
    return { reset, messages, session: this.snapshot() };
  }

  // Applies every complete line in [offset, size); a final unterminated line only if it is
  // already a valid record (a file may simply lack its last newline).
  private async consume(handle: FileHandle, size: number): Promise<void> {
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

  // The builder's session with the reference's time defaults, as a copy: later reads must
  // still see the meta times as stored.
  private snapshot(): Session {
    const copy = new SessionBuilder(this.id);
    Object.assign(copy.session, this.builder.session, { messages: [] });
    return copy.finish(this.mtimeMs);
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
