// Playwright fixtures for browser mode: a temp corpus, the real server started in-process over it
// with the built renderer, a page whose every request is recorded (and stopped if not local),
// and small helpers to open the app and sessions.
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { indexFileFor } from '../../src/core/search/cache-dir';
import { SearchWorkerClient } from '../../src/core/search/worker-client';
import { JsonlStore } from '../../src/core/store';
import { startServer, type RunningServer } from '../../src/server/server';
import { copyCorpus, removeDir } from './corpus';

/** The renderer `npm run build` produced. */
export const RENDERER_DIR = fileURLToPath(new URL('../../out/renderer', import.meta.url));

/** The search worker `npm run build` bundled for the CLI. */
export const SEARCH_WORKER = fileURLToPath(new URL('../../out/cli/search-worker.cjs', import.meta.url));

/** Where tests put the screenshots a person looks at (gitignored). */
export const SCREENSHOT_DIR = fileURLToPath(new URL('../screenshots', import.meta.url));

/** The opened app and ways to drive it. */
export interface App {
  page: Page;
  /** Opens the printed URL (plus `hash`, e.g. "#session=<id>") and waits for the list. */
  open(hash?: string): Promise<void>;
  /** The list row of session `id`. */
  row(id: string): Locator;
  /** Clicks the row of `id` and waits until its transcript is showing. */
  openSession(id: string): Promise<void>;
  /** Saves a full-page screenshot as e2e/screenshots/<name>.png. */
  screenshot(name: string): Promise<void>;
}

interface Fixtures {
  /** A temp copy of the fixture corpus, removed after the test. */
  corpus: string;
  /** The app's data folder for this test (stars, tags, notes, trash), removed after it. */
  dataDir: string;
  store: JsonlStore;
  server: RunningServer;
  /** Every URL the page requested, in order. */
  requests: string[];
  /** Uncaught errors in the page; the test fails if any happen. */
  pageErrors: Error[];
  app: App;
}

/** The browser-mode test, with the fixtures above. */
export const test = base.extend<Fixtures>({
  // Playwright reads a fixture's dependencies from its destructuring pattern, so it must be there.
  // eslint-disable-next-line no-empty-pattern
  corpus: async ({}, use) => {
    const dir = await copyCorpus();
    await use(dir);
    await removeDir(dir);
  },
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'transcripts-e2e-data-'));
    await use(dir);
    await removeDir(dir);
  },
  store: async ({ corpus }, use) => {
    await use(new JsonlStore(corpus));
  },
  server: async ({ store, dataDir }, use) => {
    // The index builds in the search worker `npm run build` bundles, as `sessions serve` does, so
    // indexing never blocks this test process; its cache is private to the test.
    const cacheDir = await mkdtemp(join(tmpdir(), 'transcripts-e2e-cache-'));
    const search = new SearchWorkerClient(SEARCH_WORKER, {
      dir: store.dir(),
      indexFile: indexFileFor(cacheDir, store.dir()),
    });
    const server = await startServer({ store, rendererDir: RENDERER_DIR, search, dataDir });
    await use(server);
    await server.close();
    await removeDir(cacheDir);
  },
  requests: async ({ context, server }, use) => {
    const seen: string[] = [];
    const local = `http://127.0.0.1:${server.port}/`;
    context.on('request', (request) => seen.push(request.url()));
    // Anything not for our server is recorded above and then stopped here, so a leak fails the
    // test instead of reaching the network.
    await context.route(
      (url) => !url.href.startsWith(local),
      (route) => route.abort('blockedbyclient'),
    );
    await use(seen);
  },
  pageErrors: [
    async ({ page }, use) => {
      const errors: Error[] = [];
      page.on('pageerror', (error) => errors.push(error));
      await use(errors);
      expect(errors.map((e) => e.message)).toEqual([]);
    },
    { auto: true },
  ],
  app: async ({ page, context, server, requests }, use) => {
    void requests;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: `http://127.0.0.1:${server.port}`,
    });
    const app: App = {
      page,
      async open(hash = '') {
        await page.goto(server.url + hash);
        // In a narrow window the list is in a closed drawer: there, but not visible.
        await expect(page.getByTestId('main-pane')).toBeVisible();
        // Keys pressed before the first list arrives would have no rows to act on.
        await expect(page.getByTestId('session-list')).toHaveAttribute('aria-busy', 'false');
      },
      row: (id) => page.locator(`[data-testid="session-row"][data-session-id="${id}"]`),
      async openSession(id) {
        await app.row(id).click();
        await expect(page.getByTestId('transcript')).toBeVisible();
        await expect(page).toHaveURL(new RegExp(`#session=${id}$`));
        // Loaded, not "Loading…" (the hash is written once the selection is painted, which can be
        // before the transcript arrives: a key pressed then, such as Ctrl+F, would find none).
        await expect(page.locator('[data-testid="transcript-body"]:not(.transcript-state)')).toBeVisible();
      },
      async screenshot(name) {
        await mkdir(SCREENSHOT_DIR, { recursive: true });
        await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: true });
      },
    };
    await use(app);
  },
});

export { expect };
