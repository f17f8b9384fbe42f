// The transcript readers of one store: one per session file recently opened (a few are kept, the
// least recently used go first), each checked against the file on every request, so a file that
// grew is read on and a file that was replaced gets a fresh reading.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { SessionNotFoundError } from '../errors';
import { assertValidId } from '../ids';
import { FileReplacedError, TranscriptReader } from './reader';

/** Readers kept at once. */
const KEEP = 4;

/** Readers over the session files in `dir`. */
export class TranscriptReaders {
  private readonly readers = new Map<string, TranscriptReader>();
  private generation = 0;

  constructor(private readonly dir: string) {}

  /** The reader of session `id`, its scan started or gone on with. Requests at the same time
   * share one reader (and its version). Throws SessionNotFoundError. */
  async get(id: string): Promise<TranscriptReader> {
    const path = join(this.dir, `${assertValidId(id)}.jsonl`);
    try {
      const known = this.readers.get(id);
      if (known) {
        this.keep(id, known);
        try {
          await known.refresh();
          return known;
        } catch (error) {
          if (!(error instanceof FileReplacedError)) throw error;
          if (this.readers.get(id) !== known) return this.get(id);
        }
      }
      const stats = await stat(path);
      if (!stats.isFile()) throw new SessionNotFoundError(id);
      // Another request may have made one meanwhile.
      const made = this.readers.get(id);
      if (made && made !== known) return made;
      const reader = new TranscriptReader(path, id, stats.ino, ++this.generation);
      this.keep(id, reader);
      await reader.refresh();
      return reader;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EISDIR') throw new SessionNotFoundError(id);
      throw error;
    }
  }

  // Most recently used last; the oldest beyond KEEP are dropped.
  private keep(id: string, reader: TranscriptReader): void {
    this.readers.delete(id);
    this.readers.set(id, reader);
    for (const old of this.readers.keys()) {
      if (this.readers.size <= KEEP) break;
      this.readers.delete(old);
    }
  }
}
