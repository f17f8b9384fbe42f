// `npm run bench:charts`: the two charting libraries compared for the Usage view, on a year of
// daily data (365 days, four stacked series): minified and gzipped bundle size, and render time in
// Chromium (construct, draw, and the frame that shows it painted; mean of 30 after 5 warm-ups),
// against the same bars drawn straight onto a canvas in the same run.
/* global document, window, requestAnimationFrame -- used inside page.evaluate callbacks */
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from '@playwright/test';
import { report } from '../report.mjs';

const here = import.meta.dirname;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RUNS = 30;

async function bundle(entry) {
  const out = await build({
    entryPoints: [join(here, entry)],
    bundle: true,
    minify: true,
    format: 'iife',
    write: false,
    logLevel: 'warning',
  });
  const code = out.outputFiles[0].text;
  return { code, bytes: Buffer.byteLength(code), gzip: gzipSync(code).length };
}

async function renderTime(browser, code) {
  const page = await browser.newPage();
  await page.setContent('<!doctype html><body style="margin:0"><div id="host"></div></body>');
  await page.addScriptTag({ content: code });
  const ms = await page.evaluate(async (runs) => {
    const times = [];
    for (let i = 0; i < runs + 5; i++) {
      const el = document.createElement('div');
      document.getElementById('host').append(el);
      const t0 = performance.now();
      const destroy = window.renderChart(el);
      // uPlot draws in a microtask after its constructor: let those run, then lay out.
      await Promise.resolve();
      await Promise.resolve();
      el.getBoundingClientRect();
      // Until the frame that shows it has been painted and the main thread is free again: some
      // libraries leave their real drawing cost to that frame.
      await new Promise((resolve) =>
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = resolve;
          channel.port2.postMessage(null);
        }),
      );
      const t1 = performance.now();
      destroy();
      el.remove();
      if (i >= 5) times.push(t1 - t0);
    }
    return times.reduce((a, b) => a + b, 0) / times.length;
  }, RUNS);
  await page.close();
  return ms;
}

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const baseline = await bundle('canvas-entry.js');
  const baseMs = await renderTime(browser, baseline.code);
  console.log(`baseline (plain canvas): ${baseMs.toFixed(2)} ms per render`);
  for (const [name, entry] of [
    ['uPlot', 'uplot-entry.js'],
    ['Chart.js', 'chartjs-entry.js'],
  ]) {
    const b = await bundle(entry);
    const ms = await renderTime(browser, b.code);
    console.log(
      `${name}: ${(b.bytes / 1024).toFixed(1)} KB minified, ${(b.gzip / 1024).toFixed(1)} KB gzipped; ` +
        `${ms.toFixed(2)} ms per render (${(ms / baseMs).toFixed(1)}x plain canvas)`,
    );
    // The goal is on the library the Usage view uses.
    if (name === 'Chart.js')
      report({
        bench: 'charts',
        figure: 'Chart.js render and paint, a year of days',
        value: ms,
        baselineName: 'plain canvas',
        baseline: baseMs,
        goal: { max: 8 },
      });
  }
} finally {
  await browser.close();
}
