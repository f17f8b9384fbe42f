// Names from a hostile session (title, model, vendor, folder) are shown isolated, with their bidi
// controls and zero-width characters visible, and stay inside their boxes: in the list, the
// header, the chips, search results, the status line and the downloaded file's name.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../support/app';
import { addToIndex, generatedId, writeSession } from '../support/sessions';
import { exportFileName } from '../../src/shared/export-file-name';

const ID = generatedId(0xb1d1, '20990101');
const TITLE = 'Normal \u202Egnp.exe';
/** An unterminated right-to-left embedding, which would carry on into what follows it. */
const VENDOR = 'ven\u202bdor';
const MODEL = 'gpt\u200b-5\u202b';
const ENDPOINT = 'east';
const WORKSPACE = `/${'w'.repeat(299)}`;
const INDEXED = { timeout: 30_000 };

/** Whether `locator`'s element is a bidi isolate: a <bdi> or computed `unicode-bidi: isolate`. */
const isolated = (locator: Locator) =>
  locator.evaluate(
    (el) =>
      el.tagName === 'BDI' || ['isolate', 'isolate-override'].includes(getComputedStyle(el).unicodeBidi),
  );

const box = async (locator: Locator) => {
  const found = await locator.boundingBox();
  expect(found).not.toBeNull();
  return found!;
};

/** Asserts `inner` lies within the horizontal extent of `outer`. */
async function expectInsideHorizontally(inner: Locator, outer: Locator) {
  const a = await box(inner);
  const b = await box(outer);
  expect(a.x).toBeGreaterThanOrEqual(b.x - 0.5);
  expect(a.x + a.width).toBeLessThanOrEqual(b.x + b.width + 0.5);
}

async function writeHostileNames(corpus: string) {
  const entry = await writeSession(corpus, {
    id: ID,
    title: TITLE,
    messages: 2,
    text: (i) => (i === 0 ? 'zebrafinch habits' : 'they sing'),
    createdAt: '2099-01-01T00:00:00Z',
    names: { vendor: VENDOR, model: MODEL, endpoint: ENDPOINT, workspace: WORKSPACE },
  });
  await addToIndex(corpus, [entry]);
}

/** The list and transcript panes, which nothing from one may overlap onto the other. */
const panes = (page: Page) => ({ list: page.getByTestId('list-pane'), main: page.getByTestId('main-pane') });

test.use({ viewport: { width: 1024, height: 700 } });

test('names in the list are isolated, show hidden characters and stay in the sidebar', async ({
  app,
  corpus,
}) => {
  await writeHostileNames(corpus);
  await app.open();
  const page = app.page;
  const row = app.row(ID);
  const title = row.getByTestId('session-row-title');
  await expect(title).toHaveText('Normal ⟨U+202E⟩gnp.exe');
  expect(await title.evaluate((el) => (el as HTMLElement).innerText)).toBe('Normal ⟨U+202E⟩gnp.exe');
  expect(await isolated(title)).toBe(true);
  await expect(title).toHaveAttribute('title', 'Normal ⟨U+202E⟩gnp.exe');

  const details = row.locator('.row-details');
  await expect(details).toContainText('gpt⟨U+200B⟩-5⟨U+202B⟩');
  await expect(details).toContainText('ven⟨U+202B⟩dor');
  for (const name of await details.locator('bdi').all()) expect(await isolated(name)).toBe(true);

  const { list, main } = panes(page);
  const workspace = row.getByTestId('session-row-workspace');
  await expect(workspace).toBeVisible();
  await expectInsideHorizontally(workspace, list);
  await expectInsideHorizontally(workspace, row);
  expect((await box(workspace)).x + (await box(workspace)).width).toBeLessThanOrEqual((await box(main)).x);
  // The row keeps its count beside the names, not pushed out of the pane.
  await expectInsideHorizontally(row.locator('.row-count'), list);

  // The menu choices and chips of the hostile vendor and model are cut inside the sidebar too.
  for (const [menu, value] of [
    ['filter-vendors', VENDOR],
    ['filter-models', MODEL],
  ] as const) {
    await page.getByTestId(menu).click();
    const choice = page.locator(`[data-testid="${menu}-choice"][data-value="${value}"]`);
    await expect(choice).toContainText('⟨U+202B⟩');
    await expectInsideHorizontally(choice, list);
    await choice.click();
    await page.keyboard.press('Escape');
    const chip = page.locator(`[data-testid="active-filter"][data-value="${value}"]`);
    await expect(chip).toContainText('⟨U+202B⟩');
    await expectInsideHorizontally(chip, list);
  }
  await app.screenshot('names-list');
});

