// Cross-process locks for writers (index updates, appends) and the check for a session that a
// running agent holds. A writer holds flock(2) on `<name>.flock` beside the file, exactly as newer
// ggcode does (index.json.flock, <id>.jsonl.flock), so each waits for the other. Windows has no
// flock: there the locks are proper-lockfile directories (`<name>.lockdir`), seen by us only.
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { LockTimeoutError } from './errors';
import type { Flock } from './flock';
import { openLockFile } from './lock-file';
import { readRegularFile } from './regular-file';

/** How long a writer waits for a lock before failing with LockTimeoutError. */
export const LOCK_TIMEOUT_MS = 30_000;
// LOCK_NB polled with a growing pause: a blocking flock would stall the event loop, and on libuv's
// thread pool it could starve the file operations that the lock's holder in this process awaits.
const FIRST_PAUSE_MS = 1;
const MAX_PAUSE_MS = 20;
// Windows only: proper-lockfile directories, with stale-lock recovery (a flock dies with its process).
const LOCKDIR_OPTIONS = {
  realpath: false,
  stale: 10_000,
  retries: { retries: 200, minTimeout: 5, maxTimeout: 100, factor: 1.5 },
};

// Loaded on first use (on Windows only): proper-lockfile brings graceful-fs, which patches fs as it
// loads, and signal-exit; together measured as several ms of every CLI start.
let lockDirs: Promise<typeof import('proper-lockfile')> | undefined;
const properLockfile = (): Promise<typeof import('proper-lockfile')> =>
  (lockDirs ??= import('proper-lockfile').then((m) => m.default ?? m));

let binding: Promise<Flock> | undefined;
// A static import inside ./flock, not import('koffi'): the CLI bundle runs from a vm.Script, where
// a dynamic import of a package outside the bundle has no loader.
const libcFlock = (): Promise<Flock> => (binding ??= import('./flock').then((m) => m.bindFlock()));

async function acquire(flock: Flock, fd: number, path: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let pause = FIRST_PAUSE_MS; !flock.tryLock(fd); pause = Math.min(pause * 2, MAX_PAUSE_MS)) {
    const left = deadline - Date.now();
    if (left <= 0) throw new LockTimeoutError(path, timeoutMs);
    await sleep(Math.min(pause, left));
  }
}

async function withFlock<T>(path: string, fn: () => Promise<T>, timeoutMs: number): Promise<T> {
  const flock = await libcFlock();
  const handle = await openLockFile(path);
  try {
    await acquire(flock, handle.fd, path, timeoutMs);
    try {
      return await fn();
    } finally {
      flock.unlock(handle.fd);
    }
  } finally {
    await handle.close();
  }
}

async function withLockDir<T>(target: string, fn: () => Promise<T>): Promise<T> {
  const lockfile = await properLockfile();
  const release = await lockfile.lock(target, { ...LOCKDIR_OPTIONS, lockfilePath: `${target}.lockdir` });
  try {
    return await fn();
  } finally {
    await release().catch(() => undefined);
  }
}

/** Runs `fn` while holding the lock for the file `name` in `dir` (e.g. "index.json"), waiting up
 * to `timeoutMs` for another process (ggcode included) to release it. */
export async function withLock<T>(
  dir: string,
  name: string,
  fn: () => Promise<T>,
  timeoutMs = LOCK_TIMEOUT_MS,
): Promise<T> {
  if (process.platform === 'win32') return withLockDir(join(dir, name), fn);
  return withFlock(join(dir, `${name}.flock`), fn, timeoutMs);
}

/** Fails with LockFileError, before a writer changes anything, when the lock file for `name`
 * cannot be used (it is created if missing). */
export async function checkLockFile(dir: string, name: string): Promise<void> {
  if (process.platform === 'win32') return;
  await (await openLockFile(join(dir, `${name}.flock`))).close();
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
