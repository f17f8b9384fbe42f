// Shrinks one record line too long to decode whole (a tool output of hundreds of megabytes): every
// string in it longer than a bounded head keeps only that head, and where the rest lies in the
// file is noted, so the line decodes (and draws) without its huge strings ever being held. The line
// is fed in chunks as it is read, so it need not be in memory either.

/** Where a value is in a record: object keys and array indexes from the top. */
export type JsonPath = (string | number)[];

/** A string that was cut: its content (JSON-escaped, as stored) spans [start, end) in the file,
 * and the head kept ends at `next`. */
export interface CutString {
  /** null when it lies deeper than the cutter follows. */
  path: JsonPath | null;
  start: number;
  next: number;
  end: number;
}

/** Bytes kept of a cut string. */
export const HEAD_BYTES = 64 * 1024;
/** Nesting followed for paths; deeper lines are refused by the record decoder anyway. */
const MAX_FRAMES = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

interface Frame {
  array: boolean;
  key: string | null;
  index: number;
  expectKey: boolean;
}

/** The length of the longest start of `raw` (JSON string content, itself maybe the start of a
 * longer one) that is at most `max` bytes and ends between two characters: never inside an escape
 * or a UTF-8 sequence. */
export function safeEnd(raw: Buffer, max: number): number {
  const limit = Math.min(max, raw.length);
  let at = 0;
  while (at < limit) {
    const byte = raw[at]!;
    let step: number;
    if (byte === BACKSLASH) step = raw[at + 1] === 0x75 ? 6 : 2;
    else if (byte >= 0xf0) step = 4;
    else if (byte >= 0xe0) step = 3;
    else if (byte >= 0xc0) step = 2;
    else step = 1;
    if (at + step > limit) return at;
    at += step;
  }
  return at;
}

/** Cuts the long strings of one line fed to it chunk by chunk (see the file's comment). */
export class LineCutter {
  /** The strings cut so far, in file order. */
  readonly cuts: CutString[] = [];
  private readonly out: Buffer[] = [];
  private readonly frames: Frame[] = [];
  private depth = 0;
  private inString = false;
  private escaped = false;
  private stringStart = 0;
  private isKey = false;
  private kept: Buffer[] = [];
  private keptBytes = 0;
  private cutting = false;

  constructor(private readonly head = HEAD_BYTES) {}

  /** Takes the next bytes of the line; `at` is the file offset of `chunk[0]`. */
  feed(chunk: Buffer, at: number): void {
    let i = 0;
    let copyFrom = 0;
    // Next quote and backslash at or after the scan point, found once each per chunk position.
    let quote = -2;
    let backslash = -2;
    while (i < chunk.length) {
      if (this.inString) {
        let j = i;
        let endAt = -1;
        while (j < chunk.length) {
          if (this.escaped) {
            this.escaped = false;
            j++;
            continue;
          }
          if (quote !== -1 && quote < j) quote = chunk.indexOf(QUOTE, j);
          if (backslash !== -1 && backslash < j) backslash = chunk.indexOf(BACKSLASH, j);
          if (backslash >= 0 && (quote < 0 || backslash < quote)) {
            this.escaped = true;
            j = backslash + 1;
            continue;
          }
          if (quote >= 0) endAt = quote;
          break;
        }
        this.keep(chunk, i, endAt >= 0 ? endAt : chunk.length);
        if (endAt < 0) return;
        this.endString(at + endAt);
        i = endAt + 1;
        copyFrom = i;
        continue;
      }
      switch (chunk[i]) {
        case QUOTE:
          this.emit(chunk.subarray(copyFrom, i));
          this.startString(at + i + 1);
          break;
        case 0x7b: // {
          this.open(false);
          break;
        case 0x5b: // [
          this.open(true);
          break;
        case 0x2c: {
          // ,
          const top = this.top();
          if (top?.array) top.index++;
          else if (top) top.expectKey = true;
          break;
        }
        case 0x7d: // }
        case 0x5d: // ]
          if (this.depth > 0 && this.depth-- <= MAX_FRAMES) this.frames.pop();
          break;
      }
      i++;
    }
    if (!this.inString) this.emit(chunk.subarray(copyFrom));
  }

  /** The line with its long strings cut (an unterminated string is closed as it is: the line is
   * not valid JSON then, and decoding it says so). */
  finish(): Buffer {
    if (this.inString) this.out.push(...this.kept);
    return Buffer.concat(this.out);
  }

  private top(): Frame | undefined {
    return this.depth <= MAX_FRAMES ? this.frames[this.frames.length - 1] : undefined;
  }

  private open(array: boolean): void {
    this.depth++;
    if (this.depth <= MAX_FRAMES) this.frames.push({ array, key: null, index: 0, expectKey: !array });
  }

  private emit(bytes: Buffer): void {
    if (bytes.length > 0) this.out.push(Buffer.from(bytes));
  }

  private startString(start: number): void {
    const top = this.top();
    this.inString = true;
    this.escaped = false;
    this.isKey = top !== undefined && !top.array && top.expectKey;
    this.stringStart = start;
    this.kept = [];
    this.keptBytes = 0;
    this.cutting = false;
  }

  // Keeps bytes [from, to) of the string's content while it still fits the head (plus a little, so
  // a string exactly `head` bytes long is told from a longer one).
  private keep(chunk: Buffer, from: number, to: number): void {
    if (this.cutting) return;
    const room = this.head + 1 - this.keptBytes;
    const take = Math.min(room, to - from);
    this.kept.push(Buffer.from(chunk.subarray(from, from + take)));
    this.keptBytes += take;
    if (this.keptBytes > this.head) this.cutting = true;
  }

  private endString(end: number): void {
    let content = Buffer.concat(this.kept);
    this.kept = [];
    this.inString = false;
    if (this.cutting) {
      content = content.subarray(0, safeEnd(content, this.head));
      this.cuts.push({
        path: this.isKey ? null : this.path(),
        start: this.stringStart,
        next: this.stringStart + content.length,
        end,
      });
    }
    this.out.push(Buffer.from([QUOTE]), content, Buffer.from([QUOTE]));
    const top = this.top();
    if (this.isKey && top) {
      top.key = decodeKey(content);
      top.expectKey = false;
    }
  }

  private path(): JsonPath | null {
    if (this.depth > MAX_FRAMES) return null;
    return this.frames.map((frame) => (frame.array ? frame.index : (frame.key ?? '')));
  }
}

function decodeKey(content: Buffer): string {
  try {
    return JSON.parse(`"${content.toString('utf8')}"`) as string;
  } catch {
    return content.toString('utf8');
  }
}

/** Decodes the JSON-escaped string content `raw` (as stored between the quotes). */
export function decodeStringContent(raw: Buffer): string {
  return JSON.parse(`"${raw.toString('utf8')}"`) as string;
}
