// Every agent's sessions in the browser: a home folder holding ggcode's, Claude Code's and Codex
// CLI's fixtures where the agents keep them, served as `sessions serve` serves it. The list shows
// and filters sources, another agent's session opens without Delete and exports in ggcode's
// layout, search finds every source (and one with source:), and an agent appending is shown live.
import { appendFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { indexFileFor } from '../../src/core/search/cache-dir';
import { SearchWorkerClient } from '../../src/core/search/worker-client';
import { Catalog, indexFileForCatalog } from '../../src/core/sources/catalog';
import { resolveSources, sourceContext } from '../../src/core/sources/selection';
import { startServer, type RunningServer } from '../../src/server/server';
import { expect, RENDERER_DIR, SEARCH_WORKER, test as base } from '../support/app';
import { removeDir } from '../support/corpus';
import { sourcesHome } from '../support/source-home';

const CLAUDE = 'claude-0b7c2a9e-5f7b-4c1e-9a57-2d1f3c4b5a61';
const CODEX = 'codex-5973b6c0-94b8-487b-a530-2aeb6098ae0e';
const CLAUDE_FILE = '.claude/projects/-home-dev-webapp/0b7c2a9e-5f7b-4c1e-9a57-2d1f3c4b5a61.jsonl';
const LIVE = { timeout: 15_000 };
const INDEXED = { timeout: 30_000 };

const test = base.extend<{ home: string; catalog: Catalog; server: RunningServer }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads dependencies from the pattern
  home: async ({}, use) => {
    const home = await sourcesHome();
    await use(home);
    await removeDir(home);
  },
  catalog: async ({ home }, use) => {
    await use(Catalog.open(resolveSources({}, sourceContext({ HOME: home }))));
  },
  server: async ({ catalog }, use) => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'transcripts-e2e-cache-'));
    const settings = catalog.settings();
    const search = new SearchWorkerClient(SEARCH_WORKER, {
      dir: catalog.dir(),
      indexFile: indexFileForCatalog(cacheDir, settings),
      sources: settings,
    });
    expect(indexFileForCatalog(cacheDir, settings)).not.toBe(indexFileFor(cacheDir, catalog.dir()));
    const server = await startServer({ store: catalog, rendererDir: RENDERER_DIR, search });
    await use(server);
    await server.close();
    await removeDir(cacheDir);
  },
});

const rows = (page: Page) => page.getByTestId('session-row');

test('lists every source with its label, folder and branch, and filters by source', async ({
  app,
  catalog,
}) => {
  await app.open();
  const total = (await catalog.list()).length;
  // The list is virtual: the count says how many rows there are, the screen shows some.
  await expect(app.page.getByTestId('session-count')).toHaveText(`${total} sessions`);
  const claude = app.row(CLAUDE);
  await expect(claude.getByTestId('session-row-source')).toHaveText('Claude Code');
  await expect(claude.getByTestId('session-row-workspace')).toHaveText('/home/dev/webapp');
  await expect(claude.getByTestId('session-row-branch')).toHaveText('fix/login-redirect');
  await expect(claude.getByTestId('session-row-cost')).toHaveText(/^≈ \$/);

  await app.page.locator('[data-testid="source-chip"][data-value="codex"]').click();
  await expect(rows(app.page)).toHaveCount(5);
  await expect(app.row(CODEX).getByTestId('session-row-source')).toHaveText('Codex CLI');
  await expect(app.page.getByTestId('session-count')).toHaveText(`5 of ${total} sessions`);
  await app.page.locator('[data-testid="source-chip"][data-value="codex"]').click();
  await app.page.getByTestId('session-filter').fill('fix/login');
  await expect(rows(app.page)).toHaveCount(1);
  await app.screenshot('sources-list');
});

test("opens another agent's session without Delete, and copies its export", async ({ app, catalog }) => {
  await app.open();
  await app.openSession(CLAUDE);
  await expect(app.page.getByTestId('transcript-title')).toHaveText('Fix login redirect loop');
  await expect(app.page.getByTestId('delete-session')).toHaveCount(0);
  const meta = app.page.getByTestId('transcript-meta');
  await expect(meta).toContainText('Claude Code');
  await expect(meta).toContainText('Cost (estimated)');
  await expect(app.page.getByTestId('message')).toHaveCount(19);
  await expect(app.page.getByTestId('message-kind').first()).toHaveText('Command');
  const thread = app.page.getByTestId('subagent-thread');
  await expect(thread).toHaveText('Subagent thread · 4 messages');
  await thread.locator('summary').click();
  await expect(thread.getByTestId('subagent-message')).toHaveCount(4);
  await app.page.getByTestId('copy-markdown').click();
  await expect(app.page.getByTestId('status')).toContainText('Copied');
  const copied = await app.page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await catalog.exportMarkdown(CLAUDE));
  await app.screenshot('sources-claude');

  // A ggcode session keeps its Delete.
  const own = (await catalog.list()).find((s) => s.source === undefined)!;
  await app.openSession(own.id);
  await expect(app.page.getByTestId('delete-session')).toHaveCount(1);
});

test('searches every source, and one with source:', async ({ app }) => {
  await app.open();
  await app.page.keyboard.press('Control+Shift+F');
  const input = app.page.getByTestId('search-input');
  await input.fill('list_users');
  const group = app.page.locator(`[data-testid="search-group"][data-session-id="${CODEX}"]`);
  await expect(group).toBeVisible(INDEXED);
  await expect(group.getByTestId('search-group-source')).toHaveText('Codex CLI');
  await input.fill('cookie source:claude');
  await expect(app.page.getByTestId('search-results')).toHaveAttribute(
    'data-query',
    'cookie source:claude',
    INDEXED,
  );
  const ids = await app.page
    .getByTestId('search-group')
    .evaluateAll((groups) => groups.map((g) => g.getAttribute('data-session-id')));
  expect(ids).toEqual([CLAUDE]);
  await app.page
    .locator(`[data-testid="search-group"][data-session-id="${CLAUDE}"] [data-testid="search-hit"]`)
    .first()
    .click();
  await expect(app.page.getByTestId('transcript-title')).toHaveText('Fix login redirect loop');
});

test('shows what Claude Code appends while it runs, a response written over two lines once', async ({
  app,
  home,
}) => {
  const file = join(home, CLAUDE_FILE);
  await writeFile(file, (await readFile(file, 'utf8')).replace(/\n[^\n]*$/, '\n')); // as if just written
  await app.open();
  await app.openSession(CLAUDE);
  await expect(app.page.getByTestId('transcript')).toHaveAttribute('data-following', 'true');
  const messages = app.page.getByTestId('message');
  await expect(messages).toHaveCount(19);
  const line = (uuid: string, text: string) =>
    JSON.stringify({
      type: 'assistant',
      isSidechain: false,
      message: {
        id: 'msg_live',
        role: 'assistant',
        model: 'claude-sonnet-4-5-20250929',
        content: [{ type: 'text', text }],
      },
      requestId: 'req_live',
      uuid,
      timestamp: '2025-10-14T10:00:00.000Z',
    }) + '\n';
  await appendFile(file, line('live-1', 'First half of the answer.'));
  await expect(messages).toHaveCount(20, LIVE);
  await expect(messages.nth(19)).toContainText('First half of the answer.');
  await appendFile(file, line('live-2', 'Second half.'));
  await expect(messages.nth(19)).toContainText('Second half.', LIVE);
  await expect(messages).toHaveCount(20);
  await expect(app.row(CLAUDE)).toContainText('20 messages', LIVE);
});
