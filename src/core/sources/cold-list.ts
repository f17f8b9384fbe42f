// A source's first list with nothing stored scans every file it finds: the scan threads are
// started before its folders are read, so that they boot meanwhile (instead of after).
import { statSync } from 'node:fs';
import { holdScanThreads } from '../scan-threads';

const exists = (path: string): boolean => {
  try {
    return statSync(path, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return false;
  }
};

/** Runs `list` holding the scan threads when it is a source's `first` list, nothing was
 * `seeded` from the cache folder and one of its `roots` exists. */
export async function withColdListHold<T>(
  first: boolean,
  seeded: boolean,
  roots: readonly string[],
  list: () => Promise<T>,
): Promise<T> {
  const release = first && !seeded && roots.some(exists) ? holdScanThreads() : () => undefined;
  try {
    return await list();
  } finally {
    release();
  }
}
