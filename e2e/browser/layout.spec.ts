// The layout at the sizes people use, from 640x480 up: no text painted over other text or out of
// its pane, no sideways scrolling, a long title clamped in the header (never taking the pane) and
// wrapped to two lines in the list, a resizable sidebar that is remembered, and a drawer when narrow.
import { expect, test } from '../support/app';
import { checkLayout } from '../support/layout';
import { addToIndex, generatedId, writeSession } from '../support/sessions';

const ID = generatedId(0x1a40, '20990102');
const LONG_TITLE =
  'Refactor the config loader to read layered settings from the workspace, the user folder and ' +
  'the environment, keeping every override traceable, and then make the migration script idempotent ' +
  'across restarts without a single AVeryLongIdentifierWithoutAnyBreakOpportunityAtAllInsideItsWholeLength';
const SIZES = [
  { width: 640, height: 480 },
  { width: 800, height: 600 },
  { width: 1024, height: 700 },
  { width: 1440, height: 900 },
];

async function writeLongSession(corpus: string) {
  const entry = await writeSession(corpus, {
    id: ID,
    title: LONG_TITLE,
    messages: 6,
    createdAt: '2099-01-02T00:00:00Z',
    names: {
      model: 'claude-sonnet-4-5-20250929-with-an-unusually-long-model-name',
      workspace: '/home/someone/projects/a-rather-long-project-folder-name/packages/config-loader',
    },
  });
  await addToIndex(corpus, [entry]);
}

const expectClean = async (page: Parameters<typeof checkLayout>[0], where: string) => {
  const report = await checkLayout(page);
  expect(report.overlaps, `${where}: overlapping text`).toEqual([]);
  expect(report.outside, `${where}: text outside its pane`).toEqual([]);
  expect(report.scrollX, `${where}: sideways scrolling`).toBeLessThanOrEqual(0);
};

for (const size of SIZES) {
  test(`nothing overlaps at ${size.width}x${size.height}`, async ({ app, corpus }) => {
    await writeLongSession(corpus);
    const page = app.page;
    await page.setViewportSize(size);
    await app.open(`#session=${ID}`);
    await expect(page.getByTestId('transcript-title-name')).toHaveText(LONG_TITLE);
    await expect(page.getByTestId('message').first()).toBeVisible();
    await expectClean(page, 'session open');
    await app.screenshot(`layout-${size.width}x${size.height}`);

    // The clamped header leaves the transcript most of the pane, and expands on request.
    const main = (await page.getByTestId('main-pane').boundingBox())!;
    const body = (await page.getByTestId('transcript-body').boundingBox())!;
    expect(body.height).toBeGreaterThan(main.height * 0.45);
    const title = page.getByTestId('transcript-title');
    const clampedHeight = (await title.boundingBox())!.height;
    await page.getByTestId('header-expand').click();
    expect((await title.boundingBox())!.height).toBeGreaterThan(clampedHeight);
    expect((await page.getByTestId('transcript-body').boundingBox())!.height).toBeGreaterThan(
      main.height * 0.4,
    );
    await expectClean(page, 'header expanded');
    await page.getByTestId('header-expand').click();

    const narrow = size.width < 760;
    if (narrow) {
      // The list is a drawer: hidden behind a toggle, over the transcript when open.
      await expect(page.getByTestId('list-pane')).toBeHidden();
      await page.getByTestId('drawer-toggle').click();
      await expect(page.getByTestId('list-pane')).toBeVisible();
      await expect(page.getByTestId('session-filter')).toBeFocused();
    }
    // Nothing chosen: the filter menus take one row.
    const bar = (await page.locator('.filter-bar').boundingBox())!;
    const menu = (await page.getByTestId('filter-vendors').boundingBox())!;
    expect(bar.height).toBeLessThan(menu.height * 1.5);
    const row = app.row(ID);
    await expect(row).toBeVisible();
    // The list's title takes two lines, not one cut at 25 characters, and not three.
    const rowTitle = row.getByTestId('session-row-title');
    const lineHeight = await rowTitle.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
    const titleBox = (await rowTitle.boundingBox())!;
    expect(titleBox.height).toBeGreaterThan(1.5 * lineHeight);
    expect(titleBox.height).toBeLessThan(2.5 * lineHeight);
    await expectClean(page, narrow ? 'drawer open' : 'list');
    if (narrow) {
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('list-pane')).toBeHidden();
      await expect(page.getByTestId('drawer-toggle')).toBeFocused();
    }
  });
}

test('the sidebar resizes by dragging and by keys, and keeps its width after a reload', async ({ app }) => {
  const page = app.page;
  await page.setViewportSize({ width: 1440, height: 900 });
  await app.open();
  const list = page.getByTestId('list-pane');
  const before = (await list.boundingBox())!.width;
  const handle = page.getByTestId('sidebar-resizer');
  const grip = (await handle.boundingBox())!;
  await page.mouse.move(grip.x + grip.width / 2, grip.y + 200);
  await page.mouse.down();
  await page.mouse.move(grip.x + grip.width / 2 + 120, grip.y + 200, { steps: 4 });
  await page.mouse.up();
  const dragged = (await list.boundingBox())!.width;
  expect(dragged).toBeGreaterThan(before + 100);
  expect(dragged).toBeLessThan(before + 140);

  await handle.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(handle).toHaveAttribute('aria-valuenow', String(Math.round(dragged) - 16));
  await page.reload();
  await expect(page.getByTestId('session-list')).toBeVisible();
  expect(Math.round((await list.boundingBox())!.width)).toBe(Math.round(dragged) - 16);
});
