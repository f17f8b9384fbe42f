// The baseline: the same bars drawn straight onto a canvas, no library.
/* global window, document -- runs in the page */
import { yearOfDays } from './data.js';

window.renderChart = (el) => {
  const { days, series } = yearOfDays();
  const canvas = document.createElement('canvas');
  canvas.width = 900;
  canvas.height = 300;
  el.append(canvas);
  const ctx = canvas.getContext('2d');
  const max = Math.max(...days.map((_, d) => series.reduce((a, s) => a + s[d], 0)));
  const w = 900 / days.length;
  days.forEach((_, d) => {
    let y = 300;
    series.forEach((s, i) => {
      const h = (s[d] / max) * 300;
      ctx.fillStyle = `hsl(${i * 90} 60% 50%)`;
      ctx.fillRect(d * w, y - h, w * 0.8, h);
      y -= h;
    });
  });
  ctx.getImageData(0, 0, 1, 1);
  return () => canvas.remove();
};
