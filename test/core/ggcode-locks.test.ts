// Locks shared with newer ggcode: writers hold flock(2) on index.json.flock and <id>.jsonl.flock,
// so they wait for another process's flock (Python's fcntl.flock, util-linux flock) and it waits
// for theirs. Lock files are regular files, made 0600, never truncated nor removed.
import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { LockFileError, LockTimeoutError } from '../../src/core/errors';
import { bindFlock } from '../../src/core/flock';
import { withLock } from '../../src/core/lock';
import { newSession } from '../../src/core/new-session';
import { JsonlStore, newJsonlStore } from '../../src/core/store';
import { flockIsFree, holdFlock, startForeignIndexWriter } from '../support/foreign-lock';
import { snapshot, tempDir } from '../support/fixtures';

const meta = (id: string): string =>
  `{"type":"meta","session_id":"${id}","title":"${id}","created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z"}\n`;

/** A store whose directory holds `count` indexed sessions, written directly as ggcode would. */
function storeWithSessions(count: number): { store: JsonlStore; ids: string[] } {
  const dir = tempDir();
  const ids = Array.from({ length: count }, () => newSession('v', 'e', 'm').id);
  for (const id of ids) writeFileSync(join(dir, `${id}.jsonl`), meta(id));
  const entries = ids.map((id) => ({
    id,
    title: id,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    msg_count: 0,
  }));
  writeFileSync(join(dir, 'index.json'), JSON.stringify(entries, null, 2));
  return { store: new JsonlStore(dir), ids };
}

const indexIds = (dir: string): string[] =>
  (JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { id: string }[]).map((e) => e.id);

