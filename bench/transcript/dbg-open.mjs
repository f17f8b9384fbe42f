import { mkdtemp } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { bundleLib } from '../bundle.mjs';
import { clickUntilReadable, fetchAlone } from '../ui/page-probes.mjs';
const bundle = await bundleLib(import.meta.dirname, 'transcript');
const lib = createRequire(import.meta.url)(bundle);
const dir = await mkdtemp(join(tmpdir(), 'tr-dbg-'));
const id = '20280101-000000-0000000000005000';
const bigText = (i) =>
  i === 0
    ? 'First message of the long session'
    : `Step ${i}: the parser fails when the cache key is stale.\n\n- rebuild the lockfile\n- rerun \`npm test\`\n\n` +
      '```ts\nconst key = hash(lockfile);\nif (cache.has(key)) return cache.get(key);\n```\n\n' +
      'We then compare the output against the previous run and keep going. '.repeat(4);
const e = await lib.writeSession(dir, { id, title: 'Five', messages: 5000, text: bigText, createdAt: '2028-01-04T00:00:00Z' });
await lib.addToIndex(dir, [e]);
const browser = await chromium.launch({ ...lib.CHROMIUM_LAUNCH_OPTIONS, headless: true });
for (let run = 0; run < 4; run++) {
  const server = await lib.serve(dir, join(import.meta.dirname, '..', '..', 'out', 'renderer'));
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('[data-testid="session-row"]');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const time = await page.evaluate(clickUntilReadable, { id, firstText: 'First message of the long session' });
  const { profile } = await cdp.send('Profiler.stop');
  const alone = await page.evaluate(fetchAlone, { channel: 'sessions:transcript', body: { id }, token: server.token });
  const self = new Map();
  const dt = profile.timeDeltas;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((s, i) => {
    const n = byId.get(s);
    const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 18);
  console.log(`run ${run}: readable ${time.toFixed(0)} ms; first page fetched alone (warm) ${alone.toFixed(0)} ms`);
  if (run >= 2) for (const [k, v] of top) console.log(`  ${v.toFixed(1)} ms  ${k}`);
  await context.close();
  await server.close();
}
await browser.close();
