// The list's facts of other sources kept in the cache folder: a new process lists from them
// without scanning unchanged files, rescans changed ones, and ignores what it cannot trust
// (damaged file, ill-shaped entry, another price table).
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Catalog } from '../../../src/core/sources/catalog';
import { loadPriceTable } from '../../../src/core/sources/pricing/pricing';
import { resolveSources, sourceContext } from '../../../src/core/sources/selection';
import type { SessionSummary } from '../../../src/shared/types';
import { sourcesHome } from '../../support/source-home';

const CLAUDE_FILE = '.claude/projects/-home-dev-webapp/0b7c2a9e-5f7b-4c1e-9a57-2d1f3c4b5a61.jsonl';
const CLAUDE_ID = 'claude-0b7c2a9e-5f7b-4c1e-9a57-2d1f3c4b5a61';
const CODEX_ID = 'codex-5973b6c0-94b8-487b-a530-2aeb6098ae0e';

type Stored = {
  format: number;
  stamp: string;
  caches: Record<string, Record<string, { key: string; summary: Record<string, unknown> | null }>>;
};

function setup() {
  const home = sourcesHome();
  const cacheDir = mkdtempSync(join(tmpdir(), 'transcripts-facts-'));
  const settings = resolveSources({}, sourceContext({ HOME: home })).filter((s) => s.name !== 'ggcode');
  // A new process each time: nothing is kept in memory between two catalogs.
  const list = async (prices = loadPriceTable({})) =>
    (await Catalog.open(settings, prices, cacheDir).list()).map((s) => ({ ...s }));
  const file = (name: string) =>
    join(
      cacheDir,
      'summaries',
      readdirSync(join(cacheDir, 'summaries')).find((f) => f.startsWith(`${name}-`))!,
    );
  const read = (name: string) => JSON.parse(readFileSync(file(name), 'utf8')) as Stored;
  const write = (name: string, value: unknown) => writeFileSync(file(name), JSON.stringify(value));
  return { home, cacheDir, list, file, read, write };
}

const row = (rows: SessionSummary[], id: string) => rows.find((r) => r.id === id)!;

/** Sets the title of every stored Claude main-file entry (the list shows it only if it used them). */
function forgeClaude(stored: Stored, title: string): Stored {
  for (const e of Object.values(stored.caches.main!)) if (e.summary) e.summary.title = title;
  return stored;
}

describe('stored facts of other sources', () => {
  it('a new process lists from them, the same rows, and rescans a file that changed', async () => {
    const { home, list, read, write } = setup();
    const first = await list();
    expect(first.some((r) => r.source === 'claude') && first.some((r) => r.source === 'codex')).toBe(true);
    expect(Object.keys(read('claude').caches.main!).length).toBeGreaterThan(0);
    expect(Object.keys(read('codex').caches.facts!).length).toBeGreaterThan(0);
    expect(await list()).toEqual(first);

    // What is stored is what the next list shows while the files are unchanged.
    write('claude', forgeClaude(read('claude'), 'From the cache'));
    expect(row(await list(), CLAUDE_ID).title).toBe('From the cache');
    // A file that changed is scanned again.
    appendFileSync(join(home, CLAUDE_FILE), '{"type":"file-history-snapshot"}\n');
    const again = await list();
    expect(row(again, CLAUDE_ID).title).toBe(row(first, CLAUDE_ID).title);
    expect(row(again, CLAUDE_ID).size).toBeGreaterThan(row(first, CLAUDE_ID).size);
  });

  it('ignores a damaged file, another format, ill-shaped entries and another price table', async () => {
    const { list, file, read, write } = setup();
    const first = await list();
    const good = read('claude');

    writeFileSync(file('claude'), '{ damaged');
    expect(await list()).toEqual(first);
    write('claude', { ...forgeClaude(read('claude'), 'From the cache'), format: 999 });
    expect(row(await list(), CLAUDE_ID).title).toBe(row(first, CLAUDE_ID).title);
    const bad = forgeClaude(structuredClone(good), 'From the cache');
    for (const e of Object.values(bad.caches.main!)) if (e.summary) e.summary.count = 'many';
    write('claude', bad);
    expect(row(await list(), CLAUDE_ID)).toEqual(row(first, CLAUDE_ID));
    const badUsage = forgeClaude(structuredClone(good), 'From the cache');
    for (const e of Object.values(badUsage.caches.main!)) if (e.summary) e.summary.usage = [['k', 'm', {}]];
    write('claude', badUsage);
    expect(row(await list(), CLAUDE_ID)).toEqual(row(first, CLAUDE_ID));

    // Codex rows carry costs estimated with the price table: another table is not trusted.
    const codex = read('codex');
    for (const e of Object.values(codex.caches.facts!))
      if (e.summary?.summary) (e.summary.summary as Record<string, unknown>).title = 'From the cache';
    write('codex', codex);
    expect(row(await list(), CODEX_ID).title).toBe('From the cache');
    write('codex', codex);
    const other = { as_of: '2020-01-01', models: {} };
    const priced = row(await list(other), CODEX_ID);
    expect(priced.title).toBe(row(first, CODEX_ID).title);
    expect(row(first, CODEX_ID).cost?.total_cost_usd).toBeGreaterThan(0);
    expect(priced.cost?.total_cost_usd).toBeUndefined();
  });

  it('keeps nothing without a cache folder', async () => {
    const home = sourcesHome();
    const settings = resolveSources({}, sourceContext({ HOME: home })).filter((s) => s.name !== 'ggcode');
    const rows = await Catalog.open(settings, loadPriceTable({})).list();
    expect(rows.length).toBeGreaterThan(0);
    expect(readdirSync(home).sort()).toEqual(['.claude', '.codex', '.ggcode']);
  });
});
