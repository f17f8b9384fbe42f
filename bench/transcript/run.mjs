// `node bench/transcript/run.mjs` (after `npm run build`): the transcript pane in browser mode,
// each figure against a baseline measured in the same run:
//   open -> first message readable, 50 MB / 20,000 messages   vs   a 20-message session
//   5,000 messages readable                                    vs   fetching its first page alone
//                                                                   (and the whole session's fetch)
//   find in a 100 MB session: keystroke -> count for the new query, p50/p95
//   renderer JS heap (the page's and its workers') with the 100 MB session open (and with find's
//   copy loaded), against the file
//   server peak memory serving a session with one 300 MB line (first page, outline, every message,
//   then the rest of its cut output piece by piece, as "Show all" pages through it)
// Env: BENCH_TR_RUNS (5), BENCH_TR_HUGE_MB (300; 0 skips that part), BENCH_TR_ONLY=open|find|huge,
// OUT=<folder, from the repository> serves another build's renderer (A/B runs).
/* global window, document -- used only inside page.evaluate / waitForFunction callbacks */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, stat, writeFile, appendFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { bundleLib } from '../bundle.mjs';
import { clickUntilShown, fetchAlone, openRow } from '../ui/page-probes.mjs';
import { report } from '../report.mjs';

const RUNS = Number(process.env.BENCH_TR_RUNS ?? 5);
const HUGE_MB = Number(process.env.BENCH_TR_HUGE_MB ?? 300);
/** BENCH_TR_ONLY=open measures opening only. */
const ONLY_OPEN = process.env.BENCH_TR_ONLY === 'open';
/** BENCH_TR_ONLY=find measures find and the renderer heap only. */
const ONLY_FIND = process.env.BENCH_TR_ONLY === 'find';
/** BENCH_TR_ONLY=huge measures the server's memory for one huge line only (no browser). */
const ONLY_HUGE = process.env.BENCH_TR_ONLY === 'huge';
const repo = join(import.meta.dirname, '..', '..');
const rendererDir = join(repo, process.env.OUT ?? 'out', 'renderer');
if (!ONLY_HUGE && !existsSync(join(rendererDir, 'index.html'))) {
  console.error('out/renderer is missing: run `npm run build` first');
  process.exit(1);
}
const bundle = await bundleLib(import.meta.dirname, 'transcript');
const lib = createRequire(import.meta.url)(bundle);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))];
const ms = (x) => `${x.toFixed(0)} ms`;
const mb = (x) => `${(x / 1024 / 1024).toFixed(0)} MB`;

const IDS = {
  small: '20280101-000000-0000000000000021',
  big: '20280101-000000-00000000000b1650',
  five: '20280101-000000-0000000000005000',
  hundred: '20280101-000000-0000000000001000',
  huge: '20280101-000000-0000000000000300',
};

const bigText = (i) =>
  i === 0
    ? 'First message of the long session'
    : `Step ${i}: the parser fails when the cache key is stale.\n\n- rebuild the lockfile\n- rerun \`npm test\`\n\n` +
      '```ts\nconst key = hash(lockfile);\nif (cache.has(key)) return cache.get(key);\n```\n\n' +
      'We then compare the output against the previous run and keep going. '.repeat(4);

async function withServer(dir, run) {
  const server = await lib.serve(dir, rendererDir);
  try {
    return await run(server);
  } finally {
    await server.close();
  }
}

/** A fresh page on a fresh server (no reader cache), the list shown. */
async function freshPage(browser, server) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('[data-testid="session-row"]');
  return { context, page };
}

async function timeToReadable(browser, dir, id, firstText) {
  return withServer(dir, async (server) => {
    const { context, page } = await freshPage(browser, server);
    await page.evaluate(() => document.querySelector('[data-testid="session-filter"]')?.focus());
    await page.fill('[data-testid="session-filter"]', id);
    await page.waitForSelector(`[data-testid="session-row"][data-session-id="${id}"]`);
    const time = await page.evaluate(clickUntilShown, openRow(id, firstText));
    await context.close();
    return time;
  });
}

