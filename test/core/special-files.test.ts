// Only regular files are read: FIFOs, sockets, devices and folders named like sessions, index.json
// or locks (or symlinks to them, or to files outside the folder) are skipped and counted, and no
// operation blocks or runs away on them. Each operation runs in a probe process with a deadline.
import { lstatSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileFolder, type HostileFolder } from '../support/hostile-files';
import { buildProbe, probe } from '../support/probe';

let folder: HostileFolder;
let script: string;

beforeAll(async () => {
  [folder, script] = await Promise.all([hostileFolder(), buildProbe()]);
});
afterAll(() => folder.close());

const run = (op: string, arg?: string) => probe(script, op, folder.dir, arg);

describe('a folder with FIFOs, a socket, devices and a folder named like sessions', () => {
  it('lists the regular sessions and counts every other entry as unreadable', async () => {
    // Five at once, as a browser refreshing would: none may hold a thread waiting on a FIFO.
    const results = await Promise.all(Array.from({ length: 5 }, () => run('list')));
    for (const result of results) {
      expect(result).toEqual({
        ok: true,
        value: { ids: folder.readable, counts: [2, 2], unreadable: folder.unreadable },
      });
    }
  });

  it.each(['load', 'export', 'tail'])('%s refuses each one with a clear line', async (op) => {
    const results = await Promise.all(folder.refused.map((id) => run(op, id)));
    for (const [i, result] of results.entries()) {
      const id = folder.refused[i]!;
      expect(result.ok, `${op} ${id}`).toBe(false);
      const error = (result as { error: string }).error;
      expect(error).toMatch(new RegExp(`^${id}\\.jsonl is .*not a regular file; it was not read$`));
    }
    expect(await run(op, 'good')).toMatchObject({ ok: true });
  });

  it('says which kind of entry it refused', async () => {
    const kinds = await Promise.all(folder.refused.map((id) => run('load', id)));
    expect(kinds.map((k) => (k as { error: string }).error.split(' is ')[1]!.split(',')[0])).toEqual([
      'a symbolic link to outside its folder',
      'a FIFO',
      'a FIFO',
      'a symbolic link to outside its folder',
      'a symbolic link to outside its folder',
      'a directory',
      'a socket',
    ]);
  });

  it('follows a symlink to a session inside the folder, also when the folder is a symlink', async () => {
    expect(await run('load', 'alias')).toEqual({ ok: true, value: 2 });
    const linkedRoot = join(folder.dir, '..', 'linked-root');
    symlinkSync(folder.dir, linkedRoot);
    expect(await probe(script, 'load', linkedRoot, 'alias')).toEqual({ ok: true, value: 2 });
    expect(await probe(script, 'list', linkedRoot)).toMatchObject({ value: { ids: folder.readable } });
  });

  it('live follow treats a refused file as not there yet', async () => {
    for (const id of ['fifo', 'zero', 'folder'])
      expect(await run('live', id)).toEqual({ ok: true, value: null });
  });

  it('never appends into a FIFO or through a symlink out of the folder', async () => {
    for (const id of ['fifo', 'outside']) {
      expect(await run('append', id)).toMatchObject({ ok: false, error: /not a regular file/ });
    }
    expect(lstatSync(join(folder.dir, 'fifo.jsonl')).isFIFO()).toBe(true);
    const outside = readFileSync(join(folder.dir, '..', 'elsewhere', 'secret.jsonl'), 'utf8');
    expect(outside).not.toContain('appended');
  });

  it('reads no PID from a lock that is a FIFO', async () => {
    expect(await run('lock', 'good')).toEqual({ ok: true, value: null });
  });

  it('indexes the regular sessions for search and finds them, with snippets', async () => {
    expect(await run('search', 'marmalade')).toEqual({
      ok: true,
      value: [
        { id: 'alias', snippets: ['hello marmalade'] },
        { id: 'good', snippets: ['hello marmalade'] },
      ],
    });
    expect(await run('search', 'outsider')).toEqual({ ok: true, value: [] });
  });

  it('refuses to delete a folder named like a session', async () => {
    expect(await run('delete', 'folder')).toMatchObject({ ok: false, error: /folder\.jsonl is a directory/ });
    expect(lstatSync(join(folder.dir, 'folder.jsonl')).isDirectory()).toBe(true);
  });
});
