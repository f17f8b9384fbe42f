// flock(2) from the C library, called through koffi (an FFI whose npm packages ship prebuilt
// Node-API binaries), so our locks are the very ones ggcode takes with syscall.Flock. fcntl and
// OFD locks would not do: on Linux they and flock never see each other. POSIX only. lock.ts
// imports this module on first use, so readers and Windows never load koffi.
import { constants } from 'node:os';
import koffi from 'koffi';

/** Non-blocking exclusive flock on an open file descriptor, and its release. */
export interface Flock {
  /** Takes LOCK_EX|LOCK_NB: true when taken, false when another open file holds it. */
  tryLock(fd: number): boolean;
  /** LOCK_UN: releases the lock (closing the descriptor would too). */
  unlock(fd: number): void;
}

// The same values on Linux, macOS and the BSDs (<sys/file.h>).
const LOCK_EX = 2;
const LOCK_NB = 4;
const LOCK_UN = 8;

function errnoName(errno: number): string {
  return Object.entries(constants.errno).find(([, n]) => n === errno)?.[0] ?? `errno ${errno}`;
}

/** Binds the C library's flock. */
export function bindFlock(): Flock {
  // macOS keeps libc inside libSystem; elsewhere the process's own symbols (dlopen(NULL))
  // include the C library that Node or Electron is linked against (glibc, musl or BSD libc).
  const libc = koffi.load(process.platform === 'darwin' ? '/usr/lib/libSystem.B.dylib' : null);
  const flock = libc.func('int flock(int fd, int operation)') as (fd: number, operation: number) => number;
  const { EINTR, EAGAIN, EWOULDBLOCK } = constants.errno;
  return {
    tryLock(fd) {
      for (;;) {
        if (flock(fd, LOCK_EX | LOCK_NB) === 0) return true;
        const errno = koffi.errno();
        if (errno === EWOULDBLOCK || errno === EAGAIN) return false;
        if (errno !== EINTR) throw new Error(`flock failed: ${errnoName(errno)}`);
      }
    },
    unlock(fd) {
      flock(fd, LOCK_UN);
    },
  };
}
