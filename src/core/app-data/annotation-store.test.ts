import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANNOTATIONS_FILE, AnnotationStore } from './annotation-store';
import { defaultDataDir } from './data-dir';

const fresh = () => mkdtempSync(join(tmpdir(), 'transcripts-data-'));

describe('the annotation store', () => {
  it('stars, tags, notes and names a session, and removes each again', async () => {
    const dir = fresh();
    const store = new AnnotationStore(dir);
    expect(await store.all()).toEqual({});
    expect(
      await store.update('s1', { starred: true, tags: [' bug ', 'Bug', 'ui'], name: '  Login fix ' }),
    ).toEqual({
      starred: true,
      tags: ['bug', 'ui'],
      name: 'Login fix',
    });
    await store.update('s1', { note: 'Check the retry path.\n' });
    await store.update('s2', { tags: ['ui'] });
    expect(await new AnnotationStore(dir).all()).toEqual({
      s1: { starred: true, tags: ['bug', 'ui'], name: 'Login fix', note: 'Check the retry path.' },
      s2: { tags: ['ui'] },
    });
    await store.update('s2', { tags: [] });
    await store.update('s1', { starred: false, name: '', note: '' });
    expect(await store.all()).toEqual({ s1: { tags: ['bug', 'ui'] } });
  });

  it('keeps entries it cannot use, and never overwrites a file it cannot read', async () => {
    const dir = fresh();
    const file = join(dir, ANNOTATIONS_FILE);
    writeFileSync(
      file,
      JSON.stringify({ version: 1, sessions: { 'bad id!': { starred: true }, s9: { future: 1 } } }),
    );
    const store = new AnnotationStore(dir);
    await store.update('s1', { starred: true });
    const kept = JSON.parse(readFileSync(file, 'utf8'));
    expect(kept.sessions).toEqual({ 'bad id!': { starred: true }, s9: { future: 1 }, s1: { starred: true } });
    expect(await store.all()).toEqual({ s1: { starred: true } });

    writeFileSync(file, '{"version": 1, "sessions": {"s1": ');
    await expect(store.all()).rejects.toThrow(/not valid JSON; it was left as it is/);
    await expect(store.update('s1', { starred: false })).rejects.toThrow(/not valid JSON/);
    expect(readFileSync(file, 'utf8')).toBe('{"version": 1, "sessions": {"s1": ');

    writeFileSync(file, JSON.stringify({ version: 2, sessions: {} }));
    await expect(store.update('s1', { starred: true })).rejects.toThrow(/newer version/);
  });

  it('loses no change when two writers update at once', async () => {
    const dir = fresh();
    const writers = Array.from({ length: 12 }, () => new AnnotationStore(dir));
    await Promise.all(writers.map((w, i) => w.update(`s${i}`, { tags: [`t${i}`] })));
    expect(Object.keys(await new AnnotationStore(dir).all()).sort()).toEqual(
      Array.from({ length: 12 }, (_, i) => `s${i}`).sort(),
    );
  });

  it('lives in the platform data folder unless TRANSCRIPTS_DATA_DIR says otherwise', () => {
    expect(defaultDataDir({ TRANSCRIPTS_DATA_DIR: '/x/y' }, 'linux')).toBe('/x/y');
    expect(defaultDataDir({ XDG_DATA_HOME: '/xdg' }, 'linux')).toBe('/xdg/transcripts');
    expect(defaultDataDir({ APPDATA: 'C:\\\\Users\\\\me\\\\AppData\\\\Roaming' }, 'win32')).toMatch(
      /Transcripts$/,
    );
    expect(defaultDataDir({}, 'darwin')).toMatch(/Library\/Application Support\/Transcripts$/);
  });
});
