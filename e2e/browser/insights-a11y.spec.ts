// Accessibility of the Usage view and the export dialog, in both themes: axe-core finds no
// serious or critical violation (contrast AA included).
import { seriousViolations } from '../support/axe';
import { expect, test } from '../support/app';
import { FIXTURE_IDS } from '../support/corpus';

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the Usage view and the export dialog pass axe in ${colorScheme}`, async ({ app }) => {
    await app.page.emulateMedia({ colorScheme });
    await app.open();
    await app.page.getByTestId('usage-toggle').click();
    await app.page.getByTestId('usage-span').selectOption('all');
    await expect(app.page.getByTestId('usage-total-tokens')).toHaveText('22,173');
    expect(await seriousViolations(app.page)).toEqual([]);
    await app.openSession(FIXTURE_IDS.tools);
    await app.page.getByTestId('save-markdown').click();
    await expect(app.page.getByTestId('export-preview')).toBeVisible();
    expect(await seriousViolations(app.page)).toEqual([]);
  });
}
