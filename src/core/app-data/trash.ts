// The trash in the app's data folder: a deleted session's file and the index entries it had,
// kept so that Undo puts both back exactly (the same bytes, mode and times, the entries at their
// places in index.json). Each deletion is a folder `trash/<token>/` holding `session.jsonl` and
// `record.json`; folders older than 30 days are emptied.
import { lstat, mkdir, readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isValidId } from '../../shared/ids';
import { writeFileAtomic } from '../atomic';
import { StoreError } from '../errors';
import { newId } from '../new-session';
import type { IndexEntry } from '../index-file';
import { isMissing, readRegularFile } from '../regular-file';
import type { JsonlStore, RemovedEntry } from '../store';
import { moveFile } from './move-file';

/** The trash's folder in the data folder. */
export const TRASH_DIR = 'trash';
/** How long a deleted session can be put back. */
export const TRASH_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
const RECORD = 'record.json';
const FILE = 'session.jsonl';

/** What is kept beside a deleted session's file. */
interface TrashRecord {
  version: 1;
  id: string;
  /** The sessions folder it was deleted from. */
  dir: string;
  deleted_at: string;
  removed: RemovedEntry[];
}

/** A trash entry that is not there (emptied, or already put back) or cannot be used. */
export class TrashError extends StoreError {
  override name = 'TrashError';
}

function readRecord(text: string): TrashRecord | null {
  let o: unknown;
  try {
    o = JSON.parse(text);
  } catch {
    return null;
  }
  const r = o as Partial<TrashRecord> | null;
  if (
    typeof r !== 'object' ||
    r === null ||
    r.version !== 1 ||
    !isValidId(r.id) ||
    typeof r.dir !== 'string'
  ) {
    return null;
  }
  if (typeof r.deleted_at !== 'string' || !Array.isArray(r.removed)) return null;
  const removed = r.removed.filter(
    (x): x is RemovedEntry =>
      typeof x === 'object' &&
      x !== null &&
      Number.isSafeInteger(x.position) &&
      x.position >= 0 &&
      typeof x.entry === 'object' &&
      x.entry !== null &&
      (x.entry as IndexEntry).id === r.id,
  );
  return { version: 1, id: r.id, dir: r.dir, deleted_at: r.deleted_at, removed };
}

/** The trash of one data folder. `now` is the clock (tests move it). */
export class Trash {
  constructor(
    private readonly dataDir: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private folder(token: string): string {
    if (!isValidId(token)) throw new TrashError('not a trash entry');
    return join(this.dataDir, TRASH_DIR, token);
  }

  /** Deletes session `id` of `store` into the trash (both its file and its index entries go, or
   * neither); returns the token that puts it back, or null when it had no file. */
  async put(store: JsonlStore, id: string): Promise<string | null> {
    await this.empty().catch(() => 0);
    const token = newId();
    const folder = this.folder(token);
    const deleted = await store.delete(id, async (parked, removed) => {
      try {
        await mkdir(folder, { recursive: true, mode: 0o700 });
        const record: TrashRecord = {
          version: 1,
          id,
          dir: resolve(store.dir()),
          deleted_at: this.now().toISOString(),
          removed,
        };
        await writeFileAtomic(join(folder, RECORD), `${JSON.stringify(record, null, 2)}\n`);
        await moveFile(parked, join(folder, FILE), await lstat(parked));
      } catch (error) {
        await rm(folder, { recursive: true, force: true });
        throw error;
      }
    });
    return deleted ? token : null;
  }

  /** Puts the session `token` names back into `store` (its folder must be the one it was deleted
   * from); returns its id. */
  async restore(store: JsonlStore, token: string): Promise<string> {
    const folder = this.folder(token);
    let record: TrashRecord | null;
    try {
      record = readRecord((await readRegularFile(join(folder, RECORD), 1 << 20)).toString('utf8'));
    } catch (error) {
      if (isMissing(error)) throw new TrashError('that deleted session is no longer in the trash');
      throw error;
    }
    if (record === null) throw new TrashError(`${join(folder, RECORD)} cannot be read`);
    if (resolve(store.dir()) !== record.dir) {
      throw new TrashError(`that session was deleted from ${record.dir}, not from this folder`);
    }
    const file = join(folder, FILE);
    const stats = await lstat(file);
    await store.restore(
      record.id,
      record.removed,
      (path) => moveFile(file, path, stats),
      (path) => moveFile(path, file, stats),
    );
    await rm(folder, { recursive: true, force: true });
    return record.id;
  }

  /** Removes what was deleted more than TRASH_DAYS ago; returns how many. */
  async empty(): Promise<number> {
    const root = join(this.dataDir, TRASH_DIR);
    let names: string[];
    try {
      names = await readdir(root);
    } catch (error) {
      if (isMissing(error)) return 0;
      throw error;
    }
    const cutoff = this.now().getTime() - TRASH_DAYS * DAY_MS;
    let removed = 0;
    for (const name of names) {
      const folder = join(root, name);
      // The record says when; a folder without a readable one (a crash mid-delete) goes by its time.
      const record = await readRegularFile(join(folder, RECORD), 1 << 20).then(
        (b) => readRecord(b.toString('utf8')),
        () => null,
      );
      const when = record ? Date.parse(record.deleted_at) : (await lstat(folder)).mtimeMs;
      if (!(when >= cutoff)) {
        await rm(folder, { recursive: true, force: true });
        removed++;
      }
    }
    return removed;
  }
}
