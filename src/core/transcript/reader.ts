// Reads one session file for the transcript pane, page by page: a scan goes through the file once
// (keeping only where each message's line is, how calls pair with results, the user's prompts and
// the session's facts), and a page is read from those lines when asked for. The first page is
// answered as soon as the scan has passed it, so opening a long session does not wait for the
// whole file; later pages wait only for the scan to reach them. A file that grows is scanned on
// from where the last scan stopped.
import { open, stat, type FileHandle } from 'node:fs/promises';
import { ToolPairing } from '../../shared/tool-pairing';
import type {
  BlockRef,
  ImageData,
  MessageMetric,
  OutlineEntry,
  TranscriptMessage,
  TranscriptOutline,
  TranscriptPage,
  TranscriptSession,
  TextPiece,
} from '../../shared/transcript';
import type { Message, Session, SkippedLine } from '../../shared/types';
import { SessionBuilder } from '../load';
import { decodeRecord } from '../record';
import { withSummaryIndex } from './full-page';
import { applyCuts } from './apply-cuts';
import { LineCutter, decodeStringContent, safeEnd, type CutString } from './line-cutter';
import { wireMessage } from './wire-message';

const CHUNK = 1 << 20;
/** A page stops growing past this many bytes of lines (it always holds at least one message). */
export const PAGE_BYTES = 2 * 1024 * 1024;
/** A page waits for the scan to pass this many messages beyond it, so its calls' results are known. */
const LOOKAHEAD = 16;
/** A line longer than this many bytes is never held whole: its long strings are cut (see
 * line-cutter) and their rest read on demand. */
export const HUGE_LINE_BYTES = 8 * 1024 * 1024;
/** Most bytes of a cut string one `text` request reads. */
export const TEXT_PIECE_BYTES = 1024 * 1024;
/** Longest outline label, in characters. */
const LABEL_CHARS = 100;

const key = (ref: BlockRef) => `${ref.message}.${ref.block}`;

function outlineLabel(message: Message): string | null {
  if (message.role !== 'user' || message.content.some((b) => b.type === 'tool_result')) return null;
  const text = message.content.find(
    (b) => b.type === 'text' && typeof b.text === 'string' && b.text.trim() !== '',
  );
  const line = text?.text?.trim().split('\n', 1)[0] ?? '';
  if (line === '') return null;
  return line.length > LABEL_CHARS ? `${line.slice(0, LABEL_CHARS)}…` : line;
}

/** Why a reader cannot go on: the file is no longer the one it read. */
export class FileReplacedError extends Error {}

/** One reading of one session file. */
export class TranscriptReader {
  /** Names this reading; pages of an older reading of the same file carry another. */
  readonly version: string;
  private readonly builder: SessionBuilder;
  private readonly offsets: number[] = [];
  private readonly lengths: number[] = [];
  private readonly pairing = new ToolPairing();
  private readonly resultOf = new Map<string, BlockRef>();
  private readonly callOf = new Map<string, BlockRef>();
  private readonly metrics = new Map<number, MessageMetric[]>();
  private readonly ids = new Map<string, number>();
  private readonly outlineEntries: OutlineEntry[] = [];
  /** The strings cut from each huge message line, by message index. */
  private readonly cutsOf = new Map<number, CutString[]>();
  /** The huge line being applied: its true length and cuts. */
  private hugeLine: { length: number; cuts: CutString[] } | null = null;
  private offset = 0;
  private lineNo = 0;
  private mtimeMs = 0;
  private done = false;
  private scan: Promise<void> | null = null;
  private failure: unknown = null;
  private waiters: { count: number; resolve: () => void }[] = [];
  /** A last line without a newline that is not a record: damaged, unless it is still being
   * written (the next scan then reads it whole). */
  private torn: SkippedLine | null = null;

  constructor(
    private readonly path: string,
    id: string,
    private readonly ino: number,
    generation: number,
  ) {
    this.version = `${ino}.${generation}`;
    this.builder = new SessionBuilder(id, (message, index, span) =>
      this.take(message, index, span.offset, span.length),
    );
  }

  /** Messages found so far. */
  get count(): number {
    return this.builder.count;
  }

  /** Starts (or goes on with) the scan if the file grew since; throws FileReplacedError when it
   * was replaced or shrank. */
  async refresh(): Promise<void> {
    const stats = await stat(this.path);
    if (stats.ino !== this.ino || stats.size < this.offset) throw new FileReplacedError(this.path);
    this.mtimeMs = stats.mtimeMs;
    if (this.scan === null && (stats.size > this.offset || !this.done)) {
      this.done = false;
      this.scan = this.run(stats.size).finally(() => (this.scan = null));
    }
  }

  /** Waits until the scan has `count` messages, or has reached the end of the file. */
  async until(count: number): Promise<void> {
    if (this.done || this.count >= count) return this.check();
    await new Promise<void>((resolve) => this.waiters.push({ count, resolve }));
    this.check();
  }

