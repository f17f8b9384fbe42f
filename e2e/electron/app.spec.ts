// The packaged-style app end to end: list, open (click and keyboard), hostile content inert,
// the preload bridge exposes only its allow-list, export and drag-out through the real IPC.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { JsonlStore } from '../../src/core/store';
import { exportFileName } from '../../src/shared/export-file-name';
import { API_KEYS, type Api } from '../../src/shared/electron-api';
import { electronBinary, SKIP_MESSAGE } from './electron-binary';
import { fixtureIds, launchApp, type LaunchedApp } from './launch';

const HOSTILE = '20261124-135052-b415e622ad0f2d67';
const TOOLS = '20261124-135052-d23db7e55539ac33';

const binary = electronBinary();

// One app for the whole file: tests run in order in one worker.
test.describe.configure({ mode: 'serial' });

test.describe('Electron app', () => {
  let launched: LaunchedApp;
  let closed = false;

  test.beforeAll(async () => {
    if (binary === null) {
      console.log(SKIP_MESSAGE);
      test.skip(true, SKIP_MESSAGE);
      return;
    }
    launched = await launchApp(binary);
  });

  test.afterAll(async () => {
    if (binary === null) return;
    if (!closed) await launched.app.close();
    await launched.cleanup();
  });

  test('loads the renderer from app://, not file:// nor the ELECTRON_RENDERER_URL it was given', async () => {
    const { page } = launched;
    expect(new URL(page.url()).href).toBe('app://transcripts/index.html');
    expect(await page.evaluate(() => location.origin)).toBe('app://transcripts');
    const types = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => new URL(e.name).protocol),
    );
    expect(new Set(types)).toEqual(new Set(['app:']));
  });

  test('lists every session of the --dir folder', async () => {
    const ids = await fixtureIds();
    const { page } = launched;
    await expect(page.getByTestId('session-row')).toHaveCount(ids.length);
    await expect(page.getByTestId('session-count')).toHaveText(`${ids.length} sessions`);
    const shown = await page
      .getByTestId('session-row')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-session-id')));
    expect(shown.sort()).toEqual(ids.sort());
  });

  test('opens a session by click and puts it in the URL hash', async () => {
    const { page } = launched;
    await page.locator(`[data-testid="session-row"][data-session-id="${TOOLS}"]`).click();
    await expect(page.getByTestId('transcript')).toBeVisible();
    await expect(page.getByTestId('tool-call').first()).toBeVisible();
    await expect(page.locator('[data-testid="tool-result"][data-error="true"]').first()).toBeVisible();
    expect(page.url()).toBe(`app://transcripts/index.html#session=${TOOLS}`);
  });

  test('opens a session by keyboard', async () => {
    const { page } = launched;
    const rows = page.getByTestId('session-row');
    await rows.first().click();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const second = rows.nth(1);
    await expect(second).toHaveAttribute('aria-selected', 'true');
    const title = (await second.getByTestId('session-row-title').textContent()) ?? '';
    await expect(page.getByTestId('transcript-title')).toHaveText(title);
    const id = await second.getAttribute('data-session-id');
    expect(new URL(page.url()).hash).toBe(`#session=${id}`);
  });

  test('renders the hostile session inert', async () => {
    const { page } = launched;
    await page.locator(`[data-testid="session-row"][data-session-id="${HOSTILE}"]`).click();
    await expect(page.getByTestId('transcript-body')).toBeVisible();
    await expect(page.getByTestId('remote-image').first()).toContainText('https://evil.example/pixel.png');
    // Give any handler (onerror, onload, timers) the chance to run before looking.
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).toBeUndefined();
    const remote = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => !e.name.startsWith('app://transcripts/') && !e.name.startsWith('data:')),
    );
    expect(remote).toEqual([]);
  });

  test('lets no page open windows or fetch remote content', async () => {
    const { page, app } = launched;
    expect(
      await page.evaluate(
        () =>
          (globalThis as unknown as { open: (u: string) => unknown }).open('https://example.com/') === null,
      ),
    ).toBe(true);
    await expect(
      page.evaluate(() => fetch('https://evil.example/x').then((r) => r.status)),
    ).rejects.toThrow();
    expect(await app.windows()).toHaveLength(1);
  });

  test('exposes exactly the allow-listed window.api', async () => {
    const keys = await launched.page.evaluate(() =>
      Object.keys((globalThis as unknown as { api: object }).api).sort(),
    );
    expect(keys).toEqual([...API_KEYS]);
  });

  test('exports through the api exactly what the store exports', async () => {
    const { page, sessionsDir } = launched;
    const store = new JsonlStore(sessionsDir);
    for (const id of [TOOLS, HOSTILE]) {
      const exported = await page.evaluate(
        (sessionId) => (globalThis as unknown as { api: Api }).api.exportSession({ id: sessionId }),
        id,
      );
      expect(exported).toBe(await store.exportMarkdown(id));
    }
    const bad = page.evaluate(() =>
      (globalThis as unknown as { api: Api }).api.exportSession({ id: '../../etc/passwd' }),
    );
    await expect(bad).rejects.toThrow(/id must be/);
  });

  test('drag-out writes the export into a private temp folder and drags that file', async () => {
    const { page, app, appTmp, sessionsDir } = launched;
    // Record startDrag instead of starting a real OS drag, which needs a pressed mouse button.
    await app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]?.webContents;
      const dragged: string[] = [];
      (globalThis as { dragged?: string[] }).dragged = dragged;
      if (contents) contents.startDrag = (item) => void dragged.push(item.file);
    });
    await page.evaluate((id) => (globalThis as unknown as { api: Api }).api.startDrag(id), TOOLS);
    await expect
      .poll(() => app.evaluate(() => (globalThis as { dragged?: string[] }).dragged ?? []))
      .toHaveLength(1);
    const [file] = await app.evaluate(() => (globalThis as { dragged?: string[] }).dragged ?? []);

    const store = new JsonlStore(sessionsDir);
    const { title } = await store.load(TOOLS);
    const [folder] = (await readdir(appTmp)).filter((n) => n.startsWith('transcripts-drag-'));
    expect(file).toBe(join(appTmp, folder ?? '', TOOLS, exportFileName(title, TOOLS)));
    expect(await readFile(file ?? '', 'utf8')).toBe(await store.exportMarkdown(TOOLS));
  });

  test('removes the drag folder when the app quits', async () => {
    const { app, appTmp } = launched;
    expect((await readdir(appTmp)).filter((n) => n.startsWith('transcripts-drag-'))).toHaveLength(1);
    closed = true;
    await app.close();
    expect((await readdir(appTmp)).filter((n) => n.startsWith('transcripts-drag-'))).toEqual([]);
  });
});
