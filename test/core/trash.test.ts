// Delete into the trash and Undo: the file and its index entries both go, or neither; Undo puts
// both back exactly (bytes, mode, times, the entries' places); the trash is emptied after 30 days.
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Trash, TRASH_DIR } from '../../src/core/app-data/trash';
import { JsonlStore } from '../../src/core/store';
import { corpusCopy, tempDir } from '../support/fixtures';

const ID = '20261124-135052-b3bc2eebd2d250e8';

/** The session file's bytes, mode and modification time, and index.json's bytes. */
function state(dir: string, id = ID) {
  const file = join(dir, `${id}.jsonl`);
  const index = readFileSync(join(dir, 'index.json'), 'utf8');
  if (!existsSync(file)) return { file: null, index };
  const st = statSync(file);
  return { file: readFileSync(file, 'hex'), mode: st.mode, mtime: st.mtimeMs, index };
}

const indexIds = (dir: string) =>
  (JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { id: string }[]).map((e) => e.id);

async function roundTrip(dataDir: string) {
  const dir = corpusCopy();
  // A time the copy would not have, so that keeping it is seen.
  const old = new Date('2024-02-03T04:05:06.789Z');
  const { utimesSync } = await import('node:fs');
  utimesSync(join(dir, `${ID}.jsonl`), old, old);
  const store = new JsonlStore(dir);
  const before = state(dir);
  const trash = new Trash(dataDir);
  const token = await trash.put(store, ID);
  expect(token).not.toBeNull();
  expect(existsSync(join(dir, `${ID}.jsonl`))).toBe(false);
  expect(indexIds(dir)).not.toContain(ID);
  expect((await store.list()).map((s) => s.id)).not.toContain(ID);
  expect(readdirSync(join(dataDir, TRASH_DIR, token!)).sort()).toEqual(['record.json', 'session.jsonl']);
  // Nothing of the trash is left in the sessions folder.
  expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);

  expect(await trash.restore(store, token!)).toBe(ID);
  expect(state(dir)).toEqual(before);
  expect(existsSync(join(dataDir, TRASH_DIR, token!))).toBe(false);
  await expect(trash.restore(store, token!)).rejects.toThrow('no longer in the trash');
}

describe('the trash', () => {
  it('deletes into the trash and puts file and index entry back exactly', async () => {
    await roundTrip(tempDir());
  });

  it('does the same when the data folder is on another file system', async () => {
    if (!existsSync('/dev/shm')) return;
    await roundTrip(mkdtempSync('/dev/shm/transcripts-trash-'));
  });

  it('puts back neither when the trash cannot take the file, and both when it can', async () => {
    const dir = corpusCopy();
    const store = new JsonlStore(dir);
    const before = state(dir);
    // The data folder's place is taken by a file: nothing can be made inside it.
    const blocked = join(tempDir(), 'data');
    writeFileSync(blocked, 'not a folder');
    await expect(new Trash(blocked).put(store, ID)).rejects.toThrow();
    expect(state(dir)).toEqual(before);
  });

  it('refuses to put back over a session written again since, and changes nothing', async () => {
    const dir = corpusCopy();
    const store = new JsonlStore(dir);
    const data = tempDir();
    const trash = new Trash(data);
    const token = (await trash.put(store, ID))!;
    writeFileSync(join(dir, `${ID}.jsonl`), '{"type":"meta"}\n');
    const now = state(dir);
    await expect(trash.restore(store, token)).rejects.toThrow(/exists again/);
    expect(state(dir)).toEqual(now);
    expect(readdirSync(join(data, TRASH_DIR, token))).toContain('session.jsonl');
  });

  it('puts back only into the folder it came from, and says when there was nothing to delete', async () => {
    const data = tempDir();
    const trash = new Trash(data);
    const token = (await trash.put(new JsonlStore(corpusCopy()), ID))!;
    await expect(trash.restore(new JsonlStore(corpusCopy()), token)).rejects.toThrow(
      /deleted from .*not from this folder/,
    );
    expect(await trash.put(new JsonlStore(corpusCopy()), '20990101-000000-0000000000000000')).toBeNull();
    await expect(trash.restore(new JsonlStore(corpusCopy()), '../etc')).rejects.toThrow('not a trash entry');
  });

  it('empties what was deleted more than 30 days ago', async () => {
    const data = tempDir();
    let now = new Date('2026-01-01T00:00:00Z');
    const trash = new Trash(data, () => now);
    const dir = corpusCopy();
    const store = new JsonlStore(dir);
    const first = (await trash.put(store, ID))!;
    now = new Date('2026-01-20T00:00:00Z');
    const second = (await trash.put(store, '20261124-135052-d23db7e55539ac33'))!;
    now = new Date('2026-02-01T00:00:01Z');
    expect(await trash.empty()).toBe(1);
    expect(readdirSync(join(data, TRASH_DIR))).toEqual([second]);
    await expect(trash.restore(store, first)).rejects.toThrow('no longer in the trash');
    expect(await trash.restore(store, second)).toBe('20261124-135052-d23db7e55539ac33');
  });

  it('keeps the deleted file private to its owner', async () => {
    const dir = corpusCopy();
    chmodSync(join(dir, `${ID}.jsonl`), 0o640);
    const data = tempDir();
    const token = (await new Trash(data).put(new JsonlStore(dir), ID))!;
    expect(statSync(join(data, TRASH_DIR)).mode & 0o077).toBe(0);
    expect(statSync(join(data, TRASH_DIR, token, 'session.jsonl')).mode & 0o777).toBe(0o640);
  });
});
