// A sessions folder full of entries that must never be read as data: FIFOs (one named index.json,
// one a session's lock), a unix socket, symlinks to /dev/zero, /dev/urandom, a FIFO and a file
// outside the folder, and a folder named like a session; beside two sessions that must list.
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { tempDir } from './fixtures';

/** The folder, what list must show and skip, and the socket's server (close it after the test). */
export interface HostileFolder {
  dir: string;
  /** Sessions that are regular files (one reached by a symlink inside the folder). */
  readable: string[];
  /** Session ids whose `<id>.jsonl` must be refused. */
  refused: string[];
  /** How many entries list must count as unreadable (the refused sessions, index.json, a lock). */
  unreadable: number;
  close(): Promise<void>;
}

const line = (o: unknown): string => JSON.stringify(o) + '\n';

/** A small session file: a meta line and two messages, the first with `word` in it. */
export function sessionText(id: string, word: string): string {
  const message = (text: string) =>
    line({ type: 'message', session_id: id, message: { role: 'user', content: [{ type: 'text', text }] } });
  return (
    line({
      type: 'meta',
      session_id: id,
      title: `Session ${id}`,
      created_at: '2026-01-01T00:00:00Z',
      updated_at: '2026-01-02T00:00:00Z',
    }) +
    message(`hello ${word}`) +
    message('second')
  );
}

const mkfifo = (path: string): void => void execFileSync('mkfifo', [path]);

/** Builds the folder. The socket stays bound until `close`. */
export async function hostileFolder(): Promise<HostileFolder> {
  const dir = join(tempDir('transcripts-hostile-'), 'sessions');
  const outside = join(dir, '..', 'elsewhere');
  mkdirSync(dir);
  mkdirSync(outside);
  writeFileSync(join(dir, 'good.jsonl'), sessionText('good', 'marmalade'));
  symlinkSync('good.jsonl', join(dir, 'alias.jsonl'));
  writeFileSync(join(outside, 'secret.jsonl'), sessionText('secret', 'outsider'));
  symlinkSync(join(outside, 'secret.jsonl'), join(dir, 'outside.jsonl'));
  mkfifo(join(dir, 'fifo.jsonl'));
  mkfifo(join(dir, 'pipe'));
  symlinkSync('pipe', join(dir, 'fifolink.jsonl'));
  mkfifo(join(dir, 'index.json'));
  mkfifo(join(dir, 'good.lock'));
  symlinkSync('/dev/zero', join(dir, 'zero.jsonl'));
  symlinkSync('/dev/urandom', join(dir, 'random.jsonl'));
  mkdirSync(join(dir, 'folder.jsonl'));
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(join(dir, 'sock.jsonl'), resolve));
  const refused = ['outside', 'fifo', 'fifolink', 'zero', 'random', 'folder', 'sock'];
  return {
    dir,
    readable: ['alias', 'good'],
    refused,
    unreadable: refused.length + 2,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
