// CSV of a usage report, for a spreadsheet: one line per group, then the totals. Names come from
// transcripts, so a cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) is quoted
// with a leading apostrophe, and every cell is quoted as RFC 4180 says.
import type { UsageReport, UsageRow } from '../../../shared/usage';

const HEADER = [
  'key',
  'sessions',
  'input_tokens',
  'output_tokens',
  'cache_read_tokens',
  'cache_write_tokens',
  'cost_usd',
  'estimated_cost_usd',
];

/** One CSV cell. */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== String(value) ? `"${text.replace(/"/g, '""')}"` : text;
}

function line(key: string, r: UsageRow): string {
  return [
    key,
    r.sessions,
    r.input_tokens,
    r.output_tokens,
    r.cache_read_tokens,
    r.cache_write_tokens,
    r.cost_usd,
    r.estimated_cost_usd,
  ]
    .map(csvCell)
    .join(',');
}

/** The report as CSV text (CRLF line ends). */
export function usageCsv(report: UsageReport): string {
  const head = [report.by, ...HEADER.slice(1)].join(',');
  const lines = [head, ...report.rows.map((r) => line(r.key, r)), line('total', report.totals)];
  return lines.join('\r\n') + '\r\n';
}
