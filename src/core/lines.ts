// Reads a file line by line in chunks, with no limit on a line's length (the reference gives up
// on a whole session past 10 MiB). Memory is the chunk plus the longest line. Only a regular file
// is read, and only as far as its size when opened: a FIFO or /dev/zero never reaches here.
import type { Stats } from 'node:fs';
import { openRegular } from './regular-file';

const CHUNK = 1 << 20;

/** One line: its bytes without the newline, 1-based number, whether a newline ended it, and
 * the byte offset where it starts. */
export type LineVisitor = (line: Buffer, lineNo: number, terminated: boolean, offset: number) => void;

/** Calls `visit` for every line of the file at `path`; returns the file's stats as read. Throws
 * NotRegularFileError for anything but a regular file. */
export async function forEachLine(path: string, visit: LineVisitor): Promise<Stats> {
  const { handle, stats } = await openRegular(path);
  let next: Promise<Buffer> | null = null;
  try {
    let pending: Buffer[] = [];
    let lineNo = 0;
    let lineStart = 0;
    let position = 0;
    // Bytes appended after the open are left for the next read (a live tail picks them up). The
    // next chunk is read while this one is split, so the thread pool's round trip overlaps work.
    const readAt = async (at: number): Promise<Buffer> => {
      const size = Math.min(CHUNK, stats.size - at);
      const buf = Buffer.allocUnsafe(size);
      const { bytesRead } = await handle.read(buf, 0, size, at);
      return buf.subarray(0, bytesRead);
    };
    next = position < stats.size ? readAt(position) : null;
    while (next) {
      const chunk = await next;
      if (chunk.length === 0) break;
      const after = position + chunk.length;
      next = after < stats.size ? readAt(after) : null;
      let start = 0;
      for (let nl = chunk.indexOf(10, start); nl >= 0; nl = chunk.indexOf(10, start)) {
        const piece = chunk.subarray(start, nl);
        const line = pending.length ? Buffer.concat([...pending, piece]) : piece;
        pending = [];
        visit(line, ++lineNo, true, lineStart);
        start = nl + 1;
        lineStart = position + start;
      }
      if (start < chunk.length) pending.push(chunk.subarray(start));
      position = after;
    }
    if (pending.length) visit(Buffer.concat(pending), ++lineNo, false, lineStart);
    return stats;
  } finally {
    // A visitor that threw leaves a read in flight: let it land before the file is closed.
    await next?.catch(() => undefined);
    await handle.close();
  }
}
