// The dark theme follows the system colour scheme.
import { expect, test } from '../support/app';
import { FIXTURE_IDS } from '../support/corpus';

// The colour actually painted behind an element: the first non-transparent background up the tree.
const paintedBackground = (testId: string) => `(() => {
  let el = document.querySelector('[data-testid="${testId}"]');
  while (el) {
    const color = getComputedStyle(el).backgroundColor;
    if (color !== 'rgba(0, 0, 0, 0)' && color !== 'transparent') return color;
    el = el.parentElement;
  }
  return getComputedStyle(document.documentElement).backgroundColor;
})()`;

// Relative luminance of an "rgb(r, g, b)" colour, 0 (black) to 1 (white).
function luminance(color: string): number {
  const [r, g, b] = (color.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
  return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
}

test('dark colour scheme gives dark backgrounds and light text', async ({ app }) => {
  const page = app.page;
  await page.emulateMedia({ colorScheme: 'light' });
  await app.open();
  await app.openSession(FIXTURE_IDS.tools);
  const lightList = (await page.evaluate(paintedBackground('session-list'))) as string;
  const lightTranscript = (await page.evaluate(paintedBackground('transcript-body'))) as string;

  await page.emulateMedia({ colorScheme: 'dark' });
  const darkList = (await page.evaluate(paintedBackground('session-list'))) as string;
  const darkTranscript = (await page.evaluate(paintedBackground('transcript-body'))) as string;
  expect(luminance(lightList)).toBeGreaterThan(0.6);
  expect(luminance(lightTranscript)).toBeGreaterThan(0.6);
  expect(luminance(darkList)).toBeLessThan(0.3);
  expect(luminance(darkTranscript)).toBeLessThan(0.3);
  const text = await page.getByTestId('transcript-body').evaluate((el) => getComputedStyle(el).color);
  expect(luminance(text)).toBeGreaterThan(0.6);
  await app.screenshot('dark');
});
