// The file a flock is held on: opened (created mode 0600 if missing) only when it is a regular
// file, so that a FIFO, folder, link or device put in its place fails with a clear error.
import { constants, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { LockFileError } from './errors';

// O_CREAT without O_TRUNC (the file is shared, and never removed: removing a flock file races);
// O_NOFOLLOW and O_NONBLOCK so that a link is refused and a FIFO cannot hang the open.
const LOCK_FILE_FLAGS = constants.O_RDONLY | constants.O_CREAT | constants.O_NOFOLLOW | constants.O_NONBLOCK;

function kindOf(st: Stats): string {
  if (st.isFIFO()) return 'a FIFO';
  if (st.isDirectory()) return 'a directory';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return 'a special file';
}

// What an open refused with O_NOFOLLOW|O_NONBLOCK says about the name (EMLINK: FreeBSD's link).
const REFUSED_OPEN: Record<string, string> = {
  ELOOP: 'a symbolic link',
  EMLINK: 'a symbolic link',
  EISDIR: 'a directory',
  ENXIO: 'a socket',
};

/** Opens (creating it, mode 0600) the lock file at `path`; anything but a regular file is refused. */
export async function openLockFile(path: string): Promise<FileHandle> {
  let handle: FileHandle;
  try {
    handle = await open(path, LOCK_FILE_FLAGS, 0o600);
  } catch (error) {
    const kind = REFUSED_OPEN[(error as NodeJS.ErrnoException).code ?? ''];
    throw kind ? new LockFileError(path, kind) : error;
  }
  const st = await handle.stat().catch(async (error: unknown) => {
    await handle.close();
    throw error;
  });
  if (st.isFile()) return handle;
  await handle.close();
  throw new LockFileError(path, kindOf(st));
}
