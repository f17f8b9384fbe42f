// Entries a source's folder may hold that are no regular files, named as its session files are.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** Makes `folder` (and its parents) with a FIFO named `fifo` and a folder named `dir` in it:
 * a list must count both unreadable and open neither (reading a FIFO would block). */
export function addSpecialFiles(folder: string, { fifo, dir }: { fifo: string; dir: string }): void {
  mkdirSync(folder, { recursive: true });
  execFileSync('mkfifo', [join(folder, fifo)]);
  mkdirSync(join(folder, dir));
}
