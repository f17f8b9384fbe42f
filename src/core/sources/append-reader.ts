// Reads a growing file line by line, each call taking only the bytes added since the last one
// (the same rules as the store's SessionTail, for other sources' files): a line still being
// written is kept back until it is complete; a file replaced, truncated or rewritten is read
// again from its start, and the caller is told so (`reset`).
import type { Stats } from 'node:fs';
import { readAt, visitLines, withRegularFile } from './safe-read';

const SIGNATURE_BYTES = 64;

/** What one read saw. */
export interface AppendRead {
  /** True when the file was not just appended to: the lines given start from its beginning. */
  reset: boolean;
  stats: Stats;
}

function isCompleteObject(bytes: Buffer): boolean {
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

/** Follows one file. */
export class AppendReader {
  private ino = -1;
  private offset = 0;
  private lineNo = 0;
  private signature = '';

  constructor(private readonly path: string) {}

  /** Calls `line` for each complete line added since the last read (all of them when `reset`).
   * `onReset` runs before the first line of a fresh pass. Throws ENOENT when the file is gone. */
  read(
    line: (bytes: Buffer, lineNo: number, terminated: boolean) => void,
    onReset: () => void,
  ): Promise<AppendRead> {
    return withRegularFile(this.path, async ({ fd, stats }) => {
      const sig = async (at: number) =>
        (await readAt(fd, Math.max(0, at - SIGNATURE_BYTES), Math.min(at, SIGNATURE_BYTES))).toString('hex');
      const appended =
        stats.ino === this.ino && stats.size >= this.offset && (await sig(this.offset)) === this.signature;
      const reset = !appended && this.ino !== -1;
      if (!appended) {
        this.ino = stats.ino;
        this.offset = 0;
        this.lineNo = 0;
        onReset();
      }
      let pending: { bytes: Buffer; lineNo: number; offset: number } | null = null;
      const { completeTo, lineNo } = await visitLines(
        fd,
        this.offset,
        stats.size,
        (bytes, n, terminated, offset) => {
          if (terminated) line(bytes, n, true);
          else pending = { bytes: Buffer.from(bytes), lineNo: n, offset };
        },
        this.lineNo + 1,
      );
      this.offset = completeTo;
      this.lineNo = pending ? lineNo - 1 : lineNo;
      const last = pending as { bytes: Buffer; lineNo: number; offset: number } | null;
      // A file may simply lack its last newline: a last line that is already whole is taken.
      if (last && isCompleteObject(last.bytes)) {
        line(last.bytes, last.lineNo, false);
        this.offset = last.offset + last.bytes.length;
        this.lineNo = last.lineNo;
      }
      this.signature = await sig(this.offset);
      return { reset, stats };
    });
  }
}
