// `sessions usage`: tokens and cost per day, week, month, model, vendor, folder or source, from
// the search index's usage table, with the totals, the cache-read share and the costliest sessions.
import type { Catalog } from '../core/sources/catalog';
import { cacheReadShare, rowTokens, type UsageReport, type UsageRow } from '../shared/usage';
import type { Command } from './args';
import type { Io } from './commands';
import { withFreshIndex } from './fresh-index';
import { columns, oneLine } from './format';
import { terminalSafeJson } from './terminal-safe';

const HEADINGS: Record<UsageReport['by'], string> = {
  day: 'DAY',
  week: 'WEEK OF',
  month: 'MONTH',
  model: 'MODEL',
  vendor: 'VENDOR',
  workspace: 'FOLDER',
  source: 'SOURCE',
};

const count = (n: number) => n.toLocaleString('en-US');

/** "$1.23", "~$1.23" when any of it is estimated, "-" for none. */
export function costText(usd: number, estimatedUsd: number): string {
  if (usd === 0) return '-';
  const digits = usd < 1 ? 4 : 2;
  return `${estimatedUsd > 0 ? '~' : ''}$${usd.toFixed(digits)}`;
}

function cells(key: string, row: UsageRow): string[] {
  return [
    key,
    count(row.sessions),
    count(row.input_tokens),
    count(row.output_tokens),
    count(row.cache_read_tokens),
    count(row.cache_write_tokens),
    costText(row.cost_usd, row.estimated_cost_usd),
  ];
}

/** The report as the terminal shows it. */
export function usageText(report: UsageReport): string {
  const head = [HEADINGS[report.by], 'SESSIONS', 'INPUT', 'OUTPUT', 'CACHE READ', 'CACHE WRITE', 'COST'];
  const rows = report.rows.map((r) => cells(oneLine(r.key || '(none)', 60), r));
  let out = columns([head, ...rows, cells('TOTAL', report.totals)]) + '\n';
  const share = cacheReadShare(report.totals);
  out += `\ncache reads: ${(share * 100).toFixed(1)}% of input tokens\n`;
  if (report.top.length > 0) {
    out += '\nmost expensive sessions:\n';
    const top = report.top.map((t) => [
      t.id,
      t.day || '-',
      costText(t.cost_usd, t.cost_estimated ? t.cost_usd : 0),
      `${count(t.tokens)} tokens`,
      oneLine(t.title || '(untitled)', 60),
    ]);
    out += columns(top) + '\n';
  }
  return out;
}

/** Runs `sessions usage`. */
export async function usageCommand(
  store: Catalog,
  cmd: Command,
  io: Io,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const report = await withFreshIndex(store, env, io, (service) =>
    service.usage({
      by: cmd.by,
      ...(cmd.since && { since: cmd.since }),
      ...(cmd.until && { until: cmd.until }),
    }),
  );
  if (cmd.json) return io.out(terminalSafeJson(JSON.stringify(report, null, 2)) + '\n');
  if (report.totals.sessions === 0 || rowTokens(report.totals) + report.totals.cost_usd === 0) {
    io.err('no usage recorded in this range');
    return;
  }
  io.out(usageText(report));
  if (report.totals.estimated_cost_usd > 0) io.err('costs marked ~ are estimated from a price table');
}
