// Copy and Save give exactly the CLI's export.
import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from '../support/app';
import { FIXTURE_IDS } from '../support/corpus';
import { addToIndex, generatedId, writeSession } from '../support/sessions';
import { secretCases } from '../../test/support/secret-corpus';

for (const id of [FIXTURE_IDS.tools, FIXTURE_IDS.plain, FIXTURE_IDS.hostile]) {
  test(`copy Markdown equals the export of ${id}`, async ({ app, store }) => {
    await app.open();
    await app.openSession(id);
    await app.page.getByTestId('copy-markdown').click();
    await expect(app.page.getByTestId('feedback-copy')).toContainText('Copied');
    const copied = await app.page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await store.exportMarkdown(id));
  });
}

test('save downloads the export under the title, on the cookie alone', async ({ app, server, store }) => {
  const id = FIXTURE_IDS.tools;
  const session = await store.load(id);
  await app.open();
  await app.openSession(id);
  await app.page.getByTestId('save-markdown').click();
  await app.page.getByTestId('export-format-md').check();
  await app.page.getByTestId('export-redact').uncheck();
  const [download] = await Promise.all([
    app.page.waitForEvent('download'),
    app.page.getByTestId('export-confirm').click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${session.title}.md`);
  expect(download.url()).toBe(`http://127.0.0.1:${server.port}/export/${id}.md`);
  expect(await readFile(await download.path(), 'utf8')).toBe(await store.exportMarkdown(id));
});

test('the drag handle offers the export as a file download, without the token', async ({
  app,
  server,
  store,
}) => {
  const id = FIXTURE_IDS.tools;
  await app.open();
  await app.openSession(id);
  const handle = app.page.getByTestId('drag-handle');
  await expect(handle).toHaveAttribute('draggable', 'true');
  const transfer = await handle.evaluate((el) => {
    const transfer = new DataTransfer();
    el.dispatchEvent(new DragEvent('dragstart', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    return Object.fromEntries(transfer.types.map((type) => [type, transfer.getData(type)]));
  });
  // DataTransfer lowercases the types it lists.
  const [mime, name, ...rest] = (transfer['downloadurl'] ?? '').split(':');
  expect(mime).toBe('text/markdown');
  expect(name).toBe('Tool heavy alpha.md');
  const url = new URL(rest.join(':'));
  expect(url.origin).toBe(`http://127.0.0.1:${server.port}`);
  expect(url.pathname).toBe(`/export/${id}.md`);
  // The token goes in none of the drag data: a dropped link must not carry the key along.
  expect(Object.keys(transfer).sort()).toEqual(['downloadurl', 'text/plain', 'text/uri-list']);
  for (const [type, value] of Object.entries(transfer)) expect(value, type).not.toContain(server.token);
  // The page's cookie is what lets the browser fetch it.
  const fetched = await app.page.evaluate(async (href) => {
    const response = await fetch(href);
    return { status: response.status, text: await response.text() };
  }, url.href);
  expect(fetched).toEqual({ status: 200, text: await store.exportMarkdown(id) });
});

test('Save offers the format and redaction, previews what will be replaced, and downloads it redacted', async ({
  app,
  corpus,
  server,
}) => {
  const cases = secretCases('/home/dev');
  const token = cases.find((c) => c.kind === 'github-token')!.secret;
  const key = cases.find((c) => c.kind === 'anthropic-api-key')!.secret;
  const id = generatedId(4242);
  const entry = await writeSession(corpus, {
    id,
    title: 'Deploy with keys',
    messages: 2,
    text: (i) => (i === 0 ? `push with ${token}` : `ANTHROPIC_KEY: ${key}, mail ops@example.org`),
  });
  await addToIndex(corpus, [entry]);
  await app.open();
  await app.openSession(id);
  const page = app.page;
  await page.getByTestId('save-markdown').click();
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('export-format-html').check();
  const findings = dialog.getByTestId('export-finding');
  await expect(findings).toHaveCount(3);
  await expect(findings.nth(0)).toContainText('github-token');
  await expect(findings.nth(0)).toContainText('message 1 text');
  await expect(dialog).not.toContainText(token);
  await dialog.getByTestId('export-redact-emails').uncheck();
  await expect(findings).toHaveCount(2);
  await app.screenshot('export-dialog');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByTestId('export-confirm').click(),
  ]);
  expect(download.suggestedFilename()).toBe('Deploy with keys.html');
  expect(download.url()).toBe(`http://127.0.0.1:${server.port}/export/${id}.html?redact=1&home=1`);
  const html = await readFile(await download.path(), 'utf8');
  expect(html).not.toContain(token);
  expect(html).not.toContain(key);
  expect(html).toContain('[REDACTED:github-token]');
  expect(html).toContain('[REDACTED:anthropic-api-key]');
  expect(html).toContain('ops@example.org');
});

test('Ctrl+click picks sessions, exported as one zip; resume is offered only where the agent has one', async ({
  app,
  server,
  store,
}) => {
  await app.open();
  const page = app.page;
  await app.row(FIXTURE_IDS.tools).click({ modifiers: ['ControlOrMeta'] });
  await app.row(FIXTURE_IDS.plain).click({ modifiers: ['ControlOrMeta'] });
  await expect(page.getByTestId('picked-count')).toHaveText('2 sessions picked');
  await expect(app.row(FIXTURE_IDS.tools)).toHaveAttribute('data-picked', 'true');
  await page.getByTestId('export-picked').click();
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog).toContainText('Export 2 sessions as one zip');
  await dialog.getByTestId('export-redact').uncheck();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByTestId('export-confirm').click(),
  ]);
  expect(download.suggestedFilename()).toBe('sessions-2.zip');
  expect(download.url()).toBe(
    `http://127.0.0.1:${server.port}/export-zip?ids=${FIXTURE_IDS.tools}%2C${FIXTURE_IDS.plain}&format=md`,
  );
  const files = unzipSync(new Uint8Array(await readFile(await download.path())));
  expect(strFromU8(files['Tool heavy alpha.md']!)).toBe(await store.exportMarkdown(FIXTURE_IDS.tools));
  await expect(page.getByTestId('picked-bar')).toHaveCount(0);

  // A plain click still opens a session; ggcode has no resume command, so the button says so.
  await app.openSession(FIXTURE_IDS.tools);
  const resume = page.getByTestId('copy-resume');
  await expect(resume).toBeDisabled();
  await expect(resume).toHaveAttribute('title', 'ggcode sessions have no resume command');
});
