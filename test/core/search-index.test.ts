// The full-text index over the fixtures: queries, filters, incremental updates and recovery.
import { appendFileSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { search, sessionMatches } from '../../src/core/search/searcher';
import { SearchIndex } from '../../src/core/search/search-index';
import { emptySession } from '../../src/core/load';
import { messageLine, metaLine } from '../../src/core/serialize';
import { JsonlStore } from '../../src/core/store';
import { corpusCopy, snapshot, tempDir } from '../support/fixtures';

const open: SearchIndex[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

async function indexed(dir = corpusCopy(), file = join(tempDir(), 'index.sqlite')) {
  const store = new JsonlStore(dir);
  const index = new SearchIndex(file);
  open.push(index);
  const stats = await index.update(store);
  return { store, index, dir, file, stats };
}

const ids = async (index: SearchIndex, dir: string, q: string): Promise<string[]> =>
  (await search(index, dir, q, { pageSize: 100 })).groups.map((g) => g.id);

describe('search index', () => {
  it('finds words in text, tool input and tool output, case- and accent-insensitively', async () => {
    const { index, dir } = await indexed();
    expect(await ids(index, dir, 'PERMISSION denied ')).toEqual(['20261124-135052-d23db7e55539ac33']);
    expect(await ids(index, dir, 'recursive ')).toEqual(['20261124-135052-d23db7e55539ac33']);
    expect(await ids(index, dir, 'eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee ')).toEqual([
      '20261124-135052-8ed97e085fd226b0',
    ]);
    expect(await ids(index, dir, 'thinking ')).toEqual(['20260410-080000-00000000000000a7']);
  });

  it('requires all words, supports "exact phrases" and a prefix on the last word', async () => {
    const { index, dir } = await indexed();
    expect(await ids(index, dir, 'stale cache ')).toEqual(['20261124-135052-642d08901e4b0349']);
    expect(await ids(index, dir, 'stale parser ')).toEqual([]);
    expect(await ids(index, dir, '"cache key" ')).toEqual(['20261124-135052-642d08901e4b0349']);
    expect(await ids(index, dir, '"key cache" ')).toEqual([]);
    expect(await ids(index, dir, 'refac')).toEqual(['20261124-135052-b3bc2eebd2d250e8']);
    expect(await ids(index, dir, 'refac ')).toEqual([]);
  });

  it('filters by field, model, vendor and date', async () => {
    const { index, dir } = await indexed();
    expect(await ids(index, dir, 'in:tools main ')).toEqual(['20261124-135052-d23db7e55539ac33']);
    expect(await ids(index, dir, 'in:text permission ')).toEqual([]);
    expect((await ids(index, dir, 'alpha model:claude ')).sort()).toEqual(
      [
        '20260410-080000-00000000000000a7',
        '20261124-135052-642d08901e4b0349',
        '20261124-135052-9d0d78e4cb3dbc97',
        '20261124-135052-b3bc2eebd2d250e8',
      ].sort(),
    );
    expect(await ids(index, dir, 'alpha vendor:openai ')).toEqual(['20261124-135052-d23db7e55539ac33']);
    expect(await ids(index, dir, 'alpha before:2026-03-31 ')).toEqual(['20260301-101010-00000000000000a6']);
    expect((await ids(index, dir, 'alpha after:2026-11-01 ')).length).toBe(6); // the seventh recent session has no "alpha"
  });

  it('groups by session with highlighted snippets and pages through them', async () => {
    const { index, dir } = await indexed();
    const first = await search(index, dir, 'alpha ', { pageSize: 3 });
    expect(first.total_sessions).toBe(8);
    expect(first.groups).toHaveLength(3);
    const last = await search(index, dir, 'alpha ', { pageSize: 3, page: 2 });
    expect(last.groups).toHaveLength(2);
    expect(new Set([...first.groups, ...last.groups].map((g) => g.id)).size).toBe(5);
    const hit = (await search(index, dir, 'stale ')).groups[0]!.matches[0]!;
    expect(hit).toMatchObject({ message: 1, field: 'text' });
    expect(hit.highlights.map(([a, b]) => hit.snippet.slice(a, b))).toEqual(['stale']);
  });

  it('lists every matching message of a session for next/previous', async () => {
    const { index } = await indexed();
    expect(sessionMatches(index, '20261124-135052-d23db7e55539ac33', 'main')).toEqual([1, 2]); // input src/main.go, output main.go
    expect(sessionMatches(index, '20261124-135052-b3bc2eebd2d250e8', 'alpha')).toEqual([1]);
  });

  it('never writes into the sessions directory', async () => {
    const dir = corpusCopy();
    const before = snapshot(dir);
    await indexed(dir);
    expect(snapshot(dir)).toEqual(before);
  });

  it('updates incrementally after append, delete and rename', async () => {
    const { store, index, dir, stats } = await indexed();
    expect(stats).toMatchObject({ added: 9, messages: 23 }); // the list's message counts add up to 23
    const id = '20261124-135052-272d909aaece2296';
    appendFileSync(
      join(dir, `${id}.jsonl`),
      JSON.stringify({
        type: 'message',
        message: { role: 'user', content: [{ type: 'text', text: 'zebra crossing' }] },
      }) + '\n',
    );
    expect(await index.update(store)).toMatchObject({ appended: 1, messages: 1, unchanged: 8 });
    expect(await ids(index, dir, 'zebra ')).toEqual([id]);
    expect(sessionMatches(index, id, 'zebra')).toEqual([2]);
    rmSync(join(dir, '20261124-135052-d23db7e55539ac33.jsonl'));
    expect(await index.update(store)).toMatchObject({ removed: 1 });
    expect(await ids(index, dir, 'permission ')).toEqual([]);
    renameSync(join(dir, `${id}.jsonl`), join(dir, 'renamed.jsonl'));
    expect(await index.update(store)).toMatchObject({ removed: 1, added: 1 });
    expect(await ids(index, dir, 'zebra ')).toEqual(['renamed']);
  });

  it('rebuilds transparently when the index file is deleted or corrupt', async () => {
    const { index, dir, file } = await indexed();
    index.close();
    open.pop();
    writeFileSync(file, 'this is not a database'.repeat(100));
    const again = await indexed(dir, file);
    expect(again.index.rebuilt).toBe(true);
    expect(await ids(again.index, dir, 'permission ')).toEqual(['20261124-135052-d23db7e55539ac33']);
    again.index.close();
    open.pop();
    rmSync(file);
    const fresh = await indexed(dir, file);
    expect(await ids(fresh.index, dir, 'permission ')).toEqual(['20261124-135052-d23db7e55539ac33']);
  });

  it('treats query syntax characters as text, never as FTS5 syntax', async () => {
    const { index, dir } = await indexed();
    for (const q of [
      '"',
      'NEAR(a b)',
      'a OR b',
      '*',
      'title:x',
      '(',
      ')',
      'AND',
      '^foo',
      '-x',
      "'; DROP TABLE docs; --",
    ]) {
      await expect(search(index, dir, q)).resolves.toHaveProperty('groups');
    }
  });
});

describe('the index file', () => {
  it('writes a first build as few segments: rowids only rise, so FTS5 never writes out early', async () => {
    const dir = join(tempDir(), 'sessions');
    mkdirSync(dir);
    for (let i = 0; i < 40; i++) {
      const id = `s${String(i).padStart(2, '0')}`;
      const meta = metaLine({ ...emptySession(id), title: `title ${i}`, updated_at: '2026-01-01T00:00:00Z' });
      const line = messageLine(id, { role: 'user', content: [{ type: 'text', text: `words ${i} here` }] });
      writeFileSync(join(dir, `${id}.jsonl`), meta + line.repeat(3));
    }
    const { index } = await indexed(dir);
    const segments = index.database().get('SELECT count(DISTINCT segid) AS n FROM fts_idx') as { n: number };
    expect(segments.n).toBeLessThanOrEqual(2);
  });

  it('holds a running update between two files while a query reads its snippets', async () => {
    const dir = join(tempDir(), 'sessions');
    mkdirSync(dir);
    for (let i = 0; i < 100; i++) {
      const id = `s${String(i).padStart(3, '0')}`;
      const line = messageLine(id, { role: 'user', content: [{ type: 'text', text: `words ${i}` }] });
      writeFileSync(join(dir, `${id}.jsonl`), metaLine({ ...emptySession(id), title: id }) + line);
    }
    const index = new SearchIndex(join(tempDir(), 'index.sqlite'));
    open.push(index);
    const seen: number[] = [];
    let query: Promise<void> | null = null;
    const update = index.update(new JsonlStore(dir), {
      onProgress: ({ done }) => {
        if (done !== 20) return;
        query = index.pausingUpdates(async () => {
          seen.push(index.files().size);
          for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
          await new Promise((resolve) => setTimeout(resolve, 50));
          seen.push(index.files().size);
        });
      },
    });
    await update;
    await query;
    expect(seen).toEqual([20, 20]);
    expect(index.files().size).toBe(100);
  });
});
