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

  /** The reader of session `id`, its scan started or gone on with. Throws SessionNotFoundError. */
  async get(id: string): Promise<TranscriptReader> {
    const path = join(this.dir, `${assertValidId(id)}.jsonl`);
    let reader = this.readers.get(id);
    this.readers.delete(id);
    try {
      if (reader)
        await reader.refresh().catch((error: unknown) => {
          if (!(error instanceof FileReplacedError)) throw error;
          reader = undefined;
        });
      if (!reader) {
        const stats = await stat(path);
        if (!stats.isFile()) throw new SessionNotFoundError(id);
        reader = new TranscriptReader(path, id, stats.ino, ++this.generation);
        await reader.refresh();
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EISDIR') throw new SessionNotFoundError(id);
      throw error;
    }
    this.readers.set(id, reader);
    for (const old of this.readers.keys()) {
      if (this.readers.size <= KEEP) break;
      this.readers.delete(old);
    }
    return reader;
  }
}
