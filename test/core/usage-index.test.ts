// The usage table the indexer fills: each session's tokens and cost counted once (the cost
// record's totals, else the usage entries), kept right through appends, rewrites and removals,
// and added up per day, week, month, model, vendor, folder and source.
import { appendFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SearchIndex } from '../../src/core/search/search-index';
import { JsonlStore } from '../../src/core/store';
import { corpusCopy, tempDir } from '../support/fixtures';

const ALPHA = '20260410-080000-00000000000000a7';
const TOOLS = '20261124-135052-d23db7e55539ac33';
const ZERO = '0001-01-01T00:00:00Z';

const open: SearchIndex[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

async function indexed(dir = corpusCopy()) {
  const store = new JsonlStore(dir);
  const index = new SearchIndex(join(tempDir(), 'index.sqlite'));
  open.push(index);
  await index.update(store);
  return { store, index, dir };
}

const usageLine = (id: string, input: number, output: number, cacheRead = 0) =>
  JSON.stringify({
    type: 'usage',
    session_id: id,
    created_at: ZERO,
    updated_at: ZERO,
    usage_entry: {
      usage: {
        input_tokens: input,
        output_tokens: output,
        cache_read_tokens: cacheRead,
        cache_write_tokens: 0,
      },
    },
  }) + '\n';

const costLine = (id: string, cost: object) =>
  JSON.stringify({ type: 'cost', session_id: id, created_at: ZERO, updated_at: ZERO, cost }) + '\n';

describe('usage in the index', () => {
  it('counts the cost record of one session and the usage entries of another, once each', async () => {
    const { index } = await indexed();
    const report = index.usage({ by: 'day' });
    expect(
      report.rows.map((r) => [r.key, r.input_tokens, r.output_tokens, r.cache_read_tokens, r.cost_usd]),
    ).toEqual([
      ['2026-04-10', 100, 50, 0, 0],
      ['2026-11-24', 12345, 678, 9000, 0.0421],
    ]);
    expect(report.totals).toMatchObject({
      input_tokens: 12445,
      output_tokens: 728,
      cache_read_tokens: 9000,
      cost_usd: 0.0421,
    });
    expect(report.top.map((t) => [t.id, t.cost_usd, t.tokens])).toEqual([
      [TOOLS, 0.0421, 22023],
      [ALPHA, 0, 150],
    ]);
    expect(report.top[0]).toMatchObject({
      title: 'Tool heavy alpha',
      model: 'gpt-5',
      day: '2026-11-24',
      cost_estimated: false,
    });
  });

  it('groups by week (its Monday), month, model, vendor, folder and source', async () => {
    const { index } = await indexed();
    expect(index.usage({ by: 'week' }).rows.map((r) => r.key)).toEqual(['2026-04-06', '2026-11-23']);
    expect(index.usage({ by: 'month' }).rows.map((r) => r.key)).toEqual(['2026-04', '2026-11']);
    // Names come most costly first.
    expect(
      index
        .usage({ by: 'model' })
        .rows.map((r) => r.key)
        .slice(0, 2),
    ).toEqual(['gpt-5', 'claude-sonnet-4']);
    expect(index.usage({ by: 'vendor' }).rows[0]!.key).toBe('openai');
    expect(index.usage({ by: 'workspace' }).rows.map((r) => r.key)).toContain('/home/dev/project');
    const sources = index.usage({ by: 'source' }).rows;
    expect(sources.map((r) => r.key)).toEqual(['ggcode']);
    expect(sources[0]!.sessions).toBe(index.usage({ by: 'day' }).totals.sessions);
  });

  it('keeps to the days asked for, both ends included', async () => {
    const { index } = await indexed();
    expect(index.usage({ by: 'day', since: '2026-11-24' }).rows.map((r) => r.key)).toEqual(['2026-11-24']);
    expect(index.usage({ by: 'day', until: '2026-04-10' }).rows.map((r) => r.key)).toEqual(['2026-04-10']);
    expect(index.usage({ by: 'day', since: '2026-04-11', until: '2026-11-23' }).totals.input_tokens).toBe(0);
    expect(index.usage({ by: 'model', since: '2026-11-01' }).top.map((t) => t.id)).toEqual([TOOLS]);
  });

  it('adds appended usage entries to what was read before, and a later cost record wins', async () => {
    const { store, index, dir } = await indexed();
    appendFileSync(join(dir, `${ALPHA}.jsonl`), usageLine(ALPHA, 10, 5, 7));
    await index.update(store);
    expect(index.usage({ by: 'day', until: '2026-04-10' }).totals).toMatchObject({
      input_tokens: 110,
      output_tokens: 55,
      cache_read_tokens: 7,
    });
    appendFileSync(
      join(dir, `${TOOLS}.jsonl`),
      costLine(TOOLS, { input_tokens: 20000, output_tokens: 900, total_cost_usd: 0.08 }),
    );
    await index.update(store);
    const tools = index.usage({ by: 'day', since: '2026-11-24' }).totals;
    expect(tools).toMatchObject({
      input_tokens: 20000,
      output_tokens: 900,
      cache_read_tokens: 0,
      cost_usd: 0.08,
    });
    // A later append without a cost record keeps the one read before.
    appendFileSync(join(dir, `${TOOLS}.jsonl`), usageLine(TOOLS, 1, 1));
    await index.update(store);
    expect(index.usage({ by: 'day', since: '2026-11-24' }).totals.cost_usd).toBe(0.08);
  });

  it('starts over when a file is rewritten, and forgets a removed one', async () => {
    const { store, index, dir } = await indexed();
    const file = join(dir, `${ALPHA}.jsonl`);
    writeFileSync(
      file,
      JSON.stringify({
        type: 'meta',
        session_id: ALPHA,
        title: 'rewritten',
        vendor: 'anthropic',
        model: 'claude-opus-4',
        created_at: '2026-04-12T09:00:00+02:00',
        updated_at: '2026-04-12T10:00:00+02:00',
      }) +
        '\n' +
        usageLine(ALPHA, 3, 4),
    );
    await index.update(store);
    const april = index.usage({ by: 'day', until: '2026-04-30' });
    expect(april.rows.map((r) => [r.key, r.input_tokens, r.output_tokens])).toEqual([['2026-04-12', 3, 4]]);
    rmSync(file);
    await index.update(store);
    expect(index.usage({ by: 'day', until: '2026-04-30' }).rows).toEqual([]);
  });

  it('adds up 10,000 sessions in SQL without reading them', async () => {
    const dir = tempDir();
    const index = new SearchIndex(join(tempDir(), 'index.sqlite'));
    open.push(index);
    const lines: string[] = [];
    for (let n = 0; n < 300; n++) {
      const id = `20260101-000000-${n.toString(16).padStart(16, '0')}`;
      const day = `2026-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}`;
      lines.length = 0;
      lines.push(
        JSON.stringify({
          type: 'meta',
          session_id: id,
          title: `s${n}`,
          vendor: 'v',
          model: `m${n % 3}`,
          created_at: `${day}T10:00:00Z`,
          updated_at: `${day}T11:00:00Z`,
        }) + '\n',
      );
      lines.push(costLine(id, { input_tokens: n, output_tokens: 1, total_cost_usd: n / 100 }));
      writeFileSync(join(dir, `${id}.jsonl`), lines.join(''));
    }
    await index.update(new JsonlStore(dir));
    const report = index.usage({ by: 'month' });
    expect(report.rows).toHaveLength(12);
    expect(report.totals.sessions).toBe(300);
    expect(report.totals.input_tokens).toBe((299 * 300) / 2);
    expect(report.totals.cost_usd).toBeCloseTo((299 * 300) / 200, 6);
    expect(report.top[0]!.title).toBe('s299');
  });
});

describe('usage through the search service', () => {
  it('answers from the reports kept since the last update, and sees the next update', async () => {
    const { SearchService } = await import('../../src/core/search/search-service');
    const dir = corpusCopy();
    const service = new SearchService(new JsonlStore(dir), join(tempDir(), 'index.sqlite'));
    try {
      await service.refresh();
      const first = await service.usage({ by: 'day' });
      expect(first.totals.input_tokens).toBe(12445);
      expect(first.progress.state).toBe('ready');
      appendFileSync(join(dir, `${ALPHA}.jsonl`), usageLine(ALPHA, 1000, 0));
      // Not refreshed yet: the kept report.
      expect((await service.usage({ by: 'day' })).totals.input_tokens).toBe(12445);
      await service.refresh();
      expect((await service.usage({ by: 'day' })).totals.input_tokens).toBe(13445);
      expect((await service.usage({ by: 'day', breakdowns: true })).breakdowns?.model[0]?.key).toBe('gpt-5');
    } finally {
      await service.close();
    }
  });
});
