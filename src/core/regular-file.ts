// Opens the files the store reads as data (sessions, index.json, locks) only when they are regular
// files. FIFOs, sockets, devices and directories, or symlinks to them, are refused before a byte is
// read; opens never block (O_NONBLOCK: a FIFO without a writer would wait forever) and callers read
// no further than the size fstat reported (/dev/zero has no end). A symlink is followed only to a
// regular file inside the same folder: a folder copied from elsewhere cannot make the app show,
// export or append to files outside it.
import fs, { constants, type Dirent, type Stats } from 'node:fs';
import { open, realpath, type FileHandle } from 'node:fs/promises';
import { basename, dirname, isAbsolute, relative } from 'node:path';
import { promisify } from 'node:util';
import { StoreError } from './errors';

// Windows has no O_NOFOLLOW; there a symlink is caught by lstat instead.
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const SAFE = (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0) | NOFOLLOW;
const READ = constants.O_RDONLY | SAFE;
const APPEND = constants.O_RDWR | constants.O_APPEND | constants.O_CREAT | SAFE;

/** A path that exists but is not a regular file the store may read. */
export class NotRegularFileError extends StoreError {
  override name = 'NotRegularFileError';
  /** Like an fs error code, so callers can tell it from ENOENT the same way. */
  readonly code = 'ENOTREG';
  constructor(path: string, kind: string) {
    super(`${basename(path)} is ${kind}, not a regular file; it was not read`);
  }
}

/** What a non-regular entry is, in words for an error line. */
export function kindOf(entry: Stats | Dirent): string {
  if (entry.isFIFO()) return 'a FIFO';
  if (entry.isSocket()) return 'a socket';
  if (entry.isCharacterDevice() || entry.isBlockDevice()) return 'a device';
  if (entry.isDirectory()) return 'a directory';
  if (entry.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

/** True for an fs error (or NotRegularFileError) that means "not there", as opposed to "unreadable". */
export function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}

function refusedOpen(path: string, error: unknown): never {
  const code = (error as NodeJS.ErrnoException).code;
  // Opening a unix socket fails with ENXIO.
  if (code === 'ENXIO') throw new NotRegularFileError(path, 'a socket');
  throw error;
}

// O_NOFOLLOW refuses a symlink with ELOOP (EMLINK on FreeBSD).
const isLink = (error: unknown): boolean =>
  ['ELOOP', 'EMLINK'].includes((error as NodeJS.ErrnoException).code!);

function insideFolder(path: string, target: string, folder: string): string {
  const rel = relative(folder, target);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
    throw new NotRegularFileError(path, 'a symbolic link to outside its folder');
  }
  return target;
}

/** The file a symlink at `path` resolves to, when that is inside `path`'s folder. */
async function linkTarget(path: string): Promise<string> {
  const [target, folder] = await Promise.all([realpath(path), realpath(dirname(path))]);
  return insideFolder(path, target, folder);
}

function linkTargetSync(path: string): string {
  return insideFolder(path, fs.realpathSync(path), fs.realpathSync(dirname(path)));
}

interface Opener<F> {
  open(path: string, flags: number, mode?: number): Promise<F>;
  stat(file: F): Promise<Stats>;
  close(file: F): Promise<void>;
}

async function isSymlink(path: string): Promise<boolean> {
  return fs.promises.lstat(path).then(
    (st) => st.isSymbolicLink(),
    () => false,
  );
}

async function openWith<F>(ops: Opener<F>, path: string, flags = READ): Promise<{ file: F; stats: Stats }> {
  let target = path;
  if (!NOFOLLOW && (await isSymlink(path))) target = await linkTarget(path);
  let file: F;
  try {
    file = await ops.open(target, flags, 0o600);
  } catch (error) {
    if (!isLink(error)) refusedOpen(path, error);
    // A symlink (O_NOFOLLOW refused it): open what it resolves to, if that is allowed.
    file = await ops.open(await linkTarget(path), flags, 0o600).catch((e: unknown) => refusedOpen(path, e));
  }
  const stats = await ops.stat(file);
  if (!stats.isFile()) {
    await ops.close(file);
    throw new NotRegularFileError(path, kindOf(stats));
  }
  return { file, stats };
}

const handleOps: Opener<FileHandle> = {
  open: (path, flags, mode) => open(path, flags, mode),
  stat: (h) => h.stat(),
  close: (h) => h.close(),
};

const openFd = promisify(fs.open);
const fdOps: Opener<number> = {
  open: (path, flags, mode) => openFd(path, flags, mode),
  stat: promisify(fs.fstat),
  close: promisify(fs.close),
};

/** Opens `path` for reading as a FileHandle, with its stats; throws NotRegularFileError (or the
 * fs error, ENOENT when missing) for anything but a regular file. */
export async function openRegular(path: string): Promise<{ handle: FileHandle; stats: Stats }> {
  const { file, stats } = await openWith(handleOps, path);
  return { handle: file, stats };
}

/** Opens (creating if needed, mode 0600) `path` for appending and reading, refusing anything but
 * a regular file as openRegular does: an append never writes into a FIFO or outside the folder. */
export async function openRegularForAppend(path: string): Promise<{ handle: FileHandle; stats: Stats }> {
  const { file, stats } = await openWith(handleOps, path, APPEND);
  return { handle: file, stats };
}

/** Same as openRegular, as a plain file descriptor (cheaper per file, for scans of thousands). */
export async function openRegularFd(path: string): Promise<{ fd: number; stats: Stats }> {
  const { file, stats } = await openWith(fdOps, path);
  return { fd: file, stats };
}

/** Same as openRegularFd, synchronously (for the searcher's few small reads per session). */
export function openRegularSync(path: string): { fd: number; stats: Stats } {
  let target = path;
  if (!NOFOLLOW && fs.lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink()) {
    target = linkTargetSync(path);
  }
  let fd: number;
  try {
    fd = fs.openSync(target, READ);
  } catch (error) {
    if (!isLink(error)) refusedOpen(path, error);
    try {
      fd = fs.openSync(linkTargetSync(path), READ);
    } catch (inner) {
      refusedOpen(path, inner);
    }
  }
  const stats = fs.fstatSync(fd);
  if (!stats.isFile()) {
    fs.closeSync(fd);
    throw new NotRegularFileError(path, kindOf(stats));
  }
  return { fd, stats };
}

// Reads at most `limit` bytes from the start of an open file (fewer if it is shorter).
async function readUpTo(handle: FileHandle, limit: number): Promise<Buffer> {
  const bytes = Buffer.allocUnsafe(limit);
  let filled = 0;
  while (filled < limit) {
    const { bytesRead } = await handle.read(bytes, filled, limit - filled, filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return bytes.subarray(0, filled);
}

/** The bytes of the regular file at `path`, no more than its size when opened (and `limit`). */
export async function readRegularFile(path: string, limit = Infinity): Promise<Buffer> {
  const { handle, stats } = await openRegular(path);
  try {
    return await readUpTo(handle, Math.min(stats.size, limit));
  } finally {
    await handle.close();
  }
}
