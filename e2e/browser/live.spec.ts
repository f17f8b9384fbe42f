// Live updates in the browser (server-sent events): the open transcript grows as lines are
// appended to its file, without moving a reader who is scrolled up; the list follows new,
// deleted and running sessions.
import { appendFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, type App } from '../support/app';
import { FIXTURE_IDS } from '../support/corpus';
import { addToIndex, generatedId, messageRecordLine, writeSession } from '../support/sessions';

/** Live changes pass a debounced directory watch: allow them a few seconds. */
const LIVE = { timeout: 15_000 };

/** Writes and indexes a session of `messages` text messages. */
async function addSession(corpus: string, n: number, messages: number, text = (i: number) => `Message ${i}`) {
  const id = generatedId(n, '20250501');
  const entry = await writeSession(corpus, { id, title: `Live session ${n}`, messages, text });
  await addToIndex(corpus, [entry]);
  return id;
}

/** Opens session `id` and waits until its new messages are being pushed. */
async function openFollowed(app: App, id: string) {
  await app.openSession(id);
  await expect(app.page.getByTestId('transcript')).toHaveAttribute('data-following', 'true');
}

const messages = (page: Page) => page.getByTestId('message');
/** Message `index` of the open transcript (drawn only near the view: the list is virtual). */
const messageAt = (page: Page, index: number) =>
  page.locator(`[data-testid="message"][data-index="${index}"]`);
/** How many messages the transcript says it has ("of 32"). */
const total = (page: Page) => page.getByTestId('position-total');

test('an appended message appears in the open transcript and the list counts it', async ({ app, corpus }) => {
  const id = await addSession(corpus, 0x1001, 3);
  await app.open();
  await openFollowed(app, id);
  await expect(messages(app.page)).toHaveCount(3);

  await appendFile(
    join(corpus, `${id}.jsonl`),
    messageRecordLine(id, 'assistant', [{ type: 'text', text: 'Fresh reply' }]),
  );
  await expect(messages(app.page)).toHaveCount(4, LIVE);
  await expect(messages(app.page).nth(3)).toContainText('Fresh reply');
  await expect(app.page.getByTestId('transcript-meta')).toContainText('4');
  await expect(app.row(id)).toContainText('4 messages', LIVE);
});

test('a line written in two parts appears once, when complete', async ({ app, corpus }) => {
  const id = await addSession(corpus, 0x1002, 2);
  await app.open();
  await openFollowed(app, id);
  const line = messageRecordLine(id, 'user', [{ type: 'text', text: 'Torn then mended' }]);
  const file = join(corpus, `${id}.jsonl`);
  const half = Math.floor(line.length / 2);

  await appendFile(file, line.slice(0, half));
  // Long enough for the change to be seen, for the list to reload, and for the page's
  // check that no append went missing to run (it reloads the transcript).
  await app.page.waitForTimeout(3000);
  await expect(messages(app.page)).toHaveCount(2);

  await appendFile(file, line.slice(half));
  await expect(messages(app.page)).toHaveCount(3, LIVE);
  await expect(messages(app.page).nth(2)).toContainText('Torn then mended');
  await app.page.waitForTimeout(2000);
  await expect(messages(app.page)).toHaveCount(3);
  await expect(app.page.getByTestId('skipped-notice')).toHaveCount(0);
});

test('a reader scrolled up keeps the place and gets a pill; at the bottom, new messages are followed', async ({
  app,
  corpus,
}) => {
  const long = 'A long line of filler text for scrolling. '.repeat(30);
  const id = await addSession(corpus, 0x1003, 30, (i) => `Message ${i}. ${long}`);
  await app.open();
  await openFollowed(app, id);
  const page = app.page;
  const body = page.getByTestId('transcript-body');
  const file = join(corpus, `${id}.jsonl`);
  const append = (text: string) =>
    appendFile(file, messageRecordLine(id, 'assistant', [{ type: 'text', text }]));

  // Scrolled a little way down: two messages arrive below.
  await body.evaluate((el) => (el.scrollTop = 500));
  await page.waitForTimeout(200);
  const top = await body.evaluate((el) => el.scrollTop);
  await append('First new one');
  await append('Second new one');
  const pill = page.getByTestId('new-messages');
  await expect(pill).toHaveText(/2 new messages/, LIVE);
  await expect(total(page)).toHaveText('of 32');
  expect(await body.evaluate((el) => el.scrollTop)).toBe(top);
  await app.screenshot('live-pill');

  // The pill takes the reader to the first new message.
  await pill.click();
  await expect(pill).toHaveCount(0);
  await expect(messageAt(page, 30)).toBeInViewport();

  // At the bottom, a new message is scrolled into view as it comes.
  await body.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await page.waitForTimeout(200);
  await append('Followed to the end');
  await expect(total(page)).toHaveText('of 33', LIVE);
  await expect(messageAt(page, 32)).toBeInViewport();
  await expect(pill).toHaveCount(0);
  const gap = await body.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight);
  expect(gap).toBeLessThan(48);
});

test('new session files appear in the list and deleted ones vanish, keeping the selection', async ({
  app,
  corpus,
}) => {
  await app.open();
  await app.openSession(FIXTURE_IDS.plain);
  const page = app.page;
  const rows = page.getByTestId('session-row');
  const before = await rows.count();

  // A file ggcode has not indexed yet.
  const id = generatedId(0x1004, '20270101');
  await writeFile(
    join(corpus, `${id}.jsonl`),
    `${JSON.stringify({ type: 'meta', session_id: id, title: 'Brand new session', created_at: '2027-01-01T00:00:00Z', updated_at: '2027-01-01T00:00:00Z' })}\n` +
      messageRecordLine(id, 'user', [{ type: 'text', text: 'hello' }]),
  );
  await expect(app.row(id)).toHaveCount(1, LIVE);
  await expect(app.row(id)).toContainText('Brand new session');
  await expect(rows).toHaveCount(before + 1);

  await rm(join(corpus, `${FIXTURE_IDS.tools}.jsonl`));
  await expect(app.row(FIXTURE_IDS.tools)).toHaveCount(0, LIVE);
  await expect(rows).toHaveCount(before);
  await expect(app.row(FIXTURE_IDS.plain)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('transcript-title')).toBeVisible();
});

test('the open session deleted on disk stays readable with a notice', async ({ app, corpus }) => {
  const id = await addSession(corpus, 0x1005, 2);
  await app.open();
  await openFollowed(app, id);
  await rm(join(corpus, `${id}.jsonl`));
  await expect(app.row(id)).toHaveCount(0, LIVE);
  await expect(app.page.getByTestId('gone-notice')).toBeVisible();
  await expect(messages(app.page)).toHaveCount(2);
});

test('a session held by a running agent is marked live', async ({ app, corpus }) => {
  const id = await addSession(corpus, 0x1006, 2);
  await app.open();
  await expect(app.row(id)).toHaveCount(1);
  await expect(app.row(id).getByTestId('live-badge')).toHaveCount(0);

  // The lock names this test's own process, which is certainly running.
  await writeFile(join(corpus, `${id}.lock`), String(process.pid));
  await expect(app.row(id).getByTestId('live-badge')).toBeVisible(LIVE);
  await app.row(id).scrollIntoViewIfNeeded();
  await app.screenshot('live-badge');

  await rm(join(corpus, `${id}.lock`));
  await expect(app.row(id).getByTestId('live-badge')).toHaveCount(0, LIVE);
});
