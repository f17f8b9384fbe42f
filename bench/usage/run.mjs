// `npm run bench:usage` (after `npm run build`): the Usage view in browser mode over 10,000
// sessions spread over a year, each with a cost record. Measured in Chromium: click on the Usage
// button -> totals shown, then the chart drawn by Chart.js and painted, against the same run's floor of the
// view's usage:report request fetched and parsed alone. Goal: under 200 ms.
// Env: BENCH_USAGE_SESSIONS (10000), BENCH_USAGE_RUNS (7); BENCH_USAGE_DEBUG=1 prints, per run, when
// the figures and the chart appeared.
/* global window -- page code */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { bundleLib } from '../bundle.mjs';
import { report } from '../report.mjs';
import { clickUntilShown, fetchAlone } from '../ui/page-probes.mjs';

const SESSIONS = Number(process.env.BENCH_USAGE_SESSIONS ?? 10_000);
const RUNS = Number(process.env.BENCH_USAGE_RUNS ?? 7);
const repo = join(import.meta.dirname, '..', '..');
const rendererDir = join(repo, 'out', 'renderer');
if (!existsSync(join(rendererDir, 'index.html'))) {
  console.error('out/renderer is missing: run `npm run build` first');
  process.exit(1);
}
const lib = createRequire(import.meta.url)(await bundleLib(import.meta.dirname, 'usage'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ZERO = '0001-01-01T00:00:00Z';
const MODELS = ['claude-sonnet-4', 'gpt-5', 'gemini-2.5-pro', 'glm-5-turbo'];

/** Session n: started on one of the past 365 days, one message, one cost record. */
function sessionText(n, now) {
  const id = `20260101-000000-${n.toString(16).padStart(16, '0')}`;
  const created = new Date(now - (n % 365) * 86_400_000 - (n % 7) * 3_600_000).toISOString();
  const model = MODELS[n % MODELS.length];
  const lines = [
    {
      type: 'meta',
      session_id: id,
      title: `Session ${n}`,
      vendor: 'v',
      endpoint: 'e',
      model,
      workspace: `/w/p${n % 25}`,
      created_at: created,
      updated_at: created,
    },
    {
      type: 'message',
      session_id: id,
      created_at: ZERO,
      updated_at: ZERO,
      message: { role: 'user', content: [{ type: 'text', text: `hello ${n}` }] },
    },
    {
      type: 'cost',
      session_id: id,
      created_at: ZERO,
      updated_at: ZERO,
      cost: {
        provider: 'v',
        model,
        input_tokens: 1000 + n,
        output_tokens: 200 + (n % 50),
        cache_read_tokens: 5000 + (n % 900),
        cache_write_tokens: n % 300,
        total_cost_usd: (n % 97) / 100,
      },
    },
  ];
  return { id, text: lines.map((l) => JSON.stringify(l)).join('\n') + '\n' };
}

/** The click on Usage, until its totals are shown and its chart drawn. */
const USAGE_SHOWN = {
  click: '[data-testid="usage-toggle"]',
  until: [
    { selector: '[data-testid="usage-total-tokens"]', not: '0' },
    // Drawn: Chart.js has run (it draws after the totals and tables have painted).
    { selector: '[data-testid="usage-chart"][data-drawn="true"] canvas' },
  ],
};

const dir = await mkdtemp(join(tmpdir(), 'transcripts-bench-usage-'));
const cache = await mkdtemp(join(tmpdir(), 'transcripts-bench-usage-cache-'));
let server;
let browser;
try {
  console.log(`generating ${SESSIONS} sessions with cost records in ${dir} ...`);
  const now = Date.now();
  for (let start = 0; start < SESSIONS; start += 256) {
    await Promise.all(
      Array.from({ length: Math.min(256, SESSIONS - start) }, (_, k) => {
        const { id, text } = sessionText(start + k, now);
        return writeFile(join(dir, `${id}.jsonl`), text);
      }),
    );
  }
  server = await lib.startServer({ store: new lib.JsonlStore(dir), rendererDir, cacheDir: cache });
  browser = await chromium.launch({ ...lib.CHROMIUM_LAUNCH_OPTIONS, headless: true });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(server.url);
  console.log('indexing ...');
  const indexed = performance.now();
  // Ready once the usage table counts every session.
  const counted = () =>
    page.evaluate(async (token) => {
      const r = await fetch('/api/usage:report', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Transcripts-Token': token },
        body: JSON.stringify({ by: 'source' }),
      });
      return (await r.json()).value?.totals.sessions ?? 0;
    }, server.token);
  while ((await counted()) < SESSIONS) await new Promise((r) => setTimeout(r, 1000));
  console.log(`indexed in ${((performance.now() - indexed) / 1000).toFixed(1)} s`);
  const view = [];
  const totals = [];
  const floor = [];
  for (let run = 0; run < RUNS; run++) {
    await page.reload();
    await page.waitForSelector('[data-testid="session-row"]');
    // The page settles first (list, chips, index progress): what is timed is the view alone.
    await page.waitForTimeout(1500);
    view.push(await page.evaluate(clickUntilShown, USAGE_SHOWN));
    totals.push(await page.evaluate((selector) => window.__seenAt[selector], USAGE_SHOWN.until[0].selector));
    if (process.env.BENCH_USAGE_DEBUG)
      console.log('shown at', await page.evaluate(() => window.__seenAt), 'done at', view.at(-1));
    const bars = await page.getAttribute('[data-testid="usage-chart"]', 'data-bars');
    if (Number(bars) < 300) throw new Error(`expected a year of bars, got ${bars}`);
    floor.push(
      await page.evaluate(fetchAlone, { channel: 'usage:report', body: { by: 'day' }, token: server.token }),
    );
  }
  const v = median(view);
  const f = median(floor);
  console.log(
    `usage view for ${SESSIONS} sessions: ${v.toFixed(0)} ms (median of ${RUNS}; its totals and tables shown at ${median(totals).toFixed(0)} ms); one usage:report alone: ${f.toFixed(0)} ms; ${(v / f).toFixed(1)}x`,
  );
  const met = report({
    bench: 'usage',
    figure: `Usage view, ${SESSIONS} sessions`,
    value: v,
    baselineName: "the view's usage:report fetched alone",
    baseline: f,
    goal: { under: 200 },
  });
  console.log(met ? 'goal met: under 200 ms' : 'GOAL MISSED: 200 ms');
  process.exitCode = met ? 0 : 1;
} finally {
  await browser?.close();
  await server?.close();
  await rm(dir, { recursive: true, force: true });
  await rm(cache, { recursive: true, force: true });
}
