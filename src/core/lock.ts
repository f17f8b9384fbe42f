// Cross-process locks for writers (index updates, appends) and the check for a session that a
// running agent holds. Locks are directories made by proper-lockfile, never named like sessions.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';

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

/** The PID in `<id>.lock` when that process is alive (ggcode holds it while a session runs), else null. */
export async function livePidOf(dir: string, id: string): Promise<number | null> {
  let text: string;
  try {
    text = await readFile(join(dir, `${id}.lock`), 'utf8');
  } catch {
    return null;
  }
  // The PID may stand alone or inside a small JSON object, depending on the ggcode version.
  const pid = Number(/\d+/.exec(text)?.[0]);
  if (!Number.isSafeInteger(pid) || pid <= 0) return null;
  return isAlive(pid) ? pid : null;
}
