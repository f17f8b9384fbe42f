// `sessions usage [--by ...] [--since D] [--until D] [--json]` over the fixtures' cost and usage
// records: the table, the totals, the JSON report, and usage errors.
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import type { UsageReport } from '../../src/shared/usage';
import { corpusCopy, tempDir } from '../support/fixtures';

async function cli(args: string[]): Promise<{ code: number; out: string; err: string[] }> {
  let out = '';
  const err: string[] = [];
  const env = { TRANSCRIPTS_CACHE_DIR: tempDir() };
  const code = await main(args, { out: (t) => (out += t), err: (l) => err.push(l) }, env);
  return { code, out, err };
}

describe('sessions usage', () => {
  it('prints tokens and cost per day with totals, the cache-read share and the costliest sessions', async () => {
    const { code, out } = await cli(['--dir', corpusCopy(), 'usage']);
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^DAY +SESSIONS +INPUT +OUTPUT +CACHE READ +CACHE WRITE +COST$/);
    expect(lines[1]).toMatch(/^2026-04-10 +1 +100 +50 +0 +0 +-$/);
    expect(lines[2]).toMatch(/^2026-11-24 +1 +12,345 +678 +9,000 +0 +\$0\.0421$/);
    expect(lines[3]).toMatch(/^TOTAL +2 +12,445 +728 +9,000 +0 +\$0\.0421$/);
    expect(out).toContain('cache reads: 42.0% of input tokens');
    expect(out).toMatch(
      /most expensive sessions:\n20261124-135052-d23db7e55539ac33 +2026-11-24 +\$0\.0421 +22,023 tokens +Tool heavy alpha/,
    );
  });

  it('groups --by model within --since/--until, and answers --json with the report', async () => {
    const dir = corpusCopy();
    const { out } = await cli([
      '--dir',
      dir,
      'usage',
      '--by',
      'model',
      '--since',
      '2026-11-01',
      '--until',
      '2026-12-31',
    ]);
    expect(out.split('\n')[1]).toMatch(/^gpt-5 +1 +12,345/);
    expect(out).not.toContain('claude-sonnet-4');
    const json = JSON.parse(
      (await cli(['--dir', dir, 'usage', '--by', 'month', '--json'])).out,
    ) as UsageReport;
    expect(json.by).toBe('month');
    expect(json.rows.map((r) => r.key)).toEqual(['2026-04', '2026-11']);
    expect(json.totals.cost_usd).toBe(0.0421);
  });

  it('says so when a range has nothing', async () => {
    const { code, out, err } = await cli(['--dir', corpusCopy(), 'usage', '--since', '2030-01-01']);
    expect(code).toBe(0);
    expect(out).toBe('');
    expect(err).toEqual(['no usage recorded in this range']);
  });

  it('refuses a grouping or a day it does not know', async () => {
    const bad = await cli(['--dir', corpusCopy(), 'usage', '--by', 'hour']);
    expect(bad.code).toBe(2);
    expect(bad.err[0]).toContain('--by must be one of day, week, month, model, vendor, workspace, source');
    expect((await cli(['--dir', corpusCopy(), 'usage', '--since', 'yesterday'])).code).toBe(2);
    expect((await cli(['--dir', corpusCopy(), 'usage', '--until', '2026-13-45'])).code).toBe(2);
    expect((await cli(['--dir', corpusCopy(), 'usage', 'extra'])).code).toBe(2);
  });
});
