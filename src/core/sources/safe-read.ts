// Reading another agent's files as hostile input, with the store's rule (regular-file.ts): only
// regular files are opened (non-blocking, so a FIFO or device under a session's name cannot hang
// the reader), and no read goes past the size fstat gave when the file was opened (a file that
// grows meanwhile is read up to that size; the next read takes the rest).
import fs, { type Stats } from 'node:fs';
import { promisify } from 'node:util';
import { NotRegularFileError, openRegularFd, openRegularSync } from '../regular-file';

const readFd = promisify(fs.read);
const closeFd = promisify(fs.close);

/** Files up to this size are read in one piece; larger ones in chunks. */
const CHUNK = 1 << 20;

/** An open regular file: its descriptor and the stats taken right after opening it. */
export interface RegularFile {
  fd: number;
  stats: Stats;
}

/** Runs `use` on the open regular file at `path`, closing it after. */
export async function withRegularFile<T>(path: string, use: (file: RegularFile) => Promise<T>): Promise<T> {
  const file = await openRegularFd(path);
  try {
    return await use(file);
  } finally {
    await closeFd(file.fd);
  }
}

/** Reads bytes [position, position + length) of an open file (fewer at its end). */
export async function readAt(fd: number, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.allocUnsafe(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await readFd(fd, buf, filled, length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return filled === length ? buf : buf.subarray(0, filled);
}

/** Spare read buffers (see withWholeFile), largest last. */
const spare: Buffer[] = [];
/** Spare buffers kept at most (about the number of files a list reads at once). */
const SPARE_COUNT = 16;
/** Buffers up to this size are kept for the next read; larger ones are left to the collector. */
const SPARE_MAX = 4 << 20;
/** The smallest buffer made for a read (so that one serves many small files). */
const SPARE_MIN = 256 << 10;

/** Calls `use` with the bytes of an open file up to `size`, read into a reused buffer: reading
 * thousands of files into a fresh buffer each costs about as much again as the reads (page faults
 * of new memory, collections). `use` must not keep the bytes, or anything that views them, past
 * its return: the buffer is handed to the next read. */
export async function withWholeFile<T>(fd: number, size: number, use: (bytes: Buffer) => T): Promise<T> {
  const at = spare.findIndex((b) => b.length >= size);
  const buffer = at >= 0 ? spare.splice(at, 1)[0]! : Buffer.allocUnsafeSlow(Math.max(size, SPARE_MIN));
  try {
    let filled = 0;
    while (filled < size) {
      const { bytesRead } = await readFd(fd, buffer, filled, size - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return use(buffer.subarray(0, filled));
  } finally {
    if (buffer.length <= SPARE_MAX) {
      spare.push(buffer);
      spare.sort((a, b) => a.length - b.length);
      if (spare.length > SPARE_COUNT) spare.shift();
    }
  }
}

/** The one buffer readWholeSync reads into (a scan thread reads one file at a time). */
let shared = Buffer.alloc(0);

/** Calls `use` with the bytes and stats of the regular file at `path`, read whole with blocking
 * calls into a buffer reused by the next call (for the scan threads, where nothing else waits
 * while a file is read, and a thread pool round trip per call would cost more than the read);
 * files larger than `max` are not read: `use` gets null. `use` must not keep the bytes. */
export function withWholeFileSync<T>(
  path: string,
  max: number,
  use: (bytes: Buffer | null, stats: Stats) => T,
): T {
  const { fd, stats } = openRegularSync(path);
  try {
    if (stats.size > max) return use(null, stats);
    if (shared.length < stats.size) shared = Buffer.allocUnsafeSlow(Math.max(stats.size, SPARE_MIN));
    let filled = 0;
    for (let n = -1; n !== 0 && filled < stats.size; filled += n)
      n = fs.readSync(fd, shared, filled, stats.size - filled, filled);
    return use(shared.subarray(0, filled), stats);
  } finally {
    fs.closeSync(fd);
  }
}

/** Calls `visit` with each line of `bytes` as [from, to) (without its newline) and whether a
 * newline ended it. */
export function forEachLine(
  bytes: Buffer,
  visit: (from: number, to: number, terminated: boolean) => void,
): void {
  for (let from = 0; from < bytes.length;) {
    let to = bytes.indexOf(10, from);
    const terminated = to >= 0;
    if (!terminated) to = bytes.length;
    visit(from, to, terminated);
    from = to + 1;
  }
}

/** One line: its bytes without the newline, 1-based number, whether a newline ended it, and the
 * byte offset where it starts. */
export type LineVisitor = (line: Buffer, lineNo: number, terminated: boolean, offset: number) => void;

/** Calls `visit` for each line of an open file from byte `start` up to `end` (its size when it
 * was opened); returns where the last complete line ended. Memory: a chunk plus the longest line. */
export async function visitLines(
  fd: number,
  start: number,
  end: number,
  visit: LineVisitor,
  firstLineNo = 1,
): Promise<{ completeTo: number; lineNo: number }> {
  let pending: Buffer[] = [];
  let lineNo = firstLineNo - 1;
  let lineStart = start;
  let position = start;
  let completeTo = start;
  while (position < end) {
    const chunk = await readAt(fd, position, Math.min(CHUNK, end - position));
    if (chunk.length === 0) break;
    let from = 0;
    for (let nl = chunk.indexOf(10); nl >= 0; nl = chunk.indexOf(10, from)) {
      const piece = chunk.subarray(from, nl);
      const line = pending.length ? Buffer.concat([...pending, piece]) : piece;
      pending = [];
      visit(line, ++lineNo, true, lineStart);
      from = nl + 1;
      lineStart = position + from;
      completeTo = lineStart;
    }
    if (from < chunk.length) pending.push(chunk.subarray(from));
    position += chunk.length;
  }
  if (pending.length) visit(Buffer.concat(pending), ++lineNo, false, lineStart);
  return { completeTo, lineNo };
}

/** Every line of the regular file at `path` (see visitLines); returns its stats as opened. */
export function forEachLineOf(path: string, visit: LineVisitor): Promise<Stats> {
  return withRegularFile(path, async ({ fd, stats }) => {
    await visitLines(fd, 0, stats.size, visit);
    return stats;
  });
}

/** The first `length` bytes of the regular file at `path`, with its stats. */
export function readHead(path: string, length: number): Promise<{ bytes: Buffer; stats: Stats }> {
  return withRegularFile(path, async ({ fd, stats }) => ({
    bytes: await readAt(fd, 0, Math.min(length, stats.size)),
    stats,
  }));
}

/** True for the errors a reader expects from a file that vanished or cannot be a session. */
export function isUnreadable(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return (
    error instanceof NotRegularFileError ||
    code === 'ENOENT' ||
    code === 'EISDIR' ||
    code === 'EACCES' ||
    code === 'EPERM' ||
    code === 'ENOTDIR' ||
    code === 'ELOOP' ||
    code === 'ENXIO'
  );
}
