// Copy and Save give exactly the CLI's export.
import { readFile } from 'node:fs/promises';
import { expect, test } from '../support/app';
import { FIXTURE_IDS } from '../support/corpus';

for (const id of [FIXTURE_IDS.tools, FIXTURE_IDS.plain, FIXTURE_IDS.hostile]) {
  test(`copy Markdown equals the export of ${id}`, async ({ app, store }) => {
    await app.open();
    await app.openSession(id);
    await app.page.getByTestId('copy-markdown').click();
    await expect(app.page.getByTestId('status')).toContainText('Copied');
    const copied = await app.page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await store.exportMarkdown(id));
  });
}

test('save downloads the export under the title', async ({ app, store }) => {
  const id = FIXTURE_IDS.tools;
  const session = await store.load(id);
  await app.open();
  await app.openSession(id);
  const [download] = await Promise.all([
    app.page.waitForEvent('download'),
    app.page.getByTestId('save-markdown').click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${session.title}.md`);
  expect(await readFile(await download.path(), 'utf8')).toBe(await store.exportMarkdown(id));
});

test('the drag handle offers the export as a file download', async ({ app, server }) => {
  const id = FIXTURE_IDS.tools;
  await app.open();
  await app.openSession(id);
  const handle = app.page.getByTestId('drag-handle');
  await expect(handle).toHaveAttribute('draggable', 'true');
  const data = await handle.evaluate((el) => {
    const transfer = new DataTransfer();
    el.dispatchEvent(new DragEvent('dragstart', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    return transfer.getData('DownloadURL');
  });
  const [mime, name, ...rest] = data.split(':');
  expect(mime).toBe('text/markdown');
  expect(name).toBe('Tool heavy alpha.md');
  const url = new URL(rest.join(':'));
  expect(url.origin).toBe(`http://127.0.0.1:${server.port}`);
  expect(url.pathname).toBe(`/export/${id}.md`);
});
