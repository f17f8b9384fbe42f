// `node bench/ui/run.mjs` (after `npm run build`): browser mode (`sessions serve`, in a process of
// its own) in Chromium over 10,000 small sessions and one 5,000-message session, against floors
// measured in the same run:
//   list painted      navigation -> first row painted   vs  fetching + parsing the list JSON alone
//   transcript ready  click -> first message readable   vs  fetching + parsing the transcript JSON alone
//   idle memory       `sessions serve` RSS + the page's JS heap, list painted   (goal: under 300 MB)
// Env: BENCH_UI_SESSIONS (10000), BENCH_UI_MESSAGES (5000), BENCH_UI_RUNS (5).
/* global window -- used only inside page.waitForFunction / page.evaluate callbacks */
import { existsSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium } from '@playwright/test';
import { clickUntilShown, fetchAlone, FIRST_ROW_PROBE, openRow } from './page-probes.mjs';
import { bundleLib } from '../bundle.mjs';
import { report } from '../report.mjs';

const SESSIONS = Number(process.env.BENCH_UI_SESSIONS ?? 10_000);
const MESSAGES = Number(process.env.BENCH_UI_MESSAGES ?? 5_000);
const RUNS = Number(process.env.BENCH_UI_RUNS ?? 5);
const repo = join(import.meta.dirname, '..', '..');
const rendererDir = join(repo, 'out', 'renderer');
if (!existsSync(join(rendererDir, 'index.html'))) {
  console.error('out/renderer is missing: run `npm run build` first');
  process.exit(1);
}

const bundle = await bundleLib(import.meta.dirname, 'ui');
const lib = createRequire(import.meta.url)(bundle);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(0)} ms`;

// Markdown-rich messages (lists, code, inline code) so rendering costs what real sessions cost.
const bigText = (i) =>
  i === 0
    ? 'First message of the long session'
    : `Step ${i}: the parser fails when the cache key is stale.\n\n- rebuild the lockfile\n- rerun \`npm test\`\n\n` +
      '```ts\nconst key = hash(lockfile);\nif (cache.has(key)) return cache.get(key);\n```\n\n' +
      'We then compare the output against the previous run and keep going. '.repeat(4);

/** Starts `sessions serve` on `dir` in a process of its own, as a user runs it (not in this
 * process, whose event loop Playwright's protocol traffic would share during a navigation), with
 * a fresh home and cache folder. Resolves with its address, token, pid and `close()`. */
async function serve(dir) {
  const bin = join(repo, 'bin', 'sessions.cjs');
  const home = await mkdtemp(join(tmpdir(), 'transcripts-bench-home-'));
  const child = spawn(process.execPath, [bin, '--dir', dir, 'serve', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, HOME: home, TRANSCRIPTS_CACHE_DIR: join(home, 'cache') },
  });
  const close = async () => {
    // Its cache folder is removed once it has stopped writing there.
    const exited = child.exitCode === null ? once(child, 'exit') : Promise.resolve();
    child.kill('SIGTERM');
    await exited;
    await rm(home, { recursive: true, force: true });
  };
  try {
    const [line] = await once(createInterface({ input: child.stdout }), 'line');
    const url = /(http:\/\/\S+)$/.exec(line)?.[1];
    if (!url) throw new Error(`sessions serve printed: ${line}`);
    return { url, token: new URL(url).searchParams.get('token'), pid: child.pid, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Waits in `page` until the server's first search index build is over (it runs once per new
 * folder, on the server's other thread, and would compete with what is measured). */
async function untilIndexed(page, token) {
  await page.waitForFunction(
    async (t) => {
      const response = await fetch('/api/search:progress', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Transcripts-Token': t },
        body: '{}',
      });
      return (await response.json()).value?.state !== 'indexing';
    },
    token,
    { timeout: 300_000, polling: 1000 },
  );
}

/** Starts `sessions serve` on `dir`, paints its list in a page, waits for it to settle, and
 * returns the server's resident memory and the page's JS heap, in MB. */
async function idleMemory(browser, dir) {
  const server = await serve(dir);
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByTestId('session-row').first().waitFor({ timeout: 120_000 });
    // Idle: the first index build is over, then a moment to settle.
    await untilIndexed(page, server.token);
    await page.waitForTimeout(2000);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const heap = metrics.find((m) => m.name === 'JSHeapTotalSize')?.value ?? 0;
    const status = await readFile(`/proc/${server.pid}/status`, 'utf8');
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    await context.close();
    return { serverMb: rssKb / 1024, heapMb: heap / 1048576 };
  } finally {
    await server.close();
  }
}

