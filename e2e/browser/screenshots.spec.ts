// Screenshots of the main views for a person to look at (e2e/screenshots/, gitignored): the list
// with a transcript open, and search results with a hit open, at 1440x900, 1024x700 and 800x600,
// in light and dark. Each view is also checked to have no overlapping text.
import { AnnotationStore } from '../../src/core/app-data/annotation-store';
import { expect, test } from '../support/app';
import { FIXTURE_IDS } from '../support/corpus';
import { checkLayout } from '../support/layout';

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 },
  { width: 800, height: 600 },
];
const INDEXED = { timeout: 30_000 };

for (const scheme of ['light', 'dark'] as const) {
  for (const size of SIZES) {
    test(`main views at ${size.width}x${size.height}, ${scheme}`, async ({ app, dataDir }) => {
      const notes = new AnnotationStore(dataDir);
      await notes.update(FIXTURE_IDS.tools, { starred: true, tags: ['tools', 'review'] });
      await notes.update(FIXTURE_IDS.plain, { tags: ['parser'], note: 'Compare with the Go version.' });
      const page = app.page;
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize(size);
      const name = `${size.width}x${size.height}-${scheme}`;

      await app.open(`#session=${FIXTURE_IDS.tools}`);
      await expect(page.getByTestId('message').first()).toBeVisible();
      await expect(page.getByTestId('transcript-title-name')).toHaveText('Tool heavy alpha');
      expect((await checkLayout(page)).overlaps, name).toEqual([]);
      await app.screenshot(`main-${name}`);

      await page.getByTestId('session-filter').fill('alpha');
      await page.getByTestId('session-filter').press('Enter');
      await expect(page.getByTestId('search-group').first()).toBeVisible(INDEXED);
      await page.getByTestId('search-hit').first().click();
      await expect(page.getByTestId('hit-position')).toBeVisible();
      expect((await checkLayout(page)).overlaps, name).toEqual([]);
      await app.screenshot(`search-${name}`);
    });
  }
}
