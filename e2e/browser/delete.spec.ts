// Delete asks first, moves the file to the app's trash (and drops its index entry), Undo puts both
// back exactly, and a session a running agent holds is refused.
import { access, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '../support/app';
import { FIXTURE_IDS } from '../support/corpus';

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

test('cancel keeps the session; confirm deletes its file and its row', async ({ app, corpus }) => {
  const id = FIXTURE_IDS.plain;
  const file = join(corpus, `${id}.jsonl`);
  await app.open();
  await app.openSession(id);
  const page = app.page;

  await page.getByTestId('delete-session').click();
  await page.getByTestId('cancel-delete').click();
  await expect(page.getByTestId('confirm-delete')).toHaveCount(0);
  expect(await exists(file)).toBe(true);

  await page.getByTestId('delete-session').click();
  await page.getByTestId('confirm-delete').click();
  await expect(app.row(id)).toHaveCount(0);
  expect(await exists(file)).toBe(false);
  await expect(page.getByTestId('session-count')).toHaveText('8 sessions');
});

test('Undo puts the file and its index entry back exactly, from the trash in the data folder', async ({
  app,
  corpus,
  dataDir,
}) => {
  const id = FIXTURE_IDS.plain;
  const file = join(corpus, `${id}.jsonl`);
  const bytes = await readFile(file);
  const index = await readFile(join(corpus, 'index.json'), 'utf8');
  const { mtimeMs } = await stat(file);
  await app.open();
  await app.openSession(id);
  const page = app.page;
  await page.getByTestId('transcript-body').focus();
  await page.keyboard.press('Delete');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('confirm-delete')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(app.row(id)).toHaveCount(0);
  expect(await exists(file)).toBe(false);
  expect(
    JSON.parse(await readFile(join(corpus, 'index.json'), 'utf8')).map((e: { id: string }) => e.id),
  ).not.toContain(id);
  expect(await readdir(join(dataDir, 'trash'))).toHaveLength(1);

  // Deleted – Undo, with Undo focused: Enter takes it back.
  await expect(page.getByTestId('undo-bar')).toContainText('Deleted “Refactor the alpha parser”');
  await expect(page.getByTestId('undo-delete')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(app.row(id)).toBeVisible();
  await expect(page.getByTestId('transcript-title-name')).toHaveText('Refactor the alpha parser');
  await expect(page.getByTestId('undo-bar')).toContainText('Put back “Refactor the alpha parser”');
  expect(await readFile(file)).toEqual(bytes);
  expect((await stat(file)).mtimeMs).toBe(mtimeMs);
  expect(await readFile(join(corpus, 'index.json'), 'utf8')).toBe(index);
  expect(await readdir(join(dataDir, 'trash'))).toEqual([]);
});

test('refuses to delete a session whose lock names a live process', async ({ app, corpus }) => {
  const id = FIXTURE_IDS.plain;
  await writeFile(join(corpus, `${id}.lock`), String(process.pid));
  await app.open();
  await app.openSession(id);
  await app.page.getByTestId('delete-session').click();
  await app.page.getByTestId('confirm-delete').click();
  await expect(app.page.getByTestId('status')).toContainText('in use');
  expect(await exists(join(corpus, `${id}.jsonl`))).toBe(true);
  await expect(app.row(id)).toBeVisible();
});
