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

/** A hold on the scan threads when a list is a source's `first`, nothing was `seeded` from the
 * cache folder and one of its `roots` exists; to be released once its scan has begun. */
export function holdForColdList(first: boolean, seeded: boolean, roots: readonly string[]): () => void {
  return first && !seeded && roots.some(exists) ? holdScanThreads() : () => undefined;
}