  /** Messages `from` up to `to` (fewer when they pass PAGE_BYTES or the end), with the session. */
  async page(from: number, to: number): Promise<TranscriptPage> {
    await this.until(to + LOOKAHEAD);
    const end = Math.min(to, this.count);
    const messages = from < end ? await this.read(from, end) : [];
    return {
      version: this.version,
      session: this.session(),
      total: this.count,
      complete: this.done,
      messages,
    };
  }

  /** The final count, facts and prompts, once the scan has read the whole file. */
  async outline(): Promise<TranscriptOutline> {
    await this.until(Number.MAX_SAFE_INTEGER);
    return {
      version: this.version,
      session: this.session(),
      total: this.count,
      outline: [...this.outlineEntries],
    };
  }

  /** The data of image `image` (-1: the block's own) of block `block` of message `index`. */
  async image(index: number, block: number, image: number): Promise<ImageData> {
    await this.until(index + 1);
    if (index >= this.count) throw new Error(`message ${index} not found`);
    const { message, cuts } = await this.stored(index);
    const at = wireMessage(message, index).blocks[block]?.source ?? -1;
    const source = message.content[at];
    const found =
      image === -1 ? { mime: source?.image_mime, data: source?.image_data } : source?.images?.[image];
    if (typeof found?.mime !== 'string' || typeof found.data !== 'string') {
      throw new Error(`message ${index} has no image ${image} in block ${block}`);
    }
    // An image of a huge line was cut like any long string: its data is read from the file.
    const path = ['message', 'content', at, ...(image === -1 ? ['image_data'] : ['images', image, 'data'])];
    const cut = cuts.find((c) => c.path?.join('\0') === path.join('\0'));
    const data = cut ? decodeStringContent(await this.bytes(cut.start, cut.end)) : found.data;
    return { mime: found.mime, data };
  }

  private check(): void {
    if (this.failure !== null) throw this.failure;
  }

