// Reading another agent's files as hostile input, with the store's rule (regular-file.ts): only
// regular files are opened (non-blocking, so a FIFO or device under a session's name cannot hang
// the reader), and no read goes past the size fstat gave when the file was opened (a file that
// grows meanwhile is read up to that size; the next read takes the rest).
import fs, { type Stats } from 'node:fs';
import { promisify } from 'node:util';
import { NotRegularFileError, openRegularFd } from '../regular-file';

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
