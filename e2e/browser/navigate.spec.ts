// Getting around a long session: a link #session=<id>&msg=<n> opens it scrolled to message n
// (and each message's Link button copies such a link), the position indicator says where the
// reader is and jumps to a typed number, the outline lists the user's prompts and jumps to one,
// and a message's Copy gives exactly its part of the Markdown export.
import type { Page } from '@playwright/test';
import { expect, test } from '../support/app';
import { addToIndex, generatedId, writeSession } from '../support/sessions';

const ID = generatedId(0x7201, '20270401');
const COUNT = 600;
const text = (i: number) => `Message ${i}: ${'some words about the build and its cache '.repeat(6)}`;

async function longSession(corpus: string) {
  await addToIndex(corpus, [
    await writeSession(corpus, { id: ID, title: 'Long session', messages: COUNT, text }),
  ]);
}

/** The message whose element is at the top of the scroll box. */
const topMessage = (page: Page) =>
  page.evaluate(() => {
    // Before the transcript is drawn (a page still loading), no message is on top.
    const box = document.querySelector('[data-testid="transcript-body"]');
    if (!box) return -1;
    const body = box.getBoundingClientRect();
    const hit = document.elementFromPoint(body.left + body.width / 2, body.top + 30);
    return Number(hit?.closest('[data-testid="message"]')?.getAttribute('data-index') ?? -1);
  });

test('a deep link opens the session at its message, and a message copies its link', async ({
  app,
  corpus,
}) => {
  await longSession(corpus);
  await app.open(`#session=${ID}&msg=420`);
  const page = app.page;
  await expect(page.getByTestId('transcript-title')).toHaveText('Long session');
  await expect.poll(() => topMessage(page), { timeout: 15_000 }).toBe(420);
  await expect(page.getByTestId('jump-input')).toHaveValue('421');
  await expect(page.getByTestId('position-total')).toHaveText(`of ${COUNT}`);

  // The Link of message 421 copies a link that opens it again, in a fresh page too.
  const message = page.locator('[data-testid="message"][data-index="421"]');
  await message.hover();
  await message.getByTestId('copy-link').click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(new RegExp(`#session=${ID}&msg=421$`));
  await page.goto('about:blank');
  await page.goto(link);
  await expect.poll(() => topMessage(page), { timeout: 15_000 }).toBe(421);
});

test('the position indicator jumps to a number, the outline to a prompt; Copy is the export part', async ({
  app,
  corpus,
  store,
}) => {
  await longSession(corpus);
  await app.open();
  await app.openSession(ID);
  const page = app.page;
  await expect(page.getByTestId('jump-input')).toHaveValue('1');
  const jump = page.getByTestId('jump-input');
  await jump.fill('300');
  await jump.press('Enter');
  await expect.poll(() => topMessage(page), { timeout: 15_000 }).toBe(299);

  await page.getByTestId('outline-toggle').click();
  // The user's prompts: every other message.
  await expect(page.getByTestId('outline-item')).toHaveCount(COUNT / 2);
  await page.locator('[data-testid="outline-item"][data-index="500"]').click();
  await expect.poll(() => topMessage(page), { timeout: 15_000 }).toBe(500);

  const message = page.locator('[data-testid="message"][data-index="500"]');
  await message.hover();
  await message.getByTestId('copy-message').click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const exported = await store.exportMarkdown(ID);
  expect(exported).toContain(copied);
  expect(copied).toBe(`## User\n\n${text(500)}\n\n---\n\n`);
});
