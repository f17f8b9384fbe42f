// The transcript pane: header, messages, tool calls and results, checkpoints, damaged lines, find.
import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '../support/app';
import { FIXTURE_IDS } from '../support/corpus';
import { addToIndex, writeSession } from '../support/sessions';

test('shows the header and one element per message with its role', async ({ app, store }) => {
  const session = await store.load(FIXTURE_IDS.plain);
  await app.open();
  await app.openSession(session.id);
  const page = app.page;
  await expect(page.getByTestId('transcript-title')).toHaveText(session.title);
  await expect(page.getByTestId('transcript-meta')).toContainText(session.model);
  await expect(page.getByTestId('transcript-meta')).toContainText(String(session.messages.length));
  const messages = page.getByTestId('message');
  await expect(messages).toHaveCount(session.messages.length);
  const roles = await messages.evaluateAll((els) => els.map((el) => el.getAttribute('data-role')));
  expect(roles).toEqual(session.messages.map((m) => m.role));
  await expect(page.getByTestId('transcript-body')).toContainText('你好, мир, مرحبا, emoji 🚀✨');
  await app.screenshot('transcript');
});

test('each tool call is one card with its result inside, paired by id, errors marked', async ({ app }) => {
  await app.open();
  await app.openSession(FIXTURE_IDS.tools);
  const page = app.page;
  const calls = page.getByTestId('tool-call');
  await expect(calls).toHaveCount(2);
  await expect(calls.first()).toHaveAttribute('data-tool-name', 'list_dir');
  await expect(calls.first()).toHaveAttribute('data-tool-id', 'call_1');
  await expect(calls.nth(1)).toHaveAttribute('data-tool-name', 'no_input_tool');
  // Each result is inside the card of the call it answers, and there are no others.
  await expect(page.getByTestId('tool-result')).toHaveCount(2);
  const first = calls.first().getByTestId('tool-result');
  const second = calls.nth(1).getByTestId('tool-result');
  await expect(first).toHaveAttribute('data-error', 'false');
  await expect(first).toContainText('fence inside output');
  await expect(second).toHaveAttribute('data-error', 'true');
  await expect(second).toContainText('permission denied: /etc/shadow');
  // The input is laid out for reading; the HTML in it is text.
  await expect(calls.first().locator('.tool-input')).toContainText('"recursive": true');
  await expect(calls.first().locator('.tool-input b')).toHaveCount(0);
  // The message that held only the results has nothing of its own but its image.
  await expect(page.locator('[data-testid="message"][data-index="2"] .message-image')).toHaveCount(1);
  await app.screenshot('tools');
});

test('a checkpoint shows where the context was compacted', async ({ app, store }) => {
  const session = await store.load(FIXTURE_IDS.checkpoint);
  const after = session.checkpoints[0]!.after_messages;
  await app.open();
  await app.openSession(session.id);
  const marker = app.page.getByTestId('checkpoint-marker');
  await expect(marker).toHaveCount(1);
  // The marker sits between message after-1 and message after, in document order.
  const position = await app.page.evaluate(() => {
    const all = [...document.querySelectorAll('[data-testid="message"], [data-testid="checkpoint-marker"]')];
    return all.findIndex((el) => el.getAttribute('data-testid') === 'checkpoint-marker');
  });
  expect(position).toBe(after);
});

test('damaged lines are reported, not hidden', async ({ app, store }) => {
  const session = await store.load(FIXTURE_IDS.damaged);
  expect(session.skipped_lines).toBeGreaterThan(0);
  await app.open();
  await app.openSession(session.id);
  await expect(app.page.getByTestId('skipped-notice')).toBeVisible();
  await expect(app.page.getByTestId('skipped-notice')).toContainText(String(session.skipped_lines));
  await app.openSession(FIXTURE_IDS.plain);
  await expect(app.page.getByTestId('skipped-notice')).toHaveCount(0);
});

test('a long tool output is collapsed until Show all', async ({ app, corpus }) => {
  const id = '20250101-000000-0000000000000c01';
  const lines = Array.from({ length: 400 }, (_, i) => `output line ${i}`);
  const entry = await writeSession(corpus, { id, title: 'Long output', messages: 1, text: () => 'run it' });
  await addToIndex(corpus, [entry]);
  const result = {
    type: 'message',
    session_id: id,
    created_at: '0001-01-01T00:00:00Z',
    updated_at: '0001-01-01T00:00:00Z',
    message: { role: 'user', content: [{ type: 'tool_result', tool_id: 't', output: lines.join('\n') }] },
  };
  await appendFile(join(corpus, `${id}.jsonl`), `${JSON.stringify(result)}\n`);
  await app.open();
  await app.openSession(id);
  const output = app.page.getByTestId('tool-result');
  await expect(output).not.toContainText('output line 399');
  await app.page.getByTestId('show-all').click();
  await expect(output).toContainText('output line 399');
});