async function fetchTime(browser, dir, channel, body) {
  return withServer(dir, async (server) => {
    const { context, page } = await freshPage(browser, server);
    const time = await page.evaluate(fetchAlone, { channel, body, token: server.token });
    await context.close();
    return time;
  });
}

async function wholeFetch(browser, dir, id, total) {
  return withServer(dir, async (server) => {
    const { context, page } = await freshPage(browser, server);
    const start = await page.evaluate(() => performance.now());
    for (let from = 0; from < total; from += 500) {
      await page.evaluate(fetchAlone, {
        channel: 'sessions:messages',
        body: { id, from, to: Math.min(total, from + 500) },
        token: server.token,
      });
    }
    const time = (await page.evaluate(() => performance.now())) - start;
    await context.close();
    return time;
  });
}

// In the page: for each keystroke into the find field, the ms until the count first shows a
// result of the new query (a non-zero count, or a final one, for that query: data-query), and
// until it is final.
const FIND_PROBE = `(() => {
  const marks = (window.__find = { typed: [], first: [], final: [] });
  document.addEventListener('input', (e) => {
    if (e.target?.getAttribute?.('data-testid') !== 'find-input') return;
    marks.typed.push({ at: performance.now(), query: e.target.value, first: null, final: null });
  }, true);
  new MutationObserver(() => {
    const el = document.querySelector('[data-testid="find-count"]');
    const last = marks.typed[marks.typed.length - 1];
    if (!el || !last || el.getAttribute('data-query') !== last.query) return;
    const done = el.getAttribute('data-state') === 'done';
    if (last.first === null && (done || !/^0 of 0/.test(el.textContent))) last.first = performance.now() - last.at;
    if (last.final === null && done) last.final = performance.now() - last.at;
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
})()`;

// Typed into find, one keystroke at a time: 50 keystrokes a phase, so a p95 is not just the slowest
// one. The filler text cycles through its words in this order, so every prefix has matches.
const LOADING_QUERY = 'session index buffer stream lint cache parser token';
const LOADED_QUERY = 'buffer stream lint cache parser token render alpha';
/** Pauses between keystrokes (ms), cycled: a typist at about 90 words a minute, unevenly. */
const TYPING_PAUSES = [90, 140, 110, 200, 80, 160, 120, 100, 180, 130];

/** Types `text` into the focused field key by key, with TYPING_PAUSES between keys. */
async function typeLikeAPerson(page, text) {
  for (let i = 0; i < text.length; i++) {
    await page.keyboard.type(text[i]);
    await page.waitForTimeout(TYPING_PAUSES[i % TYPING_PAUSES.length]);
  }
}

/** The JS heap in use by the page and its workers (find's runs in one), after a collection. */
async function heapUsed(page) {
  const client = await page.context().newCDPSession(page);
  await client.send('HeapProfiler.collectGarbage');
  const { usedSize } = await client.send('Runtime.getHeapUsage');
  let workers = 0;
  const { targetInfos } = await client.send('Target.getTargets');
  for (const target of targetInfos.filter((t) => t.type === 'worker')) {
    const { sessionId } = await client.send('Target.attachToTarget', {
      targetId: target.targetId,
      flatten: false,
    });
    const ask = (id, method) =>
      new Promise((resolve) => {
        const listen = (event) => {
          if (event.sessionId !== sessionId) return;
          const reply = JSON.parse(event.message);
          if (reply.id !== id) return;
          client.off('Target.receivedMessageFromTarget', listen);
          resolve(reply.result);
        };
        client.on('Target.receivedMessageFromTarget', listen);
        client.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
      });
    await ask(1, 'HeapProfiler.collectGarbage');
    workers += (await ask(2, 'Runtime.getHeapUsage')).usedSize;
    await client.send('Target.detachFromTarget', { sessionId });
  }
  await client.detach();
  return usedSize + workers;
}

