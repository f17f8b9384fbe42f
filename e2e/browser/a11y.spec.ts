// Accessibility of the main views, in both themes: axe-core finds no serious or critical
// violation (contrast AA included) with the list, a transcript, search results, the filter menus,
// each dialog and the narrow window's drawer.
import type { Page } from '@playwright/test';
import { expect, test } from '../support/app';
import { seriousViolations } from '../support/axe';
import { FIXTURE_IDS } from '../support/corpus';

const INDEXED = { timeout: 30_000 };

async function expectClean(page: Page, view: string) {
  expect(await seriousViolations(page), view).toEqual([]);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`the main views have no serious accessibility violation (${scheme})`, async ({ app }) => {
    const page = app.page;
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1280, height: 800 });
    await app.open();
    await expect(page.getByTestId('session-row').first()).toBeVisible();
    await expectClean(page, 'list');

    await app.openSession(FIXTURE_IDS.tools);
    await expect(page.getByTestId('message').first()).toBeVisible();
    await expectClean(page, 'transcript');

    await page.getByTestId('filter-vendors').click();
    await expectClean(page, 'filter menu');
    await page.keyboard.press('Escape');

    await page.getByTestId('session-filter').fill('alpha');
    await expectClean(page, 'filtered list with the search offer');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('search-group').first()).toBeVisible(INDEXED);
    await page.getByTestId('search-hit').first().click();
    await expect(page.getByTestId('hit-position')).toBeVisible();
    await expectClean(page, 'search results and a hit');
    await page.getByTestId('search-back').click();

    await page.getByTestId('transcript-body').focus();
    await page.keyboard.press('?');
    await expect(page.getByTestId('shortcuts')).toBeVisible();
    await expectClean(page, 'shortcuts');
    await page.keyboard.press('Escape');

    await page.keyboard.press('r');
    await expect(page.getByTestId('notes-dialog')).toBeVisible();
    await expectClean(page, 'name, tags and note');
    await page.keyboard.press('Escape');

    await page.keyboard.press('Delete');
    await expect(page.getByTestId('delete-dialog')).toBeVisible();
    await expectClean(page, 'delete dialog');
    await page.keyboard.press('Escape');

    await page.setViewportSize({ width: 700, height: 600 });
    await page.getByTestId('drawer-toggle').click();
    await expect(page.getByTestId('list-pane')).toBeVisible();
    await expectClean(page, 'drawer');
  });
}