describe.skipIf(process.platform === 'win32')('locks shared with ggcode', () => {
  it('waits, without blocking the event loop, while another process holds index.json.flock', async () => {
    const dir = tempDir();
    const released = join(dir, 'released');
    const holder = await holdFlock(join(dir, 'index.json.flock'));
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    try {
      let ran = false;
      const locked = withLock(dir, 'index.json', async () => {
        ran = true;
        return existsSync(released);
      });
      await sleep(300);
      expect(ran).toBe(false);
      expect(ticks).toBeGreaterThanOrEqual(10);
      writeFileSync(released, '');
      await holder.release();
      expect(await locked).toBe(true);
    } finally {
      clearInterval(timer);
      await holder.release();
    }
  });

  it('holds flock(2) itself: another process cannot take the lock meanwhile, and can after', async () => {
    const dir = tempDir();
    const lockFile = join(dir, 'index.json.flock');
    const seenInside = await withLock(dir, 'index.json', async () => flockIsFree(lockFile));
    expect(seenInside).toBe(false);
    expect(flockIsFree(lockFile)).toBe(true);
  });

  it('gives up with a clear error naming the lock file when it is held too long', async () => {
    const dir = tempDir();
    const holder = await holdFlock(join(dir, 'index.json.flock'));
    try {
      const started = Date.now();
      const attempt = withLock(dir, 'index.json', async () => 'ran', 300);
      await expect(attempt).rejects.toThrow(LockTimeoutError);
      await expect(attempt).rejects.toThrow(
        `timed out after 0.3 s waiting for the lock ${join(dir, 'index.json.flock')}: another process holds it`,
      );
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await holder.release();
    }
  });

  it('appends under <id>.jsonl.flock: an append waits for a foreign append to finish', async () => {
    const store = await newJsonlStore(tempDir());
    const s = newSession('v', 'e', 'm');
    await store.save(s);
    const path = join(store.dir(), `${s.id}.jsonl`);
    const holder = await holdFlock(`${path}.flock`);
    try {
      const ours = store.appendMessage(s, { role: 'user', content: [{ type: 'text', text: 'ours' }] });
      await sleep(200);
      const foreign = { role: 'user', content: [{ type: 'text', text: 'foreign' }] };
      appendFileSync(path, JSON.stringify({ type: 'message', session_id: s.id, message: foreign }) + '\n');
      await holder.release();
      await ours;
    } finally {
      await holder.release();
    }
    const loaded = await store.load(s.id);
    expect(loaded.messages.map((m) => m.content[0]!.text)).toEqual(['foreign', 'ours']);
  });

  it('200 deletes interleaved with 200 foreign index writes lose nothing', async () => {
    const { store, ids } = storeWithSessions(200);
    const writer = await startForeignIndexWriter(store.dir(), 'foreign', 200);
    const deleteAll = async (part: string[]): Promise<void> => {
      for (const id of part) await store.delete(id);
    };
    await Promise.all([deleteAll(ids.slice(0, 100)), deleteAll(ids.slice(100))]);
    await writer.finished;
    const foreign = Array.from({ length: 200 }, (_, i) => `foreign-${String(i).padStart(4, '0')}`);
    expect(indexIds(store.dir()).sort()).toEqual(foreign);
    expect((await store.list()).map((e) => e.id).sort()).toEqual(foreign);
  }, 120_000);

  it('creates lock files mode 0600 beside the data, never truncates them, never removes them', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'index.json.flock'), 'kept', { mode: 0o600 });
    const store = await newJsonlStore(dir);
    const s = newSession('v', 'e', 'm');
    await store.save(s);
    await store.appendMessage(s, { role: 'user', content: [{ type: 'text', text: 'hi' }] });
    const sessionLock = join(dir, `${s.id}.jsonl.flock`);
    expect(statSync(sessionLock).mode & 0o777).toBe(0o600);
    await store.delete(s.id);
    expect(existsSync(sessionLock)).toBe(true);
    expect(readFileSync(join(dir, 'index.json.flock'), 'utf8')).toBe('kept');
    expect(await store.list()).toEqual([]);
  });

  it('refuses a FIFO, a folder or a symbolic link named like a lock file, changing nothing', async () => {
    const { store, ids } = storeWithSessions(1);
    const dir = store.dir();
    const lockFile = join(dir, 'index.json.flock');
    expect(spawnSync('mkfifo', [lockFile]).status).toBe(0);
    const started = Date.now();
    await expect(withLock(dir, 'index.json', async () => 'ran')).rejects.toThrow(
      new LockFileError(lockFile, 'a FIFO'),
    );
    await expect(store.delete(ids[0]!)).rejects.toThrow(LockFileError);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(existsSync(join(dir, `${ids[0]}.jsonl`))).toBe(true);

    const other = storeWithSessions(1);
    mkdirSync(join(other.store.dir(), 'index.json.flock'));
    const before = snapshot(other.store.dir());
    await expect(other.store.delete(other.ids[0]!)).rejects.toThrow(/index\.json\.flock: it is a directory/);
    const s = await other.store.load(other.ids[0]!);
    await expect(other.store.save(s)).rejects.toThrow(LockFileError);
    expect(snapshot(other.store.dir())).toEqual(before);

    const linked = tempDir();
    const target = join(tempDir(), 'elsewhere');
    symlinkSync(target, join(linked, 'index.json.flock'));
    await expect(withLock(linked, 'index.json', async () => 'ran')).rejects.toThrow(
      /index\.json\.flock: it is a symbolic link, not a regular file/,
    );
    expect(existsSync(target)).toBe(false);
  });
});

describe.skipIf(process.platform === 'win32')('the flock binding', () => {
  it('names an error other than contention instead of waiting on it', async () => {
    const flock = bindFlock();
    expect(() => flock.tryLock(987_654)).toThrow('flock failed: EBADF');
  });
});

describe('the Windows fallback (no flock there)', () => {
  it('serializes writers with proper-lockfile directories instead', async () => {
    const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;
    Object.defineProperty(process, 'platform', { value: 'win32' });
    try {
      const dir = tempDir();
      const order: string[] = [];
      const hold = (tag: string) =>
        withLock(dir, 'index.json', async () => {
          order.push(`${tag} in`);
          expect(existsSync(join(dir, 'index.json.lockdir'))).toBe(true);
          await sleep(50);
          order.push(`${tag} out`);
        });
      await Promise.all([hold('a'), hold('b')]);
      expect(order).toEqual(['a in', 'a out', 'b in', 'b out']);
      expect(existsSync(join(dir, 'index.json.flock'))).toBe(false);
    } finally {
      Object.defineProperty(process, 'platform', platform);
    }
  });
});
