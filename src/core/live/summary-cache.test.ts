// The list stays cheap under live refreshes: unchanged unindexed files are not re-read, changed
// ones are, and `live` follows the lock file's process.
import { spawnSync } from 'node:child_process';
import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { corpusCopy, tempDir } from '../../../test/support/fixtures';
import { appendMessage, writeSession } from '../../../test/support/live';
import { scanWithStats } from '../scan';
import { JsonlStore } from '../store';
import { newSession } from '../new-session';
import { SummaryCache } from './summary-cache';

describe('SummaryCache', () => {
  it('summarizes a file again only when it changed, and forgets files that went away', async () => {
    const dir = tempDir();
    const path = writeSession(dir, 's', ['one']);
    const summarize = vi.fn(scanWithStats);
    const cache = new SummaryCache(summarize);
    const first = await cache.get(path, 's');
    expect(first?.msg_count).toBe(1);
    expect(await cache.get(path, 's')).toBe(first);
    expect(summarize).toHaveBeenCalledOnce();

    appendMessage(dir, 's', 'two');
    expect((await cache.get(path, 's'))?.msg_count).toBe(2);
    writeSession(dir, 'tmp', ['x', 'y', 'z']);
    renameSync(join(dir, 'tmp.jsonl'), path);
    expect((await cache.get(path, 's'))?.msg_count).toBe(3);
    expect(summarize).toHaveBeenCalledTimes(3);

    unlinkSync(path);
    expect(await cache.get(path, 's')).toBeNull();
    writeFileSync(path, '');
    expect(await cache.get(path, 's')).toBeNull();
  });
});

describe('JsonlStore.list under repeated calls', () => {
  it('matches a fresh store after every change, cached or not', async () => {
    const dir = corpusCopy();
    unlinkSync(join(dir, 'index.json'));
    const store = new JsonlStore(dir);
    const fresh = () => new JsonlStore(dir).list();
    expect(await store.list()).toEqual(await fresh());
    writeSession(dir, 'added', ['hello']);
    const [first] = await store.list();
    expect(first?.id).toBe('added');
    appendMessage(dir, 'added', 'again');
    expect(await store.list()).toEqual(await fresh());
    expect((await store.list()).find((s) => s.id === 'added')?.msg_count).toBe(2);
    unlinkSync(join(dir, 'added.jsonl'));
    expect((await store.list()).map((s) => s.id)).not.toContain('added');
  });

  it('marks a session live while its lock names a running process', async () => {
    const dir = tempDir();
    writeSession(dir, 'running');
    writeSession(dir, 'crashed');
    writeSession(dir, 'idle');
    const exited = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeFileSync(join(dir, 'running.lock'), `${process.pid}\n`);
    writeFileSync(join(dir, 'crashed.lock'), JSON.stringify({ pid: exited }));
    writeFileSync(join(dir, 'orphan.lock'), `${process.pid}\n`);
    const live = Object.fromEntries((await new JsonlStore(dir).list()).map((s) => [s.id, s.live]));
    expect(live).toEqual({ running: true, crashed: false, idle: false });
  });

  it('keeps `live` out of index.json when the index is rebuilt from the list', async () => {
    const dir = tempDir();
    writeSession(dir, 's');
    writeFileSync(join(dir, 's.lock'), String(process.pid));
    const created = newSession('v', 'e', 'm');
    await new JsonlStore(dir).ensureMeta(created);
    const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as Record<string, unknown>[];
    expect(index.map((e) => e.id).sort()).toEqual([created.id, 's'].sort());
    for (const entry of index) expect(entry).not.toHaveProperty('live');
  });
});
