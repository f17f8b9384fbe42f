/* global window, performance */
import { mkdtemp } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { FIRST_ROW_PROBE } from './page-probes.mjs';
import { bundleLib } from '../bundle.mjs';
const lib = createRequire(import.meta.url)(await bundleLib(import.meta.dirname, 'ui'));
const dir = await mkdtemp(join(tmpdir(), 'transcripts-probe-'));
await lib.writeManySmallSessions(dir, 10000);
const server = await lib.startServer({ store: new lib.JsonlStore(dir), rendererDir: join(import.meta.dirname, '..', '..', 'out', 'renderer') });
const browser = await chromium.launch({ ...lib.CHROMIUM_LAUNCH_OPTIONS, headless: true });
for (let run = 0; run < 3; run++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(FIRST_ROW_PROBE);
  await page.goto(server.url);
  await page.waitForFunction(() => window.__bench.firstRowPainted !== undefined, null, { timeout: 120000 });
  console.log(JSON.stringify(await page.evaluate(() => ({
    painted: Math.round(window.__bench.firstRowPainted),
    row: Math.round(window.__bench.firstRow),
    nav: (({ responseEnd, domInteractive, domContentLoadedEventEnd }) => ({ responseEnd, domInteractive, domContentLoadedEventEnd }))(performance.getEntriesByType('navigation')[0].toJSON()),
    res: performance.getEntriesByType('resource').map((r) => [r.name.split('/').pop().slice(0, 30), Math.round(r.startTime), Math.round(r.responseStart), Math.round(r.responseEnd), r.transferSize]),
  }))));
  const cdp = await context.newCDPSession(page);
  const m = await cdp.send('Performance.enable').then(() => cdp.send('Performance.getMetrics'));
  const get = (n) => m.metrics.find((x) => x.name === n)?.value;
  console.log('renderer JSHeapUsed MB', (get('JSHeapUsedSize') / 1048576).toFixed(1), 'total', (get('JSHeapTotalSize') / 1048576).toFixed(1), 'server-process RSS MB', (process.memoryUsage().rss / 1048576).toFixed(0), 'heap', (process.memoryUsage().heapUsed / 1048576).toFixed(0));
  await context.close();
}
await browser.close(); await server.close();
