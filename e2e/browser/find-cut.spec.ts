// Find in the rest of a string cut from a huge line: the server sends only the head of a 13 MB
// tool output, yet find counts the matches in the rest too (fetched a piece at a time), checked
// against a brute-force count over the whole output, and stepping to one opens the rest at the
// part it is in, with the match painted in view.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '../support/app';
import { currentMatch } from '../support/find-match';
import { addToIndex, generatedId } from '../support/sessions';

const ID = generatedId(0x4a12, '20270402');
const WORD = 'wombat';
const LINE = 'a line of a huge tool output, with "quotes" and é\n';
const LINES = 250_000;
const MB = 1024 * 1024;
/** Bytes of the output the server sends (line-cutter.ts HEAD_BYTES). */
const HEAD = 64 * 1024;

function line(record: Record<string, unknown>): string {
  return `${JSON.stringify({ session_id: ID, created_at: '0001-01-01T00:00:00Z', updated_at: '0001-01-01T00:00:00Z', ...record })}\n`;
}

test('find counts and steps to matches in the rest of a cut output', async ({ app, corpus }) => {
  test.setTimeout(180_000);
  // The word is put in the middle of the rest's 4th and 10th megabytes (a piece is about one),
  // so the part each is in is known.
  const escaped = Buffer.byteLength(JSON.stringify(LINE).slice(1, -1));
  const at = (part: number) => Math.floor((HEAD + (part - 1) * MB + MB / 2) / escaped);
  const marked = new Map([
    [at(4), 4],
    [at(10), 10],
  ]);
  const lines: string[] = [];
  for (let i = 0; i < LINES; i++) lines.push(marked.has(i) ? `${WORD.toUpperCase()} ${LINE}` : LINE);
  const output = lines.join('') + 'THE END';
  const call = { type: 'tool_use', tool_id: 'big', tool_name: 'bash', input: { command: 'cat huge.log' } };
  await writeFile(
    join(corpus, `${ID}.jsonl`),
    line({
      type: 'meta',
      title: 'Huge output',
      created_at: '2027-04-02T00:00:00Z',
      updated_at: '2027-04-02T00:00:00Z',
    }) +
      line({ type: 'message', message: { role: 'assistant', content: [call] } }) +
      line({
        type: 'message',
        message: { role: 'user', content: [{ type: 'tool_result', tool_id: 'big', output }] },
      }) +
      line({
        type: 'message',
        message: { role: 'assistant', content: [{ type: 'text', text: `a ${WORD} at last` }] },
      }),
  );
  await addToIndex(corpus, [
    {
      id: ID,
      title: 'Huge output',
      created_at: '2027-04-02T00:00:00Z',
      updated_at: '2027-04-02T00:00:00Z',
      msg_count: 3,
      vendor: '',
      endpoint: '',
      model: '',
    },
  ]);
  const count = (text: string) => text.toLowerCase().split(WORD).length - 1;
  const brute = count(output) + count(`a ${WORD} at last`);
  expect(brute).toBe(3);

  await app.open();
  await app.openSession(ID);
  const page = app.page;
  const card = page.getByTestId('tool-call');
  await expect(card.getByTestId('cut-note')).toBeVisible();
  // The head the page has holds none of the matches.
  expect(count((await card.getByTestId('tool-result').textContent()) ?? '')).toBe(0);

  await page.getByTestId('transcript-body').click();
  await page.keyboard.press('Control+f');
  const input = page.getByTestId('find-input');
  await input.fill(WORD);
  const shown = page.getByTestId('find-count');
  await expect(shown).toHaveText(`1 of ${brute}`, { timeout: 60_000 });
  await expect(shown).toHaveAttribute('data-state', 'done');

  const current = () => currentMatch(page);
  const position = card.getByTestId('rest-position');
  for (const [k, part] of [...marked.values()].entries()) {
    await expect(shown).toHaveText(`${k + 1} of ${brute}`);
    await expect(position).toHaveText(new RegExp(`^Rest, part ${part} of`), { timeout: 15_000 });
    await expect.poll(current, { timeout: 15_000 }).toEqual({ text: [WORD], visible: true, inRest: true });
    await input.press('Enter');
  }
  await expect(shown).toHaveText(`3 of ${brute}`);
  await expect.poll(current, { timeout: 15_000 }).toEqual({ text: [WORD], visible: true, inRest: false });
  // Back to the first: the rest goes back to its part.
  await input.press('Enter');
  await expect(shown).toHaveText(`1 of ${brute}`);
  await expect(position).toHaveText(/^Rest, part 4 of/, { timeout: 15_000 });
  await expect.poll(current, { timeout: 15_000 }).toEqual({ text: [WORD], visible: true, inRest: true });
});