const dir = await mkdtemp(join(tmpdir(), 'transcripts-bench-ui-'));
let server;
let browser;
try {
  console.log(`generating ${SESSIONS} small sessions and one ${MESSAGES}-message session in ${dir} ...`);
  await lib.writeManySmallSessions(dir, SESSIONS);
  const bigId = '20270101-000000-00000000000b16b1';
  const big = await lib.writeSession(dir, {
    id: bigId,
    title: 'The long benchmark session',
    messages: MESSAGES,
    text: bigText,
    createdAt: '2027-01-01T00:00:00Z',
  });
  await lib.addToIndex(dir, [big]);

  server = await serve(dir);
  browser = await chromium.launch({ ...lib.CHROMIUM_LAUNCH_OPTIONS, headless: true });
  {
    // The first list of a new folder (its summaries) and the first index build are not what is
    // measured: a first page waits them out.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByTestId('session-row').first().waitFor({ timeout: 120_000 });
    await untilIndexed(page, server.token);
    await context.close();
  }
  console.log(`Chromium ${browser.version()}, ${RUNS} runs each, medians:`);

  const list = [];
  const listFloor = [];
  const transcript = [];
  const transcriptFloor = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.addInitScript(FIRST_ROW_PROBE);
    await page.goto(server.url);
    await page.waitForFunction(() => window.__bench.firstRowPainted !== undefined, null, {
      timeout: 120_000,
    });
    list.push(await page.evaluate(() => window.__bench.firstRowPainted));
    // What the page does after its first paint (the transcript's code loads, its warm-up runs)
    // would slow a floor fetched at once: it is measured on a quiet page.
    await page.waitForTimeout(1500);
    listFloor.push(
      await page.evaluate(fetchAlone, { channel: 'sessions:list', body: {}, token: server.token }),
    );

    // The long session is the newest, so its row is the first one on screen.
    transcript.push(
      await page.evaluate(clickUntilShown, openRow(bigId, 'First message of the long session')),
    );
    // What follows an opening (the outline read of the whole file, live following) would slow a
    // floor fetched at once, as the list's would be: it is fetched on a quiet page too.
    await page.waitForTimeout(1500);
    transcriptFloor.push(
      await page.evaluate(fetchAlone, {
        channel: 'sessions:transcript',
        body: { id: bigId },
        token: server.token,
      }),
    );
    await context.close();
  }

  // The app idle with the sessions: a `sessions serve` process of its own (its RSS) and the page
  // in it once the list is painted and the first index build is over (the renderer's JS heap, as
  // Chromium counts it).
  const idle = await idleMemory(browser, dir);
  console.log(
    `idle with ${SESSIONS + 1} sessions: server RSS ${idle.serverMb.toFixed(0)} MB + renderer heap ` +
      `${idle.heapMb.toFixed(0)} MB = ${(idle.serverMb + idle.heapMb).toFixed(0)} MB`,
  );

  const rows = [
    [
      `list of ${SESSIONS + 1} painted (navigation -> first row)`,
      median(list),
      `list JSON fetched alone`,
      median(listFloor),
      { max: 1.5 },
    ],
    [
      `${MESSAGES}-message transcript readable (click -> first message)`,
      median(transcript),
      `transcript JSON fetched alone`,
      median(transcriptFloor),
      { max: 1.5 },
    ],
  ];
  let ok = true;
  for (const [figure, value, baselineName, baseline, goal] of rows) {
    console.log(
      `${figure}: ${ms(value)} vs ${baselineName} ${ms(baseline)} -> ${(value / baseline).toFixed(2)}x`,
    );
    ok = report({ bench: 'ui', figure, value, baselineName, baseline, goal }) && ok;
  }
  ok =
    report({
      bench: 'ui',
      figure: `app idle with ${SESSIONS + 1} sessions (server RSS + renderer JS heap)`,
      value: idle.serverMb + idle.heapMb,
      unit: 'MB',
      baselineName: 'server RSS alone',
      baseline: idle.serverMb,
      goal: { under: 300 },
    }) && ok;
  process.exitCode = ok ? 0 : 1;
} finally {
  await browser?.close();
  await server?.close();
  await rm(dir, { recursive: true, force: true });
}