test('the header isolates each name and wraps a long folder inside the transcript pane', async ({
  app,
  corpus,
}) => {
  await writeHostileNames(corpus);
  await app.open();
  await app.openSession(ID);
  const page = app.page;
  const title = page.getByTestId('transcript-title-name');
  await expect(title).toHaveText('Normal ⟨U+202E⟩gnp.exe');
  expect(await isolated(title)).toBe(true);

  const meta = page.getByTestId('transcript-meta');
  await expect(meta).toContainText('ven⟨U+202B⟩dor / east');
  const names = meta.getByTestId('fact-name');
  const shown = await names.allTextContents();
  expect(shown).toEqual(['gpt⟨U+200B⟩-5⟨U+202B⟩', 'ven⟨U+202B⟩dor', 'east', WORKSPACE]);
  for (const name of await names.all()) expect(await isolated(name)).toBe(true);
  // The embedding left open in the vendor does not carry "/ east" before it.
  const vendor = await box(names.nth(1));
  const endpoint = await box(names.nth(2));
  expect(endpoint.x).toBeGreaterThan(vendor.x);

  const folder = names.nth(3);
  await expectInsideHorizontally(folder, page.getByTestId('transcript-header'));
  await expectInsideHorizontally(folder, panes(page).main);
  expect((await box(folder)).height).toBeGreaterThan(40);
  await app.screenshot('names-header');
});

test('search results isolate the title, and the download is named by the shared rule', async ({
  app,
  corpus,
}) => {
  await writeHostileNames(corpus);
  await app.open();
  const page = app.page;
  await page.getByTestId('session-filter').fill('zebrafinch ');
  await page.keyboard.press('Enter');
  const group = page.locator(`[data-testid="search-group"][data-session-id="${ID}"]`);
  await expect(group).toHaveCount(1, INDEXED);
  const title = group.getByTestId('search-group-title');
  await expect(title).toHaveText('Normal ⟨U+202E⟩gnp.exe');
  expect(await isolated(title)).toBe(true);
  await expect(group).toContainText('ven⟨U+202B⟩dor');
  await expectInsideHorizontally(group, panes(page).list);

  await group.getByTestId('search-hit').first().click();
  await expect(page.getByTestId('transcript-title-name')).toHaveText('Normal ⟨U+202E⟩gnp.exe');
  await page.getByTestId('save-markdown').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-confirm').click(),
  ]);
  expect(download.suggestedFilename()).toBe('Normal gnp.exe.md');
  expect(download.suggestedFilename()).toBe(exportFileName(TITLE, ID));
  await expect(page.getByTestId('feedback-save')).toHaveText('Downloading Normal gnp.exe.md');
});

test('the status line quotes a deleted title isolated, its override shown', async ({ app, corpus }) => {
  await writeHostileNames(corpus);
  await app.open();
  await app.openSession(ID);
  const page = app.page;
  await page.getByTestId('delete-session').click();
  await expect(page.getByRole('alertdialog')).toContainText('“Normal ⟨U+202E⟩gnp.exe” will be moved');
  await page.getByTestId('confirm-delete').click();
  const name = page.getByTestId('status-name');
  await expect(page.getByTestId('undo-bar')).toContainText('Deleted “Normal ⟨U+202E⟩gnp.exe”');
  expect(await isolated(name)).toBe(true);
});
