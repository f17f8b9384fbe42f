// The open store: tells whether its folder exists and can be re-pointed while the app runs.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusCopy, fixtureIds, tempDir } from '../../test/support/fixtures';
import { tempSearch } from '../../test/support/search';
import { OpenStore } from './open-store';

const deps = { makeSearch: tempSearch, dataDir: tempDir() };

describe('OpenStore', () => {
  it('reports the folder, whether it exists, and electron mode', async () => {
    const dir = corpusCopy();
    await expect(new OpenStore(dir, deps).info()).resolves.toEqual({ dir, exists: true, mode: 'electron' });
    const missing = join(tempDir(), 'not-yet');
    await expect(new OpenStore(missing, deps).info()).resolves.toEqual({
      dir: missing,
      exists: false,
      mode: 'electron',
    });
  });

  it('serves the new folder through the same handlers getter after repoint', async () => {
    const open = new OpenStore(join(tempDir(), 'empty'), deps);
    await expect(open.handlers()['sessions:list']({})).resolves.toEqual({ sessions: [], unreadable: 0 });
    const dir = corpusCopy();
    open.repoint(dir);
    expect(open.store().dir()).toBe(dir);
    const listed = await open.handlers()['sessions:list']({});
    expect(listed.sessions.map((s) => s.id).sort()).toEqual(fixtureIds().sort());
    await expect(open.handlers()['store:info']({})).resolves.toMatchObject({ dir, exists: true });
  });
});
