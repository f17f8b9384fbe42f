// The directory watcher against a real directory: what appears, changes and vanishes, bursts
// reported once, atomic renames seen as changes, and a directory that comes and goes.
import { mkdirSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/fixtures';
import { appendMessage, Received, sleep, writeSession } from '../../../test/support/live';
import { DirectoryWatcher, type DirectoryChange } from './directory-watcher';

const FAST = { quietMs: 40, maxWaitMs: 120, pollMs: 50 };
let watchers: DirectoryWatcher[] = [];

afterEach(() => {
  for (const w of watchers) w.close();
  watchers = [];
});

async function watching(dir: string, options = FAST) {
  const received = new Received<DirectoryChange>();
  const watcher = new DirectoryWatcher(dir, received.push, options);
  watchers.push(watcher);
  await watcher.start();
  return received;
}

const change = (c: Partial<DirectoryChange>): DirectoryChange => ({
  appeared: [],
  changed: [],
  vanished: [],
  rescan: false,
  ...c,
});

describe('DirectoryWatcher', () => {
  it('reports sessions that appear, change and vanish; the ones present at start are known', async () => {
    const dir = tempDir();
    writeSession(dir, 'old', ['x']);
    const received = await watching(dir);
    writeSession(dir, 'new');
    expect(await received.next()).toEqual(change({ appeared: ['new'] }));
    appendMessage(dir, 'old', 'y');
    expect(await received.next()).toEqual(change({ changed: ['old'] }));
    unlinkSync(join(dir, 'old.jsonl'));
    expect(await received.next()).toEqual(change({ vanished: ['old'] }));
  });

  it('reports a burst of writes once, and a writer that never pauses at least every maxWait', async () => {
    const dir = tempDir();
    writeSession(dir, 's');
    const received = await watching(dir, { quietMs: 60, maxWaitMs: 1000, pollMs: 1000 });
    for (let i = 0; i < 20; i++) appendMessage(dir, 's', `m${i}`);
    expect(await received.next()).toEqual(change({ changed: ['s'] }));
    await sleep(150);
    expect(received.rest()).toEqual([]);

    // Writes every 30 ms never leave 60 ms of quiet: only the longest wait reports them meanwhile.
    const steady = await watching(dir, { quietMs: 60, maxWaitMs: 150, pollMs: 1000 });
    for (let i = 0; i < 12; i++) {
      appendMessage(dir, 's', `steady ${i}`);
      await sleep(30);
    }
    await steady.next();
    expect(steady.all.length).toBeGreaterThanOrEqual(2);
  });

  it('sees an atomic rename over a session as a change, and ignores temp, flock and lock-folder files', async () => {
    const dir = tempDir();
    writeSession(dir, 's', ['a']);
    const received = await watching(dir);
    writeFileSync(join(dir, 's.jsonl.123.abc.tmp'), 'rewritten\n');
    renameSync(join(dir, 's.jsonl.123.abc.tmp'), join(dir, 's.jsonl'));
    mkdirSync(join(dir, 's.jsonl.lockdir'));
    writeFileSync(join(dir, 's.jsonl.flock'), '');
    writeFileSync(join(dir, 'index.json.flock'), '');
    writeFileSync(join(dir, 'notes.txt'), 'x');
    expect(await received.next()).toEqual(change({ changed: ['s'] }));
    // An editor's save: the original moved to a backup, a new file written in its place.
    renameSync(join(dir, 's.jsonl'), join(dir, 's.jsonl~'));
    writeSession(dir, 's', ['b']);
    unlinkSync(join(dir, 's.jsonl~'));
    expect(await received.next()).toEqual(change({ changed: ['s'] }));
    await sleep(150);
    expect(received.rest()).toEqual([]);
  });

  it('reports a lock taken or released as a change of its session, and index.json as a rescan', async () => {
    const dir = tempDir();
    writeSession(dir, 's');
    const received = await watching(dir);
    writeFileSync(join(dir, 's.lock'), String(process.pid));
    writeFileSync(join(dir, 'ghost.lock'), String(process.pid));
    expect(await received.next()).toEqual(change({ changed: ['s'] }));
    writeFileSync(join(dir, 'index.json'), '[]');
    expect(await received.next()).toEqual(change({ rescan: true }));
  });

  it('waits for a directory that does not exist yet, and follows it as it is removed and made again', async () => {
    const parent = join(tempDir(), 'not', 'yet');
    const dir = join(parent, 'sessions');
    const received = await watching(dir);
    mkdirSync(dir, { recursive: true });
    writeSession(dir, 'first');
    const appeared = await received.next((c) => c.appeared.includes('first'));
    expect(appeared.rescan).toBe(true);
    appendMessage(dir, 'first', 'more');
    expect(await received.next()).toEqual(change({ changed: ['first'] }));

    rmSync(dir, { recursive: true });
    expect(await received.next((c) => c.vanished.length > 0)).toEqual(
      change({ vanished: ['first'], rescan: true }),
    );
    mkdirSync(dir);
    writeSession(dir, 'second');
    await received.next((c) => c.appeared.includes('second'));
    appendMessage(dir, 'second', 'x');
    await received.next((c) => c.changed.includes('second'));
  });

  it('reports a replaced directory: every session in it may differ', async () => {
    const root = tempDir();
    const dir = join(root, 'sessions');
    mkdirSync(dir);
    writeSession(dir, 'kept');
    writeSession(dir, 'dropped');
    const received = await watching(dir);
    const other = join(root, 'other');
    mkdirSync(other);
    writeSession(other, 'kept', ['new version']);
    renameSync(dir, join(root, 'old'));
    renameSync(other, dir);
    expect(await received.next((c) => c.changed.length > 0)).toEqual(
      change({ changed: ['kept'], vanished: ['dropped'], rescan: true }),
    );
  });

  it('reports nothing after close', async () => {
    const dir = tempDir();
    const received = await watching(dir);
    watchers[0]!.close();
    writeSession(dir, 's');
    await sleep(200);
    expect(received.all).toEqual([]);
  });
});
