// Moving a file between folders that may be on different file systems (the sessions folder and
// the app's data folder): a rename where it can be, else a durable copy that keeps the file's
// mode and times, then the original removed. A symbolic link moves as the link itself.
import { copyFile, chmod, open, readlink, rename, symlink, unlink, utimes } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { dirname } from 'node:path';
import { syncDir, tempPathFor } from '../atomic';

/** Moves `from` (whose lstat is `stats`) to `to`, which must not exist. */
export async function moveFile(from: string, to: string, stats: Stats): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await copyAcross(from, to, stats);
    await unlink(from);
  }
  await syncDir(dirname(to));
  await syncDir(dirname(from));
}

// Written under a temp name and renamed, so `to` is either whole or absent.
async function copyAcross(from: string, to: string, stats: Stats): Promise<void> {
  const tmp = tempPathFor(to);
  try {
    if (stats.isSymbolicLink()) {
      await symlink(await readlink(from), tmp);
    } else {
      await copyFile(from, tmp);
      await chmod(tmp, stats.mode & 0o7777);
      const handle = await open(tmp, 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
      await utimes(tmp, stats.atime, stats.mtime);
    }
    await rename(tmp, to);
  } catch (error) {
    await unlink(tmp).catch(() => undefined);
    throw error;
  }
}
