// The list's summaries kept in the cache folder: a new store (a new process) takes unchanged files'
// summaries from there, rescans changed ones, and ignores a damaged or ill-shaped file.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JsonlStore } from '../../src/core/store';
import { corpusCopy, snapshot, tempDir } from '../support/fixtures';

// In the fixtures, this session is missing from index.json, so the list summarizes its bytes.
const UNINDEXED = '20260301-101010-00000000000000a6';

const setup = () => {
  const dir = corpusCopy();
  const cache = join(tempDir(), 'summaries', 'dir.json');
  return { dir, cache, store: () => new JsonlStore(dir, { summaryFile: cache }) };
};
const stored = (cache: string) => JSON.parse(readFileSync(cache, 'utf8'));

describe('stored list summaries', () => {
  it('are written by a list and used by the next store while the file is unchanged', async () => {
    const { dir, cache, store } = setup();
    const first = await store().list();
    expect(first.find((s) => s.id === UNINDEXED)).toBeDefined();
    const file = stored(cache);
    expect(file.scanned[UNINDEXED].summary.id).toBe(UNINDEXED);

    // A planted title proves the next store took the summary from the file, not from the session.
    file.scanned[UNINDEXED].summary.title = 'from the stored summary';
    writeFileSync(cache, JSON.stringify(file));
    const before = snapshot(dir);
    const second = await store().list();
    expect(second.find((s) => s.id === UNINDEXED)?.title).toBe('from the stored summary');
    expect(snapshot(dir)).toEqual(before); // the sessions folder is never written

    // Once the session file changes, its summary is taken from its bytes again.
    appendFileSync(join(dir, `${UNINDEXED}.jsonl`), '\n');
    const third = await store().list();
    const original = first.find((s) => s.id === UNINDEXED)!;
    expect(third.find((s) => s.id === UNINDEXED)).toEqual({ ...original, size: original.size + 1 });
  });

  it('give the same list as no stored summaries at all', async () => {
    const { dir, store } = setup();
    const plain = await new JsonlStore(dir).list();
    expect(await store().list()).toEqual(plain);
    expect(await store().list()).toEqual(plain);
  });

  it('are ignored when the file is damaged, of another format or holds ill-shaped entries', async () => {
    const { dir, cache, store } = setup();
    const plain = await new JsonlStore(dir).list();
    await store().list();
    const good = stored(cache);
    const bad = [
      '{"format":1,"scanned":{"',
      JSON.stringify({ ...good, format: 999 }),
      JSON.stringify({
        ...good,
        scanned: {
          ...good.scanned,
          [UNINDEXED]: { ...good.scanned[UNINDEXED], summary: { id: UNINDEXED, title: 5 } },
        },
      }),
      JSON.stringify({
        ...good,
        scanned: {
          ...good.scanned,
          [UNINDEXED]: {
            ...good.scanned[UNINDEXED],
            summary: { ...good.scanned[UNINDEXED].summary, id: 'other' },
          },
        },
      }),
    ];
    for (const text of bad) {
      writeFileSync(cache, text);
      expect(await store().list()).toEqual(plain);
    }
  });
});
