// Words of every script are found as typed: SQLite's tokenizer folds case and Latin accents only,
// so the query must reach FTS5 as the user wrote it (in NFC, as the index holds the text), not
// as normalize.ts folds it for snippets.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptySession } from '../../src/core/load';
import { search, sessionMatches } from '../../src/core/search/searcher';
import { SearchIndex } from '../../src/core/search/search-index';
import { messageLine, metaLine } from '../../src/core/serialize';
import { JsonlStore } from '../../src/core/store';
import { tempDir } from '../support/fixtures';

/** One session per text; each query should find the session of its word (and only that one). */
const TEXTS: Record<string, string> = {
  russian: 'Добавь йод и ещё немного соли',
  greek: 'Η άλφα έκδοση του μεταγλωττιστή',
  korean: '검색 색인을 다시 만듭니다',
  japanese: 'データベースが壊れました',
  chinese: '缓存命中率很高，但是重建索引很慢',
  hindi: 'यह किताब पढ़ो',
  thai: 'ภาษาไทยง่ายนิดเดียว',
  latin: 'Ångström naïve café',
  // Decomposed (NFD), as macOS spells file names: a syllable in letters, a kana with its mark apart.
  decomposed: `ls: ${'파일'.normalize('NFD')} ${'ガイド'.normalize('NFD')}`,
};

const QUERIES: [string, string][] = [
  ['йод', 'russian'],
  ['ЕЩЁ', 'russian'],
  ['άλφα', 'greek'],
  ['ΆΛΦΑ', 'greek'],
  ['검색', 'korean'],
  // Chinese and Japanese have no spaces: any run of their characters is found, inside a sentence too.
  ['データベースが壊れました', 'japanese'],
  ['壊れ', 'japanese'],
  ['命中', 'chinese'],
  ['重建索引', 'chinese'],
  ['"索引很慢"', 'chinese'],
  ['किताब', 'hindi'],
  ['"यह किताब"', 'hindi'],
  ['ภาษาไทยง่ายนิดเดียว', 'thai'],
  ['파일', 'decomposed'],
  ['ガイド', 'decomposed'],
  ['검색'.normalize('NFD'), 'korean'],
  ['angstrom', 'latin'],
  ['NAIVE CAFÉ', 'latin'],
];

let dir: string;
let index: SearchIndex;

beforeAll(async () => {
  dir = join(tempDir(), 'sessions');
  mkdirSync(dir);
  for (const [id, text] of Object.entries(TEXTS)) {
    const meta = metaLine({ ...emptySession(id), title: id, updated_at: '2026-01-01T00:00:00Z' });
    writeFileSync(
      join(dir, `${id}.jsonl`),
      meta + messageLine(id, { role: 'user', content: [{ type: 'text', text }] }),
    );
  }
  index = new SearchIndex(join(tempDir(), 'index.sqlite'));
  await index.update(new JsonlStore(dir));
});

afterAll(() => index.close());

describe('search in other scripts', () => {
  it.each(QUERIES)('%s finds the %s session', async (query, id) => {
    const results = await search(index, dir, `${query} `);
    expect(results.groups.map((g) => g.id)).toEqual([id]);
    expect(sessionMatches(index, id, query)).toEqual([0]);
  });

  it.each(QUERIES)('%s typed so far (a prefix) finds the %s session', async (query, id) => {
    const results = await search(index, dir, query);
    expect(results.groups.map((g) => g.id)).toEqual([id]);
  });

  it('finds a Japanese run by its start while typing', async () => {
    expect((await search(index, dir, 'データベースが')).groups.map((g) => g.id)).toEqual(['japanese']);
  });

  it('matches Chinese characters only standing together, and marks just that run', async () => {
    expect((await search(index, dir, '中命 ')).groups).toEqual([]);
    const [group] = (await search(index, dir, '率很高 ')).groups;
    const match = group!.matches[0]!;
    expect(match.highlights.map(([a, b]) => match.snippet.slice(a, b))).toEqual(['率很高']);
  });

  it('finds a Chinese run next to other words, and both apart', async () => {
    expect((await search(index, dir, '"但是重建" ')).groups.map((g) => g.id)).toEqual(['chinese']);
    expect((await search(index, dir, '缓存 很慢 ')).groups.map((g) => g.id)).toEqual(['chinese']);
  });

  it('ignores a combining mark typed on its own (it is no word, and would match nothing)', async () => {
    expect((await search(index, dir, 'café \u0301 ')).groups.map((g) => g.id)).toEqual(['latin']);
  });

  it('does not fold away what distinguishes words in other scripts', async () => {
    // й is not и, and the Greek tonos is kept by SQLite: a folded query would find nothing here.
    expect((await search(index, dir, 'иод ')).groups).toEqual([]);
    expect((await search(index, dir, 'αλφα ')).groups).toEqual([]);
  });
});
