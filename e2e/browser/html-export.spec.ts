// The HTML export opened as the person who receives it would: a file in Chromium with JavaScript
// on. Nothing in it runs and nothing is fetched, with its CSP and (to prove the markup itself is
// inert) without it; it reads in light and dark, and folded tool output unfolds in print.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { exportSessionHtml } from '../../src/core/export/html';
import { JsonlStore } from '../../src/core/store';
import { hostileSession } from '../../test/support/html-payloads';
import { copyCorpus, FIXTURE_IDS, makeTempDir, removeDir } from '../support/corpus';
import { SCREENSHOT_DIR } from '../support/app';

/** Opens `html` as a file in a new page; returns it and every URL it asked for besides the file. */
async function openFile(
  context: BrowserContext,
  html: string,
  name: string,
): Promise<{ page: Page; requests: string[] }> {
  const dir = await makeTempDir('transcripts-html-');
  const file = join(dir, name);
  await writeFile(file, html);
  const url = pathToFileURL(file).href;
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (r) => {
    if (r.url() !== url) requests.push(r.url());
  });
  // Recorded above, then stopped here: a leak fails the test instead of reaching the network.
  await page.route(
    (u) => u.href !== url,
    (route) => route.abort('blockedbyclient'),
  );
  await page.goto(url);
  // Time for any handler (onerror, onload, ontoggle, a refresh) to fire.
  await page.waitForTimeout(600);
  await removeDir(dir);
  return { page, requests };
}

const pwned = (page: Page) => page.evaluate(() => (window as { __pwned?: unknown }).__pwned);

const withoutCsp = (html: string) => html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');

test.describe('HTML export file', () => {
  test('JavaScript is on in these pages (the check below can see a script run)', async ({ context }) => {
    const { page } = await openFile(context, '<script>window.__pwned = "ran"</script>', 'control.html');
    expect(await pwned(page)).toBe('ran');
  });

  for (const [label, strip] of [
    ['with its CSP', false],
    ['without its CSP', true],
  ] as const) {
    test(`hostile sessions run nothing and fetch nothing, ${label}`, async ({ context }) => {
      const errors: string[] = [];
      context.on('weberror', (e) => errors.push(e.error().message));
      const corpus = await copyCorpus();
      const fixture = await new JsonlStore(corpus).load(FIXTURE_IDS.hostile);
      await removeDir(corpus);
      for (const [n, session] of [fixture, hostileSession()].entries()) {
        const html = exportSessionHtml(session);
        const { page, requests } = await openFile(
          context,
          strip ? withoutCsp(html) : html,
          `hostile-${n}.html`,
        );
        expect(await pwned(page)).toBeUndefined();
        expect(requests).toEqual([]);
        expect(page.url()).toMatch(/^file:/);
        await expect(page.locator('h1')).toContainText('<');
      }
      expect(errors).toEqual([]);
    });
  }

  test('reads in light and dark, and prints folded output unfolded', async ({ context }) => {
    const corpus = await copyCorpus();
    const html = exportSessionHtml(await new JsonlStore(corpus).load(FIXTURE_IDS.tools));
    await removeDir(corpus);
    const { page } = await openFile(context, html, 'tools.html');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await background()).toBe('rgb(255, 255, 255)');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/html-export-light.png`, fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await background()).toBe('rgb(13, 17, 23)');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/html-export-dark.png`, fullPage: true });
    const output = page.locator('details.tool-result pre').first();
    await expect(output).toBeHidden();
    await page.emulateMedia({ media: 'print', colorScheme: 'light' });
    await expect(output).toBeVisible();
  });
});