async function findAndHeap(browser, dir, id, fileSize) {
  return withServer(dir, async (server) => {
    const { context, page } = await freshPage(browser, server);
    await page.addInitScript(FIND_PROBE);
    await page.goto(`${server.url}#session=${id}`);
    await page.waitForSelector('[data-testid="message"]');
    await page.waitForFunction(
      () => !/…/.test(document.querySelector('[data-testid="position-total"]')?.textContent ?? '…'),
      null,
      { timeout: 120_000 },
    );
    const heapOpen = await heapUsed(page);
    await page.evaluate(FIND_PROBE);
    await page.click('[data-testid="transcript-body"]');
    await page.keyboard.press('Control+f');
    // While find's copy of the session is still arriving, then once it is there.
    await typeLikeAPerson(page, LOADING_QUERY);
    await page.waitForFunction(
      () => document.querySelector('[data-testid="find-count"]')?.getAttribute('data-state') === 'done',
      null,
      { timeout: 180_000 },
    );
    const loading = await page.evaluate(() => window.__find.typed.splice(0));
    await page.fill('[data-testid="find-input"]', '');
    await typeLikeAPerson(page, LOADED_QUERY);
    await page.waitForFunction(
      () => document.querySelector('[data-testid="find-count"]')?.getAttribute('data-state') === 'done',
      null,
      { timeout: 180_000 },
    );
    await page.waitForTimeout(200);
    const loaded = await page.evaluate(() => window.__find.typed.splice(0));
    const heapFind = await heapUsed(page);
    await context.close();
    return { loading, loaded, heapOpen, heapFind, fileSize };
  });
}

async function hugeLine(dir, id) {
  const path = join(dir, `${id}.jsonl`);
  const header = JSON.stringify({
    type: 'meta',
    session_id: id,
    title: 'One huge line',
    created_at: '2028-01-01T00:00:00Z',
    updated_at: '2028-01-01T00:00:00Z',
  });
  await writeFile(
    path,
    `${header}\n${JSON.stringify({ type: 'message', session_id: id, message: { role: 'user', content: [{ type: 'text', text: 'dump it' }] } })}\n`,
  );
  const prefix = `{"type":"message","session_id":"${id}","message":{"role":"user","content":[{"type":"tool_result","tool_id":"t","output":"`;
  await appendFile(path, prefix);
  const chunk = `${'0123456789abcdef'.repeat(4095)}\\n`;
  for (let written = 0; written < HUGE_MB * 1024 * 1024; written += chunk.length)
    await appendFile(path, chunk);
  await appendFile(path, '"}]}}\n');
  return (await stat(path)).size;
}

function peakRss(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) * 1024;
  return { hwm: kb('VmHWM'), rss: kb('VmRSS') };
}

