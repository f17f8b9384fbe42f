// Profiling aid, not a benchmark (`node bench/ui/profile-open.mjs`, after `npm run build`): opens
// the 5,000-message session of bench:ui on a warm server, RUNS times, each in a fresh page, and
// prints click -> readable, the first page fetched alone, and the page's main-thread CPU time from
// click to readable (a Chromium trace's thread time: steadier than wall time on a busy machine).
// OUT=<folder> serves another build's renderer (for A/B runs); PROFILE=1 also writes each click's
// CPU profile to /tmp/open-<run>.cpuprofile. PREOPEN=1 first opens another 5,000-message session
// (other text) in the same page: what a later open costs, once the page has opened one.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { clickUntilShown, fetchAlone, openRow } from './page-probes.mjs';
import { bundleLib } from '../bundle.mjs';

const repo = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
const ui = require(await bundleLib(import.meta.dirname, 'ui'));
const transcript = require(await bundleLib(join(import.meta.dirname, '..', 'transcript'), 'transcript'));
const RUNS = Number(process.env.RUNS ?? 5);
const FIRST = 'First message of the long session';
const text = (i) =>
  i === 0
    ? FIRST
    : `Step ${i}: the parser fails when the cache key is stale.\n\n- rebuild the lockfile\n- rerun \`npm test\`\n\n` +
      '```ts\nconst key = hash(lockfile);\nif (cache.has(key)) return cache.get(key);\n```\n\n' +
      'We then compare the output against the previous run and keep going. '.repeat(4);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The renderer main thread's CPU ms between the page's `open-start` and `open-end` marks. */
function mainThreadCpu(events) {
  const mark = (name) => events.find((e) => e.name === name && e.cat?.includes('user_timing'))?.ts;
  const [from, to] = [mark('open-start'), mark('open-end')];
  const main = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const tasks = events.filter(
    (e) =>
      e.name === 'RunTask' && e.ph === 'X' && e.ts >= from && e.ts <= to && main.has(`${e.pid}:${e.tid}`),
  );
  return tasks.reduce((sum, e) => sum + (e.tdur ?? 0), 0) / 1000;
}

async function traced(cdp, run) {
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,blink.user_timing,disabled-by-default-devtools.timeline',
    transferMode: 'ReturnAsStream',
  });
  const value = await run();
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  const { stream } = await done;
  let data = '';
  for (let eof = false; !eof;) {
    const chunk = await cdp.send('IO.read', { handle: stream });
    data += chunk.data;
    eof = chunk.eof;
  }
  const trace = JSON.parse(data);
  return { value, cpu: mainThreadCpu(trace.traceEvents ?? trace) };
}

const dir = await mkdtemp(join(tmpdir(), 'profile-open-'));
await ui.writeManySmallSessions(dir, 10_000);
const id = '20270101-000000-00000000000b16b1';
const big = await ui.writeSession(dir, {
  id,
  title: 'The long benchmark session',
  messages: 5000,
  text,
  createdAt: '2027-01-01T00:00:00Z',
});
const otherId = '20270101-000000-00000000000b16b2';
const other = await ui.writeSession(dir, {
  id: otherId,
  title: 'Another long session',
  messages: 5000,
  text: (i) => (i === 0 ? FIRST : `Another session. ${text(i)}`),
  createdAt: '2026-12-31T00:00:00Z',
});
await ui.addToIndex(dir, [big, other]);
// No search index: its first build would compete for the cores while clicks are timed.
const server = await transcript.serve(dir, join(repo, process.env.OUT ?? 'out', 'renderer'));
const browser = await chromium.launch({ ...ui.CHROMIUM_LAUNCH_OPTIONS, headless: true });
const rows = [];
try {
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForSelector('[data-testid="session-row"]');
    await page.waitForTimeout(1500);
    if (process.env.PREOPEN) {
      await page.evaluate(clickUntilShown, openRow(otherId, FIRST));
      await page.waitForTimeout(1500);
    }
    const floor = await page.evaluate(fetchAlone, {
      channel: 'sessions:transcript',
      body: { id },
      token: server.token,
    });
    const cdp = await context.newCDPSession(page);
    if (process.env.PROFILE) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    const { value: readable, cpu } = await traced(cdp, async () => {
      await page.evaluate(() => performance.mark('open-start'));
      const ms = await page.evaluate(clickUntilShown, openRow(id, FIRST));
      await page.evaluate(() => performance.mark('open-end'));
      return ms;
    });
    if (process.env.PROFILE) {
      const { profile } = await cdp.send('Profiler.stop');
      await writeFile(`/tmp/open-${run}.cpuprofile`, JSON.stringify(profile));
    }
    rows.push({ readable, floor, cpu });
    console.log(
      `run ${run}: readable ${readable.toFixed(1)} ms, first page alone ${floor.toFixed(1)} ms, main-thread CPU ${cpu.toFixed(1)} ms`,
    );
    await context.close();
  }
  // The first run warms the server's reader: medians are of the others.
  const later = rows.slice(1);
  const m = (key) => median(later.map((r) => r[key])).toFixed(1);
  console.log(
    `medians of runs 1-${RUNS - 1}: readable ${m('readable')} ms, first page alone ${m('floor')} ms, main-thread CPU ${m('cpu')} ms`,
  );
} finally {
  await browser.close();
  await server.close();
  await rm(dir, { recursive: true, force: true });
}
