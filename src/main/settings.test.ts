// The remembered sessions folder: written atomically, read back, and ignored when damaged.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/support/fixtures';
import { loadSettings, saveSettings } from './settings';

describe('settings', () => {
  it('remembers the sessions folder across a save and a load', async () => {
    const file = join(tempDir(), 'settings.json');
    await saveSettings(file, { sessionsDir: '/data/sessions' });
    await expect(loadSettings(file)).resolves.toEqual({ sessionsDir: '/data/sessions' });
  });

  it('creates the folder the settings file lives in', async () => {
    const file = join(tempDir(), 'not', 'yet', 'settings.json');
    await saveSettings(file, { sessionsDir: '/data' });
    await expect(loadSettings(file)).resolves.toEqual({ sessionsDir: '/data' });
  });

  it('replaces the file without leaving temp files behind', async () => {
    const dir = tempDir();
    const file = join(dir, 'settings.json');
    await saveSettings(file, { sessionsDir: '/first' });
    await saveSettings(file, { sessionsDir: '/second' });
    expect(readdirSync(dir)).toEqual(['settings.json']);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ sessionsDir: '/second' });
  });

  it('treats a missing file as nothing remembered', async () => {
    await expect(loadSettings(join(tempDir(), 'absent.json'))).resolves.toEqual({});
  });

  it.each(['{not json', 'null', '[]', '"text"', '{"sessionsDir": 42}', '{"sessionsDir": ""}'])(
    'treats %j as nothing remembered',
    async (content) => {
      const file = join(tempDir(), 'settings.json');
      writeFileSync(file, content);
      await expect(loadSettings(file)).resolves.toEqual({});
    },
  );
});
