// The whole path with the keyboard only: reach the box, filter, open, read, copy, search every
// session, walk the hits, go back and forward, see the shortcuts, find, and meet a dialog that
// keeps focus. After every step focus is somewhere useful, never on the page body.
import type { Page } from '@playwright/test';
import { expect, test } from '../support/app';
import { FIXTURE_IDS } from '../support/corpus';
import { addToIndex, generatedId, writeSession } from '../support/sessions';

const WINDY = generatedId(0x7e01, '20250501');
const INDEXED = { timeout: 30_000 };

/** What has focus: its test id, or its tag when it has none. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el?.getAttribute('data-testid') ?? el?.tagName.toLowerCase() ?? 'none';
  });

/** Asserts focus is on `testId` (and so, not on the body). */
async function expectFocus(page: Page, testId: string) {
  await expect.poll(() => focused(page)).toBe(testId);
}

test('the whole path works with the keyboard only', async ({ app, corpus }) => {
  const filler = 'Plain filler text for a long session, to scroll through. '.repeat(30);
  const entry = await writeSession(corpus, {
    id: WINDY,
    title: 'Windy session',
    messages: 40,
    text: (i) => ([4, 20, 33].includes(i) ? `${filler} Here the zephyr blows (message ${i}).` : filler),
  });
  await addToIndex(corpus, [entry]);
  await app.open();
  const page = app.page;
  const kb = page.keyboard;

  // The box is among the first few Tab stops.
  let presses = 0;
  while ((await focused(page)) !== 'session-filter' && presses < 8) {
    await kb.press('Tab');
    presses++;
  }
  // After the top bar's buttons (usage among them).
  expect(presses).toBeLessThanOrEqual(5);

  // Filter, step into the list, open: focus goes to the transcript, which PageDown scrolls.
  await kb.type('tool heavy');
  await kb.press('ArrowDown');
  await kb.press('Enter');
  await expect(page.getByTestId('transcript-title')).toContainText('Tool heavy');
  await expectFocus(page, 'transcript-body');
  await expect(app.row(FIXTURE_IDS.tools)).toHaveAttribute('aria-selected', 'true');

  // c copies the Markdown, and says so.
  await kb.press('c');
  await expect(page.getByTestId('feedback-copy')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('# Tool heavy');

  // ? lists every shortcut in a dialog that keeps focus; Esc gives focus back.
  await kb.press('?');
  const shortcuts = page.getByTestId('shortcuts');
  await expect(shortcuts).toBeVisible();
  await expect(shortcuts).toContainText('Back / forward between opened sessions');
  for (let i = 0; i < 4; i++) {
    await kb.press('Tab');
    expect(
      await page.evaluate(() =>
        document.querySelector('[data-testid="shortcuts"]')!.contains(document.activeElement),
      ),
    ).toBe(true);
  }
  await kb.press('Escape');
  await expect(shortcuts).toBeHidden();
  await expectFocus(page, 'transcript-body');

  // Ctrl+K, a query, Enter: results in the sidebar; arrows and j walk them, Enter opens a hit.
  await kb.press('Control+k');
  await expectFocus(page, 'session-filter');
  await kb.press('Control+a');
  await kb.type('zephyr ');
  await kb.press('Enter');
  const hits = page.locator(
    `[data-testid="search-group"][data-session-id="${WINDY}"] [data-testid="search-hit"]`,
  );
  await expect(hits).toHaveCount(3, INDEXED);
  await kb.press('ArrowDown');
  await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('search-group-head');
  await kb.press('j');
  await expectFocus(page, 'search-hit');
  await kb.press('j');
  await kb.press('Enter');
  await expect(page.getByTestId('transcript-title')).toContainText('Windy session');
  const position = page.getByTestId('hit-position');
  await expect(position).toHaveText('2/3');

  // n and Shift+N, F3 and Shift+F3 step through the hits.
  await kb.press('n');
  await expect(position).toHaveText('3/3');
  await kb.press('Shift+N');
  await expect(position).toHaveText('2/3');
  await kb.press('F3');
  await expect(position).toHaveText('3/3');
  await kb.press('Shift+F3');
  await expect(position).toHaveText('2/3');

  // Alt+Left goes back to the session opened before, Alt+Right forward again.
  await kb.press('Alt+ArrowLeft');
  await expect(page.getByTestId('transcript-title')).toContainText('Tool heavy');
  await kb.press('Alt+ArrowRight');
  await expect(page.getByTestId('transcript-title')).toContainText('Windy session');

  // Esc from the results goes back to the list, with focus in the box.
  await kb.press('Escape');
  await expect(page.getByTestId('session-list')).toBeVisible();
  await expectFocus(page, 'session-filter');
  await kb.press('Escape');
  await expect(page.getByTestId('session-filter')).toHaveValue('');

  // Find: Ctrl+F, type, Enter steps; Esc gives focus back to the transcript, which still scrolls.
  await kb.press('Enter');
  await expectFocus(page, 'transcript-body');
  await kb.press('Control+f');
  await expectFocus(page, 'find-input');
  await kb.type('filler');
  await expect(page.getByTestId('find-count')).not.toHaveText('0/0');
  await kb.press('Enter');
  await kb.press('Escape');
  await expect(page.getByTestId('find-input')).toHaveCount(0);
  await expectFocus(page, 'transcript-body');
  const body = page.getByTestId('transcript-body');
  await body.evaluate((el) => (el.scrollTop = 0));
  await kb.press('PageDown');
  await expect.poll(() => body.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);

  // The delete dialog keeps focus inside it, and Esc gives it back.
  await kb.press('Delete');
  const dialog = page.getByTestId('delete-dialog');
  await expect(dialog).toBeVisible();
  await expectFocus(page, 'cancel-delete');
  for (let i = 0; i < 5; i++) {
    await kb.press(i % 2 === 0 ? 'Tab' : 'Shift+Tab');
    await kb.press('Tab');
    expect(['cancel-delete', 'confirm-delete']).toContain(await focused(page));
  }
  await kb.press('Escape');
  await expect(dialog).toBeHidden();
  await expectFocus(page, 'transcript-body');
  await app.screenshot('keyboard');
});

test('focus is visible wherever the keyboard puts it', async ({ app }) => {
  await app.open(`#session=${FIXTURE_IDS.tools}`);
  const page = app.page;
  await expect(page.getByTestId('message').first()).toBeVisible();
  // Every stop of a Tab walk through the page, to its end, draws a focus outline (or its
  // selected row does).
  const stops: string[] = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const ring = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return 'body';
      const shown = (e: Element) => {
        const style = getComputedStyle(e);
        return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1;
      };
      const row = el.querySelector('.session-row.selected');
      const name = el.getAttribute('data-testid') ?? el.tagName;
      return shown(el) || (row !== null && shown(row)) ? name : `no ring on ${name}`;
    });
    if (ring === 'body') break;
    stops.push(ring);
  }
  expect(stops.filter((s) => s.startsWith('no ring'))).toEqual([]);
  expect(stops).toEqual(
    expect.arrayContaining(['session-filter', 'session-list', 'copy-markdown', 'transcript-body']),
  );
});