async function serverMemory(dir, id, fileSize) {
  const child = spawn(
    process.execPath,
    [join(import.meta.dirname, 'serve-child.mjs'), bundle, dir, rendererDir],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  try {
    const info = await new Promise((resolve, reject) => {
      child.stdout.once('data', (data) => resolve(JSON.parse(String(data).split('\n')[0])));
      child.once('exit', (code) => reject(new Error(`server exited ${code}`)));
    });
    const before = peakRss(child.pid);
    const call = async (channel, body) => {
      const response = await fetch(`http://127.0.0.1:${info.port}/api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Transcripts-Token': info.token },
        body: JSON.stringify(body),
      });
      return response.json();
    };
    const start = performance.now();
    const first = await call('sessions:transcript', { id });
    const outline = await call('sessions:outline', { id });
    // Every message, page after page (the huge line comes as a page of its own).
    const total = outline.value?.total ?? 0;
    let all = { ok: true };
    const cuts = [];
    for (let from = 0; all.ok && from < total;) {
      all = await call('sessions:messages', { id, from, to: Math.min(total, from + 500) });
      for (const message of all.value?.messages ?? []) {
        for (const block of message.blocks)
          if (block.cut) cuts.push({ message: message.index, next: block.cut.next });
      }
      from += Math.max(1, all.value?.messages.length ?? 1);
    }
    // "Show all" of each cut text: every piece of its rest, in turn.
    let pieces = { ok: true };
    let rest = 0;
    for (const cut of cuts) {
      for (let from = cut.next; pieces.ok && from !== null; from = pieces.value?.next ?? null) {
        pieces = await call('sessions:text', { id, message: cut.message, from });
        rest += pieces.value?.text.length ?? 0;
      }
    }
    const took = performance.now() - start;
    const after = peakRss(child.pid);
    return {
      before,
      after,
      fileSize,
      took,
      cuts: cuts.length,
      rest,
      ok: [first.ok, outline.ok, all.ok, pieces.ok],
    };
  } finally {
    child.kill();
  }
}

/** Opening (20 vs 20,000 messages) and the 5,000-message transcript against its first page. */
async function measureOpen(browser, dir, bigSize) {
  const small = [];
  const big = [];
  const five = [];
  const fiveFirst = [];
  const fiveWhole = [];
  for (let run = 0; run < RUNS; run++) {
    small.push(await timeToReadable(browser, dir, IDS.small, 'Message 0:'));
    big.push(await timeToReadable(browser, dir, IDS.big, 'Message 0:'));
    five.push(await timeToReadable(browser, dir, IDS.five, 'First message of the long session'));
    fiveFirst.push(await fetchTime(browser, dir, 'sessions:transcript', { id: IDS.five }));
    fiveWhole.push(await wholeFetch(browser, dir, IDS.five, 5000));
  }
  console.log(
    `first message readable, ${mb(bigSize)} / 20,000 messages: ${ms(median(big))} vs 20 messages ${ms(median(small))} -> ${(median(big) / median(small)).toFixed(2)}x (target <= 3x)`,
  );
  console.log(
    `5,000 messages readable: ${ms(median(five))} vs its first page fetched alone ${ms(median(fiveFirst))} -> ${(median(five) / median(fiveFirst)).toFixed(2)}x (target <= 1.5x); every message fetched: ${ms(median(fiveWhole))}`,
  );

  report({
    bench: 'transcript',
    figure: `first message readable, ${mb(bigSize)} / 20,000 messages`,
    value: median(big),
    baselineName: '20-message session',
    baseline: median(small),
    goal: { max: 3 },
  });
  report({
    bench: 'transcript',
    figure: '5,000-message transcript readable',
    value: median(five),
    baselineName: 'its first page fetched alone',
    baseline: median(fiveFirst),
    goal: { max: 1.5 },
  });
}

/** Find in the 100 MB session, per keystroke, and the renderer heap with it open. */
async function measureFind(browser, dir, hundredSize) {
  const found = await findAndHeap(browser, dir, IDS.hundred, hundredSize);
  for (const [what, marks] of [
    ['while find loads the session', found.loading],
    ['once loaded', found.loaded],
  ]) {
    const first = marks.map((m) => m.first ?? Infinity);
    const final = marks.map((m) => m.final ?? Infinity);
    report({
      bench: 'transcript',
      figure: `find in ${mb(hundredSize)}, count per keystroke ${what}, p95`,
      value: quantile(first, 0.95),
      baselineName: 'final count p95',
      baseline: quantile(final, 0.95),
      goal: { under: 100 },
    });
    console.log(
      `find in ${mb(hundredSize)}, ${marks.length} keystrokes ${what}: count for the new query p50 ${ms(quantile(first, 0.5))} / p95 ${ms(quantile(first, 0.95))} (target p95 <= 100 ms); final count p50 ${ms(quantile(final, 0.5))} / p95 ${ms(quantile(final, 0.95))}`,
    );
    console.log(`  per keystroke, count for the new query (ms): ${first.map((x) => x.toFixed(0)).join(' ')}`);
  }
  report({
    bench: 'transcript',
    figure: `renderer JS heap (page and workers) with the ${mb(hundredSize)} session open, find loaded`,
    value: found.heapFind / 1048576,
    unit: 'MB',
    baselineName: 'file size',
    baseline: hundredSize / 1048576,
    goal: { max: 2 },
  });
  console.log(
    `renderer JS heap (page and workers), ${mb(hundredSize)} session open: ${mb(found.heapOpen)} (${(found.heapOpen / hundredSize).toFixed(2)}x the file); with find's copy loaded: ${mb(found.heapFind)} (${(found.heapFind / hundredSize).toFixed(2)}x; target <= 2x)`,
  );
}

/** The server's peak memory serving one HUGE_MB line, against the file. */
async function measureHuge() {
  if (HUGE_MB > 0) {
    const hugeDir = await mkdtemp(join(tmpdir(), 'transcripts-bench-huge-'));
    try {
      const size = await hugeLine(hugeDir, IDS.huge);
      const memory = await serverMemory(hugeDir, IDS.huge, size);
      report({
        bench: 'transcript',
        figure: `server peak RSS above idle, one ${mb(size)} line`,
        value: (memory.after.hwm - memory.before.rss) / 1048576,
        unit: 'MB',
        baselineName: 'file size',
        baseline: size / 1048576,
        goal: { max: 3 },
      });
      console.log(
        `server serving one ${mb(size)} line (first page, outline, every message, the rest of ${memory.cuts} cut text(s) in pieces: ${memory.rest.toLocaleString('en-US')} characters; ${ms(memory.took)}, ok ${memory.ok.join('/')}): peak RSS ${mb(memory.after.hwm)} from ${mb(memory.before.hwm)} at start -> ${((memory.after.hwm - memory.before.rss) / size).toFixed(2)}x the file above the idle server (target <= 3x)`,
      );
    } finally {
      await rm(hugeDir, { recursive: true, force: true });
    }
  }
}

if (ONLY_HUGE) {
  await measureHuge();
  process.exit(0);
}
const dir = await mkdtemp(join(tmpdir(), 'transcripts-bench-transcript-'));
let browser;
try {
  console.log(`generating sessions in ${dir} ...`);
  const entries = [];
  entries.push(
    await lib.writeSession(dir, {
      id: IDS.small,
      title: 'Twenty messages',
      messages: 20,
      messageBytes: 2500,
      createdAt: '2028-01-01T00:00:00Z',
    }),
  );
  entries.push(
    await lib.writeSession(dir, {
      id: IDS.big,
      title: 'Fifty megabytes',
      messages: 20_000,
      messageBytes: 2500,
      createdAt: '2028-01-02T00:00:00Z',
    }),
  );
  entries.push(
    await lib.writeSession(dir, {
      id: IDS.five,
      title: 'Five thousand',
      messages: 5000,
      text: bigText,
      createdAt: '2028-01-03T00:00:00Z',
    }),
  );
  entries.push(
    await lib.writeSession(dir, {
      id: IDS.hundred,
      title: 'Hundred megabytes',
      messages: 40_000,
      messageBytes: 2500,
      text: undefined,
      createdAt: '2028-01-04T00:00:00Z',
    }),
  );
  await lib.addToIndex(dir, entries);
  const bigSize = (await stat(join(dir, `${IDS.big}.jsonl`))).size;
  const hundredSize = (await stat(join(dir, `${IDS.hundred}.jsonl`))).size;

  browser = await chromium.launch({ ...lib.CHROMIUM_LAUNCH_OPTIONS, headless: true });
  console.log(`Chromium ${browser.version()}, ${RUNS} runs each, medians; a fresh server (cold) per run`);

  if (!ONLY_FIND) await measureOpen(browser, dir, bigSize);
  if (!ONLY_OPEN) {
    await measureFind(browser, dir, hundredSize);
    if (!ONLY_FIND) await measureHuge();
  }
} finally {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
}
