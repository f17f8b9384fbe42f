// The usage chart: one bar per day, week or month, drawn by Chart.js on a canvas (tokens stacked by
// kind, or cost). Hovering a bar shows its exact figures; clicking it calls onPick with its row.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  LinearScale,
  type ChartEvent,
  type ChartOptions,
} from 'chart.js';
import { useEffect, useRef, useState } from 'react';
import type { UsageRow } from '../../../shared/usage';
import { afterNextPaint } from '../../app/after-paint';
import { formatUsd } from '../transcript/session-facts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale);

/** What the bars show. */
export type UsageMetric = 'tokens' | 'cost';

/** The token kinds, stacked bottom to top, with colours readable on light and dark. */
export const TOKEN_SERIES = [
  { field: 'input_tokens', label: 'Input', color: '#4e79a7' },
  { field: 'output_tokens', label: 'Output', color: '#f28e2b' },
  { field: 'cache_read_tokens', label: 'Cache read', color: '#59a14f' },
  { field: 'cache_write_tokens', label: 'Cache write', color: '#b07aa1' },
] as const;

const COST_COLOR = '#e15759';

/** Chart.js datasets for `rows`: one per token kind (stacked), or the cost. */
export function chartDatasets(rows: readonly UsageRow[], metric: UsageMetric) {
  if (metric === 'cost')
    return [{ label: 'Cost', data: rows.map((r) => r.cost_usd), backgroundColor: COST_COLOR }];
  return TOKEN_SERIES.map((s) => ({
    label: s.label,
    data: rows.map((r) => r[s.field]),
    backgroundColor: s.color,
  }));
}

const count = (n: number) => n.toLocaleString('en-US');

/** The exact figures of the hovered bar. */
function Tooltip({ row, left, flip }: { row: UsageRow; left: number; flip: boolean }) {
  return (
    <div
      className={flip ? 'usage-tooltip flip' : 'usage-tooltip'}
      data-testid="usage-tooltip"
      style={{ left }}
      role="status"
    >
      <div className="usage-tooltip-key">{row.key}</div>
      {TOKEN_SERIES.map((s) => (
        <div key={s.field} className="usage-tooltip-line">
          <span className="swatch" style={{ background: s.color }} />
          {s.label}: <strong>{count(row[s.field])}</strong>
        </div>
      ))}
      <div className="usage-tooltip-line">
        Cost:{' '}
        <strong>
          {formatUsd(row.cost_usd)}
          {row.estimated_cost_usd > 0 && ' (estimated in part)'}
        </strong>
      </div>
      <div className="usage-tooltip-line">Sessions: {count(row.sessions)}</div>
    </div>
  );
}

/** The bar under a pointer event, by its x alone (a thin bar need not be hit exactly). */
function barAt(chart: Chart, event: ChartEvent): number | null {
  const native = event.native;
  if (!native) return null;
  const [hit] = chart.getElementsAtEventForMode(native, 'index', { intersect: false, axis: 'x' }, false);
  return hit ? hit.index : null;
}

function compact(n: number): string {
  return Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 }).format(n);
}

/** The chart of `rows`; `onPick` receives the row of a clicked bar. */
export function UsageChart({
  rows,
  metric,
  onPick,
}: {
  rows: readonly UsageRow[];
  metric: UsageMetric;
  onPick(row: UsageRow): void;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [hover, setHover] = useState<{ index: number; left: number; flip: boolean } | null>(null);
  // The latest callback without rebuilding the chart when it changes.
  const pick = useRef(onPick);
  useEffect(() => {
    pick.current = onPick;
  }, [onPick]);

  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    const el = canvas.current;
    if (!el || rows.length === 0) return;
    let chart: Chart<'bar', number[], string> | undefined;
    const drawChart = () => {
      const ink = getComputedStyle(el).color;
      const grid = 'rgba(128, 128, 128, 0.18)';
      const options: ChartOptions<'bar'> = {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        events: ['mousemove', 'mouseout', 'click'],
        plugins: { legend: { display: false }, tooltip: { enabled: false } },
        // All series are one stack, so an ungrouped bar has the same place and width; grouping
        // would look up the stacks again for each of the 1,460 bars of a year.
        datasets: { bar: { grouped: false } },
        scales: {
          x: {
            stacked: true,
            // Every label has the same width (a day, week or month key): measuring a few is enough.
            ticks: { color: ink, maxRotation: 0, autoSkipPadding: 16, sampleSize: 8 },
            grid: { display: false },
          },
          y: {
            stacked: true,
            ticks: { color: ink, callback: (v) => (metric === 'cost' ? `$${v}` : compact(Number(v))) },
            grid: { color: grid },
          },
        },
        onHover: (event, _elements, chart) => {
          const index = event.type === 'mouseout' ? null : barAt(chart, event);
          if (index === null) return setHover(null);
          const left = event.x ?? 0;
          setHover({ index, left, flip: left > chart.width / 2 });
        },
        onClick: (event, _elements, chart) => {
          const index = barAt(chart, event);
          if (index !== null && rows[index]) pick.current(rows[index]);
        },
      };
      return new Chart(el, {
        type: 'bar',
        data: { labels: rows.map((r) => r.key), datasets: chartDatasets(rows, metric) },
        options,
      });
    };
    // Chart.js takes most of the view's first render (~100 ms for a year of stacked bars on a
    // loaded machine): it draws in a task of its own after the totals and tables have painted.
    const afterPaint = afterNextPaint(() => {
      chart = drawChart();
      setDrawn(true);
    });
    return () => {
      afterPaint.cancel();
      chart?.destroy();
      setDrawn(false);
      setHover(null);
    };
  }, [rows, metric]);

  const row = hover ? rows[hover.index] : undefined;
  return (
    <div className="usage-chart" data-testid="usage-chart" data-bars={rows.length} data-drawn={drawn}>
      <div className="usage-chart-canvas">
        <canvas ref={canvas} data-testid="usage-chart-area" aria-label="Usage over time" role="img" />
      </div>
      {row && hover && <Tooltip row={row} left={hover.left} flip={hover.flip} />}
    </div>
  );
}
