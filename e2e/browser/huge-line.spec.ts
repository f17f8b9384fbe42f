// A tool output on a line of 40 MB: the server sends only its start, the pane says how large the
// whole is, and "Show all" pages through the rest a fetched piece at a time; the last piece ends
// the text exactly, and the tab never holds more than a piece of it.
import { appendFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '../support/app';
import { addToIndex, generatedId } from '../support/sessions';

const ID = generatedId(0x4a11, '20270401');
const LINE = 'a line of a huge tool output, with "quotes" and é\n';
const LINES = 800_000;

function line(record: Record<string, unknown>): string {
  return `${JSON.stringify({ session_id: ID, created_at: '0001-01-01T00:00:00Z', updated_at: '0001-01-01T00:00:00Z', ...record })}\n`;
}

test('a huge output shows its start, and Show all pages through the rest', async ({ app, corpus }) => {
  test.setTimeout(120_000);
  const path = join(corpus, `${ID}.jsonl`);
  const call = { type: 'tool_use', tool_id: 'big', tool_name: 'bash', input: { command: 'cat huge.log' } };
  await writeFile(
    path,
    line({
      type: 'meta',
      title: 'Huge output',
      created_at: '2027-04-01T00:00:00Z',
      updated_at: '2027-04-01T00:00:00Z',
    }) + line({ type: 'message', message: { role: 'assistant', content: [call] } }),
  );
  // Written in parts so the test itself never holds the 40 MB string.
  const escaped = JSON.stringify(LINE).slice(1, -1);
  await appendFile(
    path,
    line({
      type: 'message',
      message: { role: 'user', content: [{ type: 'tool_result', tool_id: 'big', output: '@' }] },
    }).split('"@"')[0]! + '"',
  );
  for (let written = 0; written < LINES; written += 10_000) await appendFile(path, escaped.repeat(10_000));
  await appendFile(path, `THE END"}]}}\n`);
  await addToIndex(corpus, [
    {
      id: ID,
      title: 'Huge output',
      created_at: '2027-04-01T00:00:00Z',
      updated_at: '2027-04-01T00:00:00Z',
      msg_count: 2,
      vendor: '',
      endpoint: '',
      model: '',
    },
  ]);

  await app.open();
  await app.openSession(ID);
  const page = app.page;
  const card = page.getByTestId('tool-call');
  await expect(card.getByTestId('tool-result')).toContainText('a line of a huge tool output');
  const stored = Buffer.byteLength(escaped) * LINES + 'THE END'.length;
  await expect(card.getByTestId('cut-note')).toContainText(
    `the whole text is ${(stored / 1024 / 1024).toFixed(1)} MB`,
  );
  await card.getByTestId('show-rest').click();
  const piece = card.getByTestId('rest-piece');
  await expect(piece).toContainText('a line of a huge tool output, with "quotes" and é');
  await expect(card.getByTestId('rest-position')).toHaveText(
    `Rest, part 1 of about ${Math.ceil(stored / 1024 / 1024)}`,
  );
  // Each piece is bounded (about 1 MB), and one is drawn at a time.
  // (drawn a chunk at a time over a few frames)
  const shown = () => piece.evaluate((el) => el.textContent!.length);
  await expect.poll(shown).toBeGreaterThan(900_000);
  expect(await shown()).toBeLessThan(1_100_000);
  const next = card.getByTestId('rest-next');
  for (let part = 2; ; part++) {
    await expect(next).toBeEnabled();
    await next.click();
    await expect(card.getByTestId('rest-position')).toHaveText(new RegExp(`^Rest, part ${part} of`));
    await expect(piece).toBeVisible();
    if (await next.isDisabled()) break;
  }
  await expect(piece).toContainText('THE END');
  const last = await piece.evaluate((el) => el.textContent!);
  expect(last.endsWith(`${LINE}THE END`)).toBe(true);
  expect(await page.getByTestId('rest-piece').count()).toBe(1);
});
