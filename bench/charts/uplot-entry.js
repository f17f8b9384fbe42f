// uPlot drawing the year as stacked bars with a hover cursor, as the Usage view would.
/* global window -- runs in the page */
import uPlot from 'uplot';
import { yearOfDays } from './data.js';

window.renderChart = (el) => {
  const { days, series } = yearOfDays();
  // uPlot has no stacking of its own: each series is drawn as the running total up to it.
  const stacked = series.map((_, i) =>
    days.map((_, d) => series.slice(0, i + 1).reduce((a, s) => a + s[d], 0)),
  );
  const bars = uPlot.paths.bars({ size: [0.8, 20] });
  const plot = new uPlot(
    {
      width: 900,
      height: 300,
      cursor: { drag: { x: false, y: false } },
      legend: { show: true },
      series: [
        {},
        ...stacked
          .map((_, i) => ({
            label: `s${i}`,
            paths: bars,
            fill: `hsl(${i * 90} 60% 50%)`,
            width: 0,
            points: { show: false },
          }))
          .reverse(),
      ],
    },
    [days, ...stacked.reverse()],
    el,
  );
  return () => plot.destroy();
};
