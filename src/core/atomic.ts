// Atomic file replacement: unique temp name, fsync, rename, directory fsync. A reader never sees
// a half-written file and two writers never share a temp file.
import { link, open, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { randomHex } from './lazy-crypto';

/** A temp path beside `path`, unique to this process and call (`*.tmp` is never a session). */
export function tempPathFor(path: string): string {
  return `${path}.${process.pid}.${randomHex(6)}.tmp`;
}

/** Makes a rename durable: fsync the directory (not possible on every platform; then skipped). */
export async function syncDir(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Windows cannot open or fsync a directory; the rename itself is still atomic there.
  } finally {
    await handle?.close();
  }
}

async function writeTemp(path: string, data: string | Buffer, mode: number): Promise<string> {
  const tmp = tempPathFor(path);
  const handle = await open(tmp, 'wx', mode);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(tmp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  return tmp;
}

/** Replaces `path` with `data` atomically and durably. */
export async function writeFileAtomic(path: string, data: string | Buffer, mode = 0o600): Promise<void> {
  const tmp = await writeTemp(path, data, mode);
  try {
    await rename(tmp, path);
  } catch (error) {
    await unlink(tmp).catch(() => undefined);
    throw error;
  }
  await syncDir(dirname(path));
}

/** Creates `path` with `data` only if it does not exist (complete or not at all); false if it did. */
export async function createFileExclusive(
  path: string,
  data: string | Buffer,
  mode = 0o600,
): Promise<boolean> {
  const tmp = await writeTemp(path, data, mode);
  try {
    await link(tmp, path);
    await syncDir(dirname(path));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
}
