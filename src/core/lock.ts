// Cross-process locks for writers (index updates, appends) and the check for a session that a
// running agent holds. Locks are directories made by proper-lockfile, never named like sessions.
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { readRegularFile } from './regular-file';

const LOCK_OPTIONS = {
  realpath: false,
  stale: 10_000,
  retries: { retries: 200, minTimeout: 5, maxTimeout: 100, factor: 1.5 },
};

/** Runs `fn` while holding the lock named `name` in `dir` (e.g. "index.json"). */
export async function withLock<T>(dir: string, name: string, fn: () => Promise<T>): Promise<T> {
  const target = join(dir, name);
  const release = await lockfile.lock(target, { ...LOCK_OPTIONS, lockfilePath: `${target}.lockdir` });
  try {
    return await fn();
  } finally {
    await release().catch(() => undefined);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A PID, alone or in a small JSON object, fits in this many bytes; the rest is not read. */
const LOCK_BYTES = 4096;

/** The PID in `<id>.lock` when that process is alive (ggcode holds it while a session runs), else null. */
export async function livePidOf(dir: string, id: string): Promise<number | null> {
  return lockHolder(dir, id).catch(() => null);
}

/** Like livePidOf, but throws when `<id>.lock` exists and cannot be read: NotRegularFileError for
 * a FIFO, socket, device or folder (never opened in a way that blocks, nor read past its size). */
export async function lockHolder(dir: string, id: string): Promise<number | null> {
  let text: string;
  try {
    text = (await readRegularFile(join(dir, `${id}.lock`), LOCK_BYTES)).toString('utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  // The PID may stand alone or inside a small JSON object, depending on the ggcode version.
  const pid = Number(/\d+/.exec(text)?.[0]);
  if (!Number.isSafeInteger(pid) || pid <= 0) return null;
  return isAlive(pid) ? pid : null;
}
