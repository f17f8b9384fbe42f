// Another process taking ggcode's locks with flock(2): Python's fcntl.flock (holder and
// index writer scripts beside this file) and util-linux `flock`, for the lock interop tests.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

const HOLDER = join(__dirname, 'flock-holder.py');
const INDEX_WRITER = join(__dirname, 'foreign-index-writer.py');

/** Resolves once `child` has printed `word` on a line of its standard output. */
async function printed(child: ChildProcess, word: string): Promise<void> {
  let seen = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.split('\n').includes(word)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`${word} never printed (exit ${code}): ${seen}`)));
  });
}

async function exited(child: ChildProcess): Promise<void> {
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`foreign process exited with ${code}`);
}

/** A lock held with flock(2) by another process. */
export interface HeldLock {
  /** Ends the holder (releasing the lock); resolves once it has exited. Safe to call again. */
  release(): Promise<void>;
}

/** Starts a process that holds flock(2) on `path` as ggcode does; resolves once it holds it. */
export async function holdFlock(path: string): Promise<HeldLock> {
  const child = spawn('python3', [HOLDER, path], { stdio: ['pipe', 'pipe', 'inherit'] });
  const done = exited(child);
  await printed(child, 'locked');
  return {
    release: () => {
      child.stdin.end();
      return done;
    },
  };
}

/** Whether util-linux `flock -n` can take the lock on `path` right now (in its own process). */
export function flockIsFree(path: string): boolean {
  const { status, error } = spawnSync('flock', ['-n', path, 'true']);
  if (error) throw error;
  return status === 0;
}

/** A ggcode-style writer adding `count` sessions `<prefix>-NNNN` to index.json under flock. */
export interface ForeignIndexWriter {
  /** Resolves when every entry is written; rejects if the writer failed. */
  finished: Promise<void>;
}

/** Starts the foreign index writer on `dir`; resolves once it runs. */
export async function startForeignIndexWriter(
  dir: string,
  prefix: string,
  count: number,
): Promise<ForeignIndexWriter> {
  const child = spawn('python3', [INDEX_WRITER, dir, prefix, String(count)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const finished = exited(child);
  await printed(child, 'ready');
  return { finished };
}
