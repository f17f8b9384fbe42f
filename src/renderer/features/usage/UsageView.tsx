// The Usage view, in place of the transcript: totals (tokens, cost, cache-read share), the chart
// over time, the figures by model, vendor, folder and source, and the costliest sessions. Clicking
// a bar, a name or a session narrows the list to it; CSV saves what the chart shows.
import { useEffect, useState } from 'react';
import {
  NAME_GROUPINGS,
  cacheReadShare,
  rowTokens,
  type NameGrouping,
  type UsageReport,
  type UsageRow,
} from '../../../shared/usage';
import { sourceLabel } from '../../../shared/sources';
import { Name } from '../../app/Name';
import { useAppStore } from '../../store/store-context';
import { formatUsd } from '../transcript/session-facts';
import { UsageChart, type UsageMetric } from './UsageChart';
import { usageCsv } from './usage-csv';
import { USAGE_INTERVALS, USAGE_SPANS, type UsageInterval, type UsageSpan } from '../../model/usage-period';

const SPAN_LABELS: Record<UsageSpan, string> = {
  '30d': 'Past 30 days',
  '90d': 'Past 90 days',
  '365d': 'Past year',
  all: 'All time',
};
const INTERVAL_LABELS: Record<UsageInterval, string> = { day: 'By day', week: 'By week', month: 'By month' };
const BREAKDOWN_LABELS: Record<NameGrouping, string> = {
  model: 'By model',
  vendor: 'By vendor',
  workspace: 'By folder',
  source: 'By source',
};

const count = (n: number) => n.toLocaleString('en-US');

/** "$1.23", with "(est.)" when any of it is estimated. */
function cost(row: Pick<UsageRow, 'cost_usd' | 'estimated_cost_usd'>): string {
  if (row.cost_usd === 0) return '–';
  return `${formatUsd(row.cost_usd)}${row.estimated_cost_usd > 0 ? ' (est.)' : ''}`;
}

