// The shipped price table: dated, the newer models priced by their own rows (not by an older
// model whose id they start with), and the cost it gives marked estimated.
import { describe, expect, it } from 'vitest';
import { estimateCost, loadPriceTable, noTokens, priceFor } from '../../../src/core/sources/pricing/pricing';
import { tempDir } from '../../support/fixtures';

const table = loadPriceTable({ TRANSCRIPTS_PRICES: `${tempDir()}/none.json` });

describe('the shipped price table', () => {
  it('says when it was taken', () => {
    expect(table.as_of).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('prices each model by its own row, dated and vendor-prefixed ids too', () => {
    // Opus 4.6 and later cost a third of Opus 4 / 4.1: the prefix claude-opus-4 must not win.
    expect(priceFor(table, 'claude-opus-4-6')).toMatchObject({ input: 5, output: 25, cache_read: 0.5 });
    expect(priceFor(table, 'claude-opus-4-1-20250805')).toMatchObject({ input: 15, output: 75 });
    expect(priceFor(table, 'us.anthropic.claude-sonnet-4-5-20250929-v1:0')).toMatchObject({
      input: 3,
      cache_write: 3.75,
      cache_write_1h: 6,
    });
    expect(priceFor(table, 'claude-opus-5-5')).toMatchObject({ input: 4, output: 20 });
    expect(priceFor(table, 'claude-sonnet-5')).toMatchObject({ input: 2, output: 10, cache_read: 0.2 });
    expect(priceFor(table, 'gpt-5.3-codex')).toMatchObject({ input: 1.75, output: 14, cache_read: 0.175 });
    expect(priceFor(table, 'gpt-5.4-mini')).toMatchObject({ input: 0.75, output: 4.5 });
    expect(priceFor(table, 'openai/gpt-5-codex')).toMatchObject({
      input: 1.25,
      output: 10,
      cache_read: 0.125,
    });
    expect(priceFor(table, 'gemini-3.1-pro')).toBeNull();
  });

  it('gives an estimated cost with the table date, naming models it has no price for', () => {
    const used = { ...noTokens(), input: 1_000_000, output: 100_000, cache_read: 2_000_000 };
    const cost = estimateCost(
      table,
      'anthropic',
      new Map([
        ['claude-opus-4-6', used],
        ['claude-mystery-1', used],
      ]),
    );
    // 1M input at $5, 0.1M output at $25, 2M cache reads at $0.50.
    expect(cost).toMatchObject({
      estimated: true,
      prices_as_of: table.as_of,
      total_cost_usd: 8.5,
      unpriced_models: ['claude-mystery-1'],
    });
  });
});
