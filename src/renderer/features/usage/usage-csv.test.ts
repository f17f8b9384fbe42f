// The usage CSV: a header, one line per group and the totals; names that a spreadsheet would run
// as formulas are defused, quotes and commas quoted.
import { describe, expect, it } from 'vitest';
import type { UsageReport, UsageRow } from '../../../shared/usage';
import { csvCell, usageCsv } from './usage-csv';

const row = (key: string, n: number): UsageRow => ({
  key,
  sessions: n,
  input_tokens: n * 10,
  output_tokens: n,
  cache_read_tokens: 0,
  cache_write_tokens: 0,
  cost_usd: n / 100,
  estimated_cost_usd: 0,
});

describe('usage CSV', () => {
  it('writes one line per group and the totals', () => {
    const report: UsageReport = {
      by: 'model',
      since: null,
      until: null,
      rows: [row('gpt-5', 2), row('=HYPERLINK("https://evil.example")', 1), row('a,"b"', 1)],
      totals: row('', 4),
      top: [],
      took_ms: 1,
      progress: { state: 'ready', done: 0, total: 0 },
    };
    expect(usageCsv(report).split('\r\n')).toEqual([
      'model,sessions,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens,cost_usd,estimated_cost_usd',
      'gpt-5,2,20,2,0,0,0.02,0',
      `"'=HYPERLINK(""https://evil.example"")",1,10,1,0,0,0.01,0`,
      '"a,""b""",1,10,1,0,0,0.01,0',
      'total,4,40,4,0,0,0.04,0',
      '',
    ]);
  });

  it('defuses every formula start', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r'])
      expect(csvCell(`${start}1`).startsWith(`"'`)).toBe(true);
    expect(csvCell(-1)).toBe('-1');
  });
});
