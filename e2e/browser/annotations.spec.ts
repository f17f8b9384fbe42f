// Stars, tags, notes and display names: given in the app, kept in the app's data folder (the
// sessions folder and ggcode's files untouched), filtered by, shared with the CLI, and the
// sessions opened recently listed as a group.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '../support/app';
import { runCli } from '../support/cli';
import { FIXTURE_IDS } from '../support/corpus';

/** Every file of a folder with a hash of its bytes, to see that nothing in it changed. */
async function fingerprint(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) {
    out[name] = createHash('sha256')
      .update(await readFile(join(dir, name)))
      .digest('hex');
  }
  return out;
}

test('star, name, tag and note a session; filter by them; the CLI sees them; the sessions folder is untouched', async ({
  app,
  corpus,
  dataDir,
}) => {
  const before = await fingerprint(corpus);
  await app.open();
  const page = app.page;
  const id = FIXTURE_IDS.tools;
  await app.openSession(id);
  await page.getByTestId('transcript-body').focus();

  // s stars, and says so beside the star.
  await page.keyboard.press('s');
  await expect(page.getByTestId('star-toggle')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('feedback-star')).toHaveText('Starred');
  await expect(app.row(id).getByTestId('row-star')).toBeVisible();

  // r opens the name, tags and note; Enter saves.
  await page.keyboard.press('r');
  const dialog = page.getByTestId('notes-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('notes-name')).toBeFocused();
  await page.getByTestId('notes-name').fill('Tool run, renamed');
  await page.getByTestId('notes-tags').fill('ui, Bug, ui');
  await page.getByTestId('notes-note').fill('Check the exit code.\nThen the retry.');
  await page.getByTestId('notes-name').press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('feedback-notes')).toHaveText('Saved');
  await expect(page.getByTestId('transcript-title-name')).toHaveText('Tool run, renamed');
  await expect(page.getByTestId('header-tag')).toHaveText(['ui', 'Bug']);
  await expect(page.getByTestId('header-note')).toContainText('Check the exit code.');
  await expect(app.row(id).getByTestId('session-row-title')).toHaveText('Tool run, renamed');
  await expect(app.row(id).getByTestId('row-tags')).toHaveText('ui+1');
  await expect(app.row(id).getByTestId('row-tags')).toHaveAttribute('title', 'ui, Bug');

  // The box finds it by its new name and its tags; the menus filter by star and tag.
  const rows = page.getByTestId('session-row');
  const total = await rows.count();
  await page.getByTestId('session-filter').fill('renamed');
  await expect(rows).toHaveCount(1);
  await page.getByTestId('session-filter').fill('');
  const starredChoice = page.locator('[data-testid="filter-tags-choice"]').first();
  await page.getByTestId('filter-tags').click();
  await expect(starredChoice).toHaveText('★ Starred1');
  await starredChoice.click();
  await page.keyboard.press('Escape');
  await expect(rows).toHaveCount(1);
  await page.locator('[data-testid="active-filter"][data-value="starred"]').click();
  await expect(rows).toHaveCount(total);
  await page.getByTestId('filter-tags').click();
  await page
    .locator(
      '[data-testid="filter-tags-choice"][data-value="bug"], [data-testid="filter-tags-choice"][data-value="Bug"]',
    )
    .click();
  await page.keyboard.press('Escape');
  await expect(rows).toHaveCount(1);
  await page.locator('[data-testid="active-filter"][data-value="Bug"]').click();

  // The CLI reads the same data folder.
  const listed = JSON.parse(
    await runCli(['--dir', corpus, 'list', '--starred', '--tag', 'bug', '--json'], {
      TRANSCRIPTS_DATA_DIR: dataDir,
    }),
  ) as { id: string; name?: string; note?: string }[];
  expect(listed.map((r) => [r.id, r.name])).toEqual([[id, 'Tool run, renamed']]);
  expect(listed[0]!.note).toBe('Check the exit code.\nThen the retry.');

  // It lasts: a reload shows it again, and the Recent group lists what was opened.
  await page.reload();
  await expect(app.row(id).getByTestId('session-row-title')).toHaveText('Tool run, renamed');
  await expect(page.getByTestId('recent-item')).toHaveCount(1);
  await expect(page.getByTestId('recent-item').first()).toHaveAttribute('data-session-id', id);
  await app.openSession(FIXTURE_IDS.plain);
  await expect(page.getByTestId('recent-item')).toHaveCount(2);
  await expect(page.getByTestId('recent-item').first()).toHaveAttribute('data-session-id', FIXTURE_IDS.plain);
  await page.getByTestId('recent-item').nth(1).click();
  await expect(page.getByTestId('transcript-title-name')).toHaveText('Tool run, renamed');
  await page.getByTestId('recent-toggle').click();
  await expect(page.getByTestId('recent-item')).toHaveCount(0);
  await app.screenshot('annotations');

  expect(await fingerprint(corpus)).toEqual(before);
  expect(await readdir(dataDir)).toContain('annotations.json');
});
