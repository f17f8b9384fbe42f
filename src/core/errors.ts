// Errors the store raises; each message is one line a user can act on.

/** Base class: anything the store refuses or cannot find. */
export class StoreError extends Error {
  override name = 'StoreError';
}

/** An id that is not 1-128 characters of A-Z a-z 0-9 - _ (or starts with -). */
export class InvalidIdError extends StoreError {
  override name = 'InvalidIdError';
  constructor(id: string) {
    const shown = id.length > 40 ? `${JSON.stringify(id.slice(0, 40))}...` : JSON.stringify(id);
    super(`invalid session id ${shown}: use 1-128 characters of A-Z a-z 0-9 - _, not starting with -`);
  }
}

/** No `<id>.jsonl` in the directory. */
export class SessionNotFoundError extends StoreError {
  override name = 'SessionNotFoundError';
  constructor(id: string) {
    super(`session ${id} not found`);
  }
}

/** `<id>.lock` names a live process: the agent is still writing this session. */
export class SessionInUseError extends StoreError {
  override name = 'SessionInUseError';
  constructor(id: string, pid: number) {
    super(`session ${id} is in use by process ${pid}; stop it first`);
  }
}

/** Another process held a lock for longer than a writer waits. */
export class LockTimeoutError extends StoreError {
  override name = 'LockTimeoutError';
  constructor(path: string, timeoutMs: number) {
    super(`timed out after ${timeoutMs / 1000} s waiting for the lock ${path}: another process holds it`);
  }
}

/** A lock file's name is taken by something that is not a regular file (a FIFO, a folder, a link...). */
export class LockFileError extends StoreError {
  override name = 'LockFileError';
  constructor(path: string, kind: string) {
    super(`cannot lock ${path}: it is ${kind}, not a regular file; remove it`);
  }
}

/** A session being put back whose file exists again (written since it was deleted). */
export class SessionExistsError extends StoreError {
  override name = 'SessionExistsError';
  constructor(id: string) {
    super(`session ${id} exists again in the folder; it was not replaced`);
  }
}