/** Starts a download of `text` as `name` (a Blob: no request leaves the page). */
function download(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function Totals({ report }: { report: UsageReport }) {
  const t = report.totals;
  const cards: [string, string, string][] = [
    ['Tokens', count(rowTokens(t)), 'usage-total-tokens'],
    ['Cost', cost(t), 'usage-total-cost'],
    ['Sessions', count(t.sessions), 'usage-total-sessions'],
    ['Cache reads', `${(cacheReadShare(t) * 100).toFixed(1)}% of input`, 'usage-cache-share'],
  ];
  return (
    <div className="usage-totals">
      {cards.map(([label, value, testId]) => (
        <div key={label} className="usage-card">
          <div className="usage-card-label">{label}</div>
          <div className="usage-card-value" data-testid={testId}>
            {value}
          </div>
        </div>
      ))}
    </div>
  );
}

function Breakdown({ by, rows }: { by: NameGrouping; rows: readonly UsageRow[] | undefined }) {
  const showNamed = useAppStore((s) => s.showNamedSessions);
  const sources = useAppStore((s) => s.info?.sources);
  if (!rows || rows.length === 0) return null;
  const max = Math.max(...rows.map(rowTokens), 1);
  return (
    <section className="usage-breakdown" data-testid={`usage-by-${by}`}>
      <h3>{BREAKDOWN_LABELS[by]}</h3>
      <ul>
        {rows.slice(0, 12).map((row) => (
          <li key={row.key}>
            <button
              type="button"
              className="usage-name-row"
              data-testid="usage-name-row"
              data-key={row.key}
              title="Show these sessions in the list"
              onClick={() => showNamed(by, row.key)}
            >
              <Name
                text={by === 'source' ? sourceLabel(row.key, sources) : row.key}
                fallback="unknown"
                className="usage-name"
              />
              <span className="usage-bar" style={{ width: `${(rowTokens(row) / max) * 100}%` }} />
              <span className="usage-figures">
                {count(rowTokens(row))} tokens · {cost(row)}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function TopSessions({ report }: { report: UsageReport }) {
  const select = useAppStore((s) => s.select);
  if (report.top.length === 0) return null;
  return (
    <section className="usage-breakdown usage-top" data-testid="usage-top">
      <h3>Most expensive sessions</h3>
      <ul>
        {report.top.map((t) => (
          <li key={t.id}>
            <button
              type="button"
              className="usage-name-row"
              data-testid="usage-top-session"
              onClick={() => select(t.id)}
            >
              <Name text={t.title} fallback={t.id} className="usage-name" />
              <span className="usage-figures">
                {t.day} · {count(t.tokens)} tokens ·{' '}
                {cost({ cost_usd: t.cost_usd, estimated_cost_usd: t.cost_estimated ? t.cost_usd : 0 })}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The whole view. */
export function UsageView() {
  const usage = useAppStore((s) => s.usage);
  const setSpan = useAppStore((s) => s.setUsageSpan);
  const setBars = useAppStore((s) => s.setUsageInterval);
  const closeUsage = useAppStore((s) => s.closeUsage);
  const showPeriod = useAppStore((s) => s.showPeriodSessions);
  const [metric, setMetric] = useState<UsageMetric>('tokens');
  const report = usage.time;
  const loadUsage = useAppStore((s) => s.loadUsage);
  const indexState = useAppStore((s) => s.indexProgress?.state);
  const partial = report !== null && report.progress.state !== 'ready';
  // Figures made while the index was still being built are added up again once it is ready.
  useEffect(() => {
    if (partial && indexState === 'ready') void loadUsage();
  }, [partial, indexState, loadUsage]);
  return (
    <section className="usage-view" data-testid="usage-view" aria-label="Usage">
      <header className="usage-header">
        <h2>Usage</h2>
        <div className="usage-controls">
          <select
            data-testid="usage-span"
            aria-label="Period"
            value={usage.span}
            onChange={(e) => setSpan(e.target.value as UsageSpan)}
          >
            {USAGE_SPANS.map((span) => (
              <option key={span} value={span}>
                {SPAN_LABELS[span]}
              </option>
            ))}
          </select>
          <select
            data-testid="usage-interval"
            aria-label="Bars"
            value={usage.interval}
            onChange={(e) => setBars(e.target.value as UsageInterval)}
          >
            {USAGE_INTERVALS.map((interval) => (
              <option key={interval} value={interval}>
                {INTERVAL_LABELS[interval]}
              </option>
            ))}
          </select>
          <select
            data-testid="usage-metric"
            aria-label="Show"
            value={metric}
            onChange={(e) => setMetric(e.target.value as UsageMetric)}
          >
            <option value="tokens">Tokens</option>
            <option value="cost">Cost</option>
          </select>
          <button
            type="button"
            className="button"
            data-testid="usage-csv"
            disabled={!report}
            onClick={() => report && download(usageCsv(report), `usage-by-${report.by}.csv`)}
          >
            CSV
          </button>
          <button type="button" className="button" data-testid="usage-close" onClick={closeUsage}>
            Close
          </button>
        </div>
      </header>
      {usage.state === 'error' && (
        <p className="notice" role="alert">
          Could not add up usage: {usage.error}
        </p>
      )}
      {usage.state === 'loading' && !report && <p className="usage-note">Adding up usage…</p>}
      {report && (
        <>
          {report.progress.state === 'indexing' && (
            <p className="usage-note" data-testid="usage-partial">
              Still indexing ({count(report.progress.done)} of {count(report.progress.total)} sessions):
              figures will grow.
            </p>
          )}
          <Totals report={report} />
          {report.rows.length === 0 ? (
            <p className="usage-note" data-testid="usage-empty">
              No usage recorded in this period.
            </p>
          ) : (
            <>
              <UsageChart rows={report.rows} metric={metric} onPick={(row) => showPeriod(row.key)} />
              <p className="usage-note">Hover a bar for its figures; click it to list its sessions.</p>
            </>
          )}
          <div className="usage-breakdowns">
            {NAME_GROUPINGS.map((by) => (
              <Breakdown key={by} by={by} rows={report.breakdowns?.[by]} />
            ))}
            <TopSessions report={report} />
          </div>
        </>
      )}
    </section>
  );
}
