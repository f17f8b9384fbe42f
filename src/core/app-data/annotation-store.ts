// annotations.json in the app's data folder: each session's star, tags, note and display name.
// Read without locking (a reader never writes); changed read-modify-write under the file's lock
// and replaced atomically, so two processes (the app, `sessions serve`) never lose each other's
// changes. Entries this version cannot use are kept as they are, and a file it cannot read is
// never overwritten.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { applyPatch, readAnnotation, type AnnotationPatch } from '../../shared/annotation';
import { isValidId } from '../../shared/ids';
import type { Annotation, Annotations } from '../../shared/types';
import { writeFileAtomic } from '../atomic';
import { StoreError } from '../errors';
import { withLock } from '../lock';
import { isMissing, readRegularFile } from '../regular-file';

/** The file's name in the data folder. */
export const ANNOTATIONS_FILE = 'annotations.json';
/** The format version this code writes. */
const VERSION = 1;
/** Larger than any real set of notes; a file beyond it is not read. */
const MAX_BYTES = 32 * 1024 * 1024;

/** annotations.json exists but cannot be used; it is left as it is. */
export class AnnotationsFileError extends StoreError {
  override name = 'AnnotationsFileError';
  constructor(path: string, why: string) {
    super(`${path}: ${why}; it was left as it is (move it away to start afresh)`);
  }
}

interface Raw {
  version: number;
  sessions: Record<string, unknown>;
}

/** The stars, tags, notes and names kept in `dir` (the app's data folder). */
export class AnnotationStore {
  constructor(private readonly dir: string) {}

  private path(): string {
    return join(this.dir, ANNOTATIONS_FILE);
  }

  /** The file as stored; an empty one when there is none yet. */
  private async readRaw(): Promise<Raw> {
    let text: string;
    try {
      text = (await readRegularFile(this.path(), MAX_BYTES + 1)).toString('utf8');
    } catch (error) {
      if (isMissing(error)) return { version: VERSION, sessions: {} };
      throw new AnnotationsFileError(this.path(), (error as Error).message.split('\n')[0]!);
    }
    if (text.length > MAX_BYTES) throw new AnnotationsFileError(this.path(), 'larger than 32 MB');
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new AnnotationsFileError(this.path(), 'not valid JSON');
    }
    const o = parsed as Partial<Raw> | null;
    if (typeof o !== 'object' || o === null || typeof o.sessions !== 'object' || o.sessions === null) {
      throw new AnnotationsFileError(this.path(), 'not an annotations file');
    }
    return { version: typeof o.version === 'number' ? o.version : 0, sessions: o.sessions };
  }

  /** Every usable annotation, by session id. Nothing is written. */
  async all(): Promise<Annotations> {
    const raw = await this.readRaw();
    const out: Annotations = {};
    for (const [id, value] of Object.entries(raw.sessions)) {
      const annotation = isValidId(id) ? readAnnotation(value) : null;
      if (annotation) out[id] = annotation;
    }
    return out;
  }

  /** Applies `patch` to session `id`'s annotation and returns what it now is (null: none left). */
  async update(id: string, patch: AnnotationPatch): Promise<Annotation | null> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    return withLock(this.dir, ANNOTATIONS_FILE, async () => {
      const raw = await this.readRaw();
      // A newer version's file may hold what this one would drop.
      if (raw.version > VERSION)
        throw new AnnotationsFileError(this.path(), `written by a newer version (${raw.version})`);
      const next = applyPatch(readAnnotation(raw.sessions[id]) ?? {}, patch);
      const sessions = { ...raw.sessions };
      if (next === null) delete sessions[id];
      else sessions[id] = next;
      await writeFileAtomic(this.path(), `${JSON.stringify({ version: VERSION, sessions }, null, 2)}\n`);
      return next;
    });
  }
}
