// delete is all or nothing: when the index cannot be written, the session's file is put back, so
// file and index entry are both still there (the reference had already removed the file).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { JsonlStore } from '../../src/core/store';
import { corpusCopy, snapshot } from '../support/fixtures';

const failing = vi.hoisted(() => ({ write: false }));
vi.mock('../../src/core/index-file', async (original) => {
  const real = await original<typeof import('../../src/core/index-file')>();
  return {
    ...real,
    writeIndex: async (...args: Parameters<typeof real.writeIndex>) => {
      if (failing.write) throw new Error('ENOSPC: no space left on device, write');
      return real.writeIndex(...args);
    },
  };
});

const VICTIM = '20261124-135052-d23db7e55539ac33';

describe('delete when the index write fails', () => {
  it('puts the file back and leaves the folder as it was', async () => {
    const dir = corpusCopy();
    const before = snapshot(dir);
    failing.write = true;
    try {
      await expect(new JsonlStore(dir).delete(VICTIM)).rejects.toThrow(/^ENOSPC/);
    } finally {
      failing.write = false;
    }
    // Lock files (`*.flock`) stay once made, as ggcode's do; nothing else changed.
    const withoutLocks = (snap: Record<string, string>) =>
      Object.fromEntries(Object.entries(snap).filter(([name]) => !name.endsWith('.flock')));
    expect(withoutLocks(snapshot(dir))).toEqual(before);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    const store = new JsonlStore(dir);
    expect((await store.list()).map((s) => s.id)).toContain(VICTIM);
  });

  it('removes both once the index can be written', async () => {
    const dir = corpusCopy();
    await new JsonlStore(dir).delete(VICTIM);
    expect(readdirSync(dir)).not.toContain(`${VICTIM}.jsonl`);
    const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { id: string }[];
    expect(index.map((e) => e.id)).not.toContain(VICTIM);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
