// Every agent's sessions in the browser: a home folder holding ggcode's, Claude Code's and Codex
// CLI's fixtures where the agents keep them, served as `sessions serve` serves it. The list shows
// and filters sources, another agent's session opens without Delete and exports in ggcode's
// layout, search finds every source (and one with source:), and an agent appending is shown live.
import { appendFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { hashForSession } from '../../src/renderer/app/deep-link';
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

  await app.page.getByTestId('filter-sources').click();
  await app.page.locator('[data-testid="filter-sources-choice"][data-value="codex"]').click();
  await app.page.keyboard.press('Escape');
  await expect(rows(app.page)).toHaveCount(5);
  await expect(app.row(CODEX).getByTestId('session-row-source')).toHaveText('Codex CLI');
  await expect(app.page.getByTestId('session-count')).toHaveText(`5 of ${total} sessions`);
  await expect(app.page.getByTestId('active-filter')).toHaveText('SourceCodex CLI✕');
  await app.page.getByTestId('active-filter').click();
  await expect(app.page.getByTestId('session-count')).toHaveText(`${total} sessions`);
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
  // The pane draws the messages near the view only: the header counts them all.
  await expect(meta).toContainText('Messages19');
  await expect(app.page.getByTestId('message-kind').first()).toHaveText('Command');
  // The Task call (message 11) holds its subagent's thread, folded.
  await app.open(hashForSession(CLAUDE, 11));
  const thread = app.page.getByTestId('subagent-thread');
  await expect(thread).toHaveText('Subagent thread · 4 messages');
  await thread.locator('summary').click();
  await expect(thread.getByTestId('subagent-message')).toHaveCount(4);
  await app.page.getByTestId('copy-markdown').click();
  await expect(app.page.getByTestId('feedback-copy')).toContainText('Copied');
  const copied = await app.page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await catalog.exportMarkdown(CLAUDE));
  await app.screenshot('sources-claude');

  // A ggcode session keeps its Delete.
  const own = (await catalog.list()).find((s) => s.source === undefined)!;
  await app.openSession(own.id);
  await expect(app.page.getByTestId('delete-session')).toHaveCount(1);
});

test("copies the command that resumes another agent's session, and counts its cost as estimated", async ({
  app,
}) => {
  await app.open();
  await app.openSession(CLAUDE);
  const resume = app.page.getByTestId('copy-resume');
  const claudeCommand = "cd '/home/dev/webapp' && claude --resume 0b7c2a9e-5f7b-4c1e-9a57-2d1f3c4b5a61";
  await expect(resume).toBeEnabled();
  await expect(resume).toHaveAttribute('title', claudeCommand);
  await resume.click();
  await expect.poll(() => app.page.evaluate(() => navigator.clipboard.readText())).toBe(claudeCommand);
  await app.openSession(CODEX);
  await expect(app.page.getByTestId('copy-resume')).toHaveAttribute(
    'title',
    /codex resume 5973b6c0-94b8-487b-a530-2aeb6098ae0e$/,
  );

  // Usage comes from the index: Claude Code's and Codex's costs are estimated from their tokens.
  await app.page.getByTestId('usage-toggle').click();
  const view = app.page.getByTestId('usage-view');
  await view.getByTestId('usage-span').selectOption('all');
  const bySource = view.getByTestId('usage-by-source');
  for (const [key, label] of [
    ['claude', 'Claude Code'],
    ['codex', 'Codex CLI'],
  ]) {
    const row = bySource.locator(`[data-testid="usage-name-row"][data-key="${key}"]`);
    await expect(row).toContainText(label, INDEXED);
    await expect(row).toContainText(/tokens · \$[\d.]+ \(est\.\)$/);
  }
});

test('searches every source, and one with source:', async ({ app }) => {
  await app.open();
  await app.page.keyboard.press('Control+Shift+F');
  const input = app.page.getByTestId('session-filter');
  await input.fill('list_users');
  await input.press('Enter');
  const group = app.page.locator(`[data-testid="search-group"][data-session-id="${CODEX}"]`);
  await expect(group).toBeVisible(INDEXED);
  await expect(group.getByTestId('search-group-source')).toHaveText('Codex CLI');
  await input.fill('cookie source:claude');
  await input.press('Enter');
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
  // At the end of the transcript, a follower is kept there; the pane draws the messages near it.
  const message = (index: number) => app.page.locator(`[data-testid="message"][data-index="${index}"]`);
  const meta = app.page.getByTestId('transcript-meta');
  await expect(meta).toContainText('Messages19');
  const body = app.page.getByTestId('transcript-body');
  await expect
    .poll(async () => {
      await body.evaluate((el) => (el.scrollTop = el.scrollHeight));
      return message(18).count();
    })
    .toBe(1);
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
  await expect(message(19)).toContainText('First half of the answer.', LIVE);
  await expect(meta).toContainText('Messages20');
  await appendFile(file, line('live-2', 'Second half.'));
  await expect(message(19)).toContainText('Second half.', LIVE);
  await expect(message(19)).toContainText('First half of the answer.');
  await expect(message(20)).toHaveCount(0);
  await expect(meta).toContainText('Messages20');
  await expect(app.row(CLAUDE)).toContainText('20 messages', LIVE);
});
