// Delete asks first, removes the file, and refuses a session a running agent holds.
import { access, writeFile } from 'node:fs/promises';
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
