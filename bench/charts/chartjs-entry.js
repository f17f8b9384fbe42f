// Chart.js drawing the year as stacked bars with tooltips on hover, animation off.
/* global window, document -- runs in the page */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { yearOfDays } from './data.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

window.renderChart = (el) => {
  const { days, series } = yearOfDays();
  const canvas = document.createElement('canvas');
  el.append(canvas);
  const chart = new Chart(canvas, {
    type: 'bar',
    data: {
      labels: days.map((d) => new Date(d * 1000).toISOString().slice(0, 10)),
      datasets: series.map((data, i) => ({
        label: `s${i}`,
        data,
        backgroundColor: `hsl(${i * 90} 60% 50%)`,
      })),
    },
    options: {
      animation: false,
      responsive: false,
      maintainAspectRatio: false,
      scales: { x: { stacked: true }, y: { stacked: true } },
    },
  });
  return () => chart.destroy();
};
