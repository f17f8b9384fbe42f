// The shipped command: `sessions serve` in its own process, viewed in Chromium, stopped by a signal.
import { expect, test } from '../support/app';
import { runCli, startServeProcess } from '../support/cli';
import { FIXTURE_IDS } from '../support/corpus';

test('`sessions serve` serves the app until SIGTERM', async ({ page, corpus, store }) => {
  const serve = await startServeProcess(corpus);
  try {
    expect(serve.line).toBe(`Transcripts is serving ${corpus} at ${serve.url}`);
    expect(serve.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{64}$/);
    await page.goto(serve.url);
    await expect(page.getByTestId('session-row')).toHaveCount((await store.list()).length);
  } finally {
    expect(await serve.stop('SIGTERM')).toBe(0);
  }
});

test('copy Markdown equals `sessions export`', async ({ app, corpus }) => {
  const id = FIXTURE_IDS.tools;
  const exported = await runCli(['--dir', corpus, 'export', id]);
  await app.open();
  await app.openSession(id);
  await app.page.getByTestId('copy-markdown').click();
  await expect(app.page.getByTestId('feedback-copy')).toContainText('Copied');
  expect(await app.page.evaluate(() => navigator.clipboard.readText())).toBe(exported);
});