test('find in transcript counts, steps and clears', async ({ app, corpus }) => {
  const id = '20250101-000000-0000000000000f01';
  const word = 'quokka';
  const texts = [`a ${word} here`, 'nothing', `two: ${word} and ${word}`, 'still nothing', `last ${word}`];
  const entry = await writeSession(corpus, {
    id,
    title: 'Find me',
    messages: texts.length,
    text: (i) => texts[i]!,
  });
  await addToIndex(corpus, [entry]);
  const total = texts.join(' ').split(word).length - 1;

  await app.open();
  await app.openSession(id);
  const page = app.page;
  await page.getByTestId('transcript-body').click();
  await page.keyboard.press('Control+f');
  const input = page.getByTestId('find-input');
  await expect(input).toBeFocused();
  await input.fill(word);
  const count = page.getByTestId('find-count');
  await expect(count).toHaveText(`1 of ${total}`);
  await input.press('Enter');
  await expect(count).toHaveText(`2 of ${total}`);
  await input.press('Shift+Enter');
  await expect(count).toHaveText(`1 of ${total}`);
  await input.press('Shift+Enter');
  await expect(count).toHaveText(`${total} of ${total}`);
  await page.getByTestId('find-next').click();
  await expect(count).toHaveText(`1 of ${total}`);
  await page.getByTestId('find-prev').click();
  await expect(count).toHaveText(`${total} of ${total}`);

  await input.fill('absent-word');
  await expect(count).toHaveText('0 of 0');
  await input.fill(word);
  await expect(count).toHaveText(`1 of ${total}`);
  // Esc clears the search: the bar either closes or stays with an empty query.
  await input.press('Escape');
  const cleared = () =>
    page.evaluate(() => {
      const el = document.querySelector<HTMLInputElement>('[data-testid="find-input"]');
      return el === null || el.offsetParent === null || el.value === '';
    });
  await expect.poll(cleared).toBe(true);
});

test('the strict CSP (no inline styles) is never violated while browsing, and does block an inline style', async ({
  app,
}) => {
  const page = app.page;
  // Recorded from the first script on, before the app runs.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (globalThis as { cspViolations?: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.effectiveDirective} ${e.blockedURI}`),
    );
  });
  const violations = () => page.evaluate(() => (globalThis as { cspViolations?: string[] }).cspViolations);
  await app.open();
  // Code blocks (highlight.js), tool calls, hostile markup, virtualized rows and their inline sizes.
  for (const id of [FIXTURE_IDS.plain, FIXTURE_IDS.tools, FIXTURE_IDS.hostile, FIXTURE_IDS.checkpoint]) {
    await app.openSession(id);
    await expect(page.getByTestId('message').first()).toBeVisible();
    await page.getByTestId('transcript-body').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  }
  // Find counts in a module worker, which the policy lets run (script-src 'self'); it searches
  // the checkpoint's summary too, and opens the marker to show the match.
  await page.getByTestId('transcript-body').click();
  await page.keyboard.press('Control+f');
  await page.getByTestId('find-input').fill('earlier conversation');
  await expect(page.getByTestId('find-count')).toHaveAttribute('data-state', 'done');
  await expect(page.getByTestId('find-count')).toHaveText('1 of 1');
  await expect(page.getByTestId('checkpoint-summary')).toContainText('summary of earlier conversation');
  expect(page.workers().map((worker) => new URL(worker.url()).pathname)).toEqual([
    expect.stringMatching(/\/assets\/find\.worker-[\w-]+\.js$/),
  ]);
  await page.waitForTimeout(300);
  expect(await violations()).toEqual([]);

  // The listener hears what the policy refuses: an injected <style> is blocked and reported.
  await page.evaluate(() => {
    const style = document.createElement('style');
    style.textContent = 'body { display: none }';
    document.head.append(style);
  });
  await expect.poll(violations).toContain('style-src-elem inline');
  // Once for the header's policy and once for the page's meta copy of it.
  expect(new Set(await violations())).toEqual(new Set(['style-src-elem inline']));
  await expect(page.getByTestId('session-list')).toBeVisible();
});
