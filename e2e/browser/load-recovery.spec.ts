// The app's code arrives in two parts (the entry, then the rest); when the second cannot be
// fetched, the page reloads once, and a lasting failure is said in one line, never a blank page.
import { expect, test } from '../support/app';
import { FIXTURE_IDS } from '../support/corpus';

const BOOT_CHUNK = /\/assets\/boot-[^/]+\.js$/;

test('a dropped fetch of the app code is retried by one reload, and the app opens', async ({ app }) => {
  const page = app.page;
  // Every fetch of the chunk the first page makes (the page's modulepreload, which the import
  // then takes) fails; the reloaded page's succeeds. Pages are counted by their document
  // requests: the reloaded page can show its rows before its own load event.
  let pages = 0;
  page.on('request', (request) => {
    if (request.resourceType() === 'document') pages++;
  });
  await page.route(BOOT_CHUNK, (route) => (pages <= 1 ? route.abort('connectionreset') : route.continue()));
  await app.open();
  await expect(app.row(FIXTURE_IDS.plain)).toBeVisible();
  expect(pages).toBe(2);
  await expect(page.getByTestId('load-error')).toHaveCount(0);
});

test('code that cannot be fetched at all is said in one line', async ({ app, server }) => {
  const page = app.page;
  await page.route(BOOT_CHUNK, (route) => route.abort('connectionreset'));
  await page.goto(server.url);
  const line = page.getByTestId('load-error');
  await expect(line).toBeVisible();
  await expect(line).toHaveText(
    /^Transcripts could not load its code \(.+\)\. Reload the page to try again\.$/,
  );
  await expect(page.getByTestId('session-list')).toHaveCount(0);
});