  private wake(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const waiter of waiting) {
      if (this.done || this.count >= waiter.count) waiter.resolve();
      else this.waiters.push(waiter);
    }
  }

  private take(message: Message, index: number, offset: number, length: number): void {
    this.offsets.push(offset);
    this.lengths.push(this.hugeLine?.length ?? length);
    if (this.hugeLine) this.cutsOf.set(index, this.hugeLine.cuts);
    if (message.id !== undefined) this.ids.set(message.id, index);
    const label = outlineLabel(message);
    if (label !== null) this.outlineEntries.push({ index, label });
    for (const { call, result } of this.pairing.add(wireMessage(message, index))) {
      this.resultOf.set(key(call), result);
      this.callOf.set(key(result), call);
    }
  }

  // Applies every complete line in [offset, size); a final line without a newline only when it is
  // already a whole record (it may be one still being written).
  private async run(size: number): Promise<void> {
    let handle: FileHandle | null = null;
    try {
      handle = await open(this.path, 'r');
      let pending: Buffer[] = [];
      let pendingBytes = 0;
      // Set once the line being read passes HUGE_LINE_BYTES: it is cut as it is read.
      let cutter: LineCutter | null = null;
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
          if (cutter) {
            cutter.feed(piece, position + start);
            this.applyCut(cutter, true, lineStart, position + nl - lineStart);
            cutter = null;
          } else {
            this.apply(pending.length ? Buffer.concat([...pending, piece]) : piece, true, lineStart);
          }
          pending = [];
          pendingBytes = 0;
          start = nl + 1;
          lineStart = position + start;
          this.offset = lineStart;
        }
        if (start < chunk.length) {
          const rest = chunk.subarray(start);
          if (cutter) cutter.feed(rest, position + start);
          else {
            pending.push(rest);
            pendingBytes += rest.length;
            if (pendingBytes > HUGE_LINE_BYTES) {
              cutter = new LineCutter();
              let at = lineStart;
              for (const held of pending) {
                cutter.feed(held, at);
                at += held.length;
              }
              pending = [];
            }
          }
        }
        position += bytesRead;
        this.wake();
      }
      this.torn = null;
      if (pending.length > 0 || cutter) {
        const length = position - lineStart;
        const last = cutter ? cutter.finish() : Buffer.concat(pending);
        if (isWholeRecord(last)) {
          if (cutter) this.applyCut(cutter, false, lineStart, length, last);
          else this.apply(last, false, lineStart);
          this.offset = lineStart + length;
        } else {
          const probe = new SessionBuilder(this.builder.session.id);
          probe.line(last, this.lineNo + 1, false, lineStart);
          this.torn = probe.session.skipped[0] ?? null;
        }
      }
      this.done = true;
    } catch (error) {
      this.failure = error;
      this.done = true;
    } finally {
      await handle?.close();
      this.wake();
    }
  }

  private apply(line: Buffer, terminated: boolean, offset: number): void {
    const metricsBefore = this.builder.session.metrics.length;
    this.builder.line(line, ++this.lineNo, terminated, offset);
    const metrics = this.builder.session.metrics;
    if (metrics.length > metricsBefore && this.count > 0) {
      const event = metrics[metrics.length - 1]!;
      if (typeof event.duration === 'number' && typeof event.type === 'string') {
        const list = this.metrics.get(this.count - 1) ?? [];
        list.push({ type: event.type, duration: event.duration });
        this.metrics.set(this.count - 1, list);
      }
    }
  }

  // Applies a huge line from its cut form (`shrunk`, or the cutter's result), minding its true length.
  private applyCut(
    cutter: LineCutter,
    terminated: boolean,
    offset: number,
    length: number,
    shrunk?: Buffer,
  ): void {
    this.hugeLine = { length, cuts: cutter.cuts };
    try {
      this.apply(shrunk ?? cutter.finish(), terminated, offset);
    } finally {
      this.hugeLine = null;
    }
  }

  // Bytes [start, end) of the file.
  private async bytes(start: number, end: number): Promise<Buffer> {
    const buffer = Buffer.allocUnsafe(end - start);
    const handle = await open(this.path, 'r');
    try {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, start);
      if (bytesRead < buffer.length) throw new FileReplacedError(this.path);
    } finally {
      await handle.close();
    }
    return buffer;
  }

  // Message `index` as stored, its long strings cut when its line is huge (with where they are).
  private async stored(index: number): Promise<{ message: Message; cuts: CutString[] }> {
    const start = this.offsets[index]!;
    const end = start + this.lengths[index]!;
    let text: string;
    let cuts: CutString[] = [];
    // Cut exactly the lines the scan cut (it knows a line is huge only past HUGE_LINE_BYTES).
    if (this.cutsOf.has(index)) {
      // Read in chunks through a cutter, so neither the line nor its long strings are ever held.
      const cutter = new LineCutter();
      for (let at = start; at < end; at += CHUNK)
        cutter.feed(await this.bytes(at, Math.min(end, at + CHUNK)), at);
      text = cutter.finish().toString('utf8');
      cuts = cutter.cuts;
    } else {
      text = (await this.bytes(start, end)).toString('utf8');
    }
    const record = decodeRecord(text.trim());
    if (record.type !== 'message' || !record.message) throw new FileReplacedError(this.path);
    return { message: record.message, cuts };
  }

  /** The piece of a cut string of message `index` that starts at byte `from` (a `next` the reader
   * gave): at most TEXT_PIECE_BYTES of it, and where the piece after it starts (null at its end). */
  async text(index: number, from: number): Promise<TextPiece> {
    await this.until(index + 1);
    this.check();
    const cut = this.cutsOf.get(index)?.find((c) => c.next <= from && from <= c.end);
    if (!cut) throw new Error(`message ${index} has no cut text at ${from}`);
    const raw = await this.bytes(from, Math.min(cut.end, from + TEXT_PIECE_BYTES));
    const take = from + raw.length === cut.end ? raw.length : safeEnd(raw, raw.length);
    const next = from + take;
    return { text: decodeStringContent(raw.subarray(0, take)), next: next < cut.end ? next : null };
  }

  // Reads the lines of messages [from, to) in one go (up to PAGE_BYTES) and builds their blocks.
  private async read(from: number, to: number): Promise<TranscriptMessage[]> {
    if (this.cutsOf.has(from)) {
      const { message, cuts } = await this.stored(from);
      return [this.annotate(applyCuts(wireMessage(message, from), cuts))];
    }
    let end = from + 1;
    const start = this.offsets[from]!;
    while (end < to && this.offsets[end]! + this.lengths[end]! - start <= PAGE_BYTES) end++;
    const last = end - 1;
    const buffer = await this.bytes(start, this.offsets[last]! + this.lengths[last]!);
    const messages: TranscriptMessage[] = [];
    for (let index = from; index < end; index++) {
      const at = this.offsets[index]! - start;
      const record = decodeRecord(buffer.toString('utf8', at, at + this.lengths[index]!).trim());
      if (record.type !== 'message' || !record.message) throw new FileReplacedError(this.path);
      messages.push(this.annotate(wireMessage(record.message, index)));
    }
    return messages;
  }

  private annotate(message: TranscriptMessage): TranscriptMessage {
    message.blocks.forEach((block, index) => {
      const ref = { message: message.index, block: index };
      if (block.kind === 'tool_call') block.result = this.resultOf.get(key(ref)) ?? null;
      else if (block.kind === 'tool_result') block.call = this.callOf.get(key(ref)) ?? null;
    });
    const metrics = this.metrics.get(message.index);
    if (metrics) message.metrics = metrics;
    return message;
  }

  // The facts so far, with the reference's time defaults applied to a copy.
  private session(): TranscriptSession {
    const copy = new SessionBuilder(this.builder.session.id);
    Object.assign(copy.session, this.builder.session, { messages: [] });
    const { messages: _none, ...facts }: Session = copy.finish(this.mtimeMs);
    if (this.torn) {
      facts.skipped_lines += 1;
      facts.skipped = [...facts.skipped, this.torn];
    }
    return {
      ...facts,
      msg_count: this.count,
      checkpoints: withSummaryIndex(facts.checkpoints, (id) => this.ids.get(id)),
    };
  }
}

function isWholeRecord(bytes: Buffer): boolean {
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
