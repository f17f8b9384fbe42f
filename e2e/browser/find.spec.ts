// Find (Ctrl/Cmd+F) over the session's data: the count equals a brute-force count over the
// session's text, reasoning, tool inputs and outputs (collapsed outputs and undrawn messages
// included), is never shown final while counting, and every match can be stepped to: it is
// opened (an output expanded, reasoning opened), scrolled into view and painted.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '../support/app';
import { currentMatch } from '../support/find-match';
import { addToIndex, generatedId } from '../support/sessions';

const ID = generatedId(0x7101, '20270301');
const WORD = 'Quokka';

function line(record: Record<string, unknown>): string {
  return `${JSON.stringify({ session_id: ID, created_at: '0001-01-01T00:00:00Z', updated_at: '0001-01-01T00:00:00Z', ...record })}\n`;
}

/** The session's messages, and every string find searches in them. */
function session() {
  const messages: { role: string; content: Record<string, unknown>[] }[] = [];
  const filler = 'Plain filler about parsers and caches. '.repeat(8);
  for (let i = 0; i < 400; i++) {
    const text = [3, 150, 399].includes(i)
      ? `${filler} a ${WORD} here and a quokka there (${i})`
      : `${filler} (${i})`;
    messages.push({ role: i % 2 ? 'assistant' : 'user', content: [{ type: 'text', text }] });
  }
  const output = Array.from({ length: 300 }, (_, i) =>
    i === 200 ? `line ${i}: the QUOKKA is deep in here` : `line ${i}`,
  ).join('\n');
  messages.splice(
    250,
    0,
    {
      role: 'assistant',
      content: [
        {
          type: 'text',
          text: 'Checking.',
          reasoning_content: `I think the ${WORD.toLowerCase()} is in the log.`,
        },
        {
          type: 'tool_use',
          tool_id: 'c1',
          tool_name: 'fetch_log',
          input: { note: 'find the quokka', depth: 3 },
        },
      ],
    },
    { role: 'user', content: [{ type: 'tool_result', tool_id: 'c1', output }] },
  );
  messages.push({
    role: 'user',
    content: [{ type: 'tool_result', tool_id: 'nobody', output: 'stray quokka' }],
  });
  const searched: string[] = [];
  for (const m of messages) {
    for (const b of m.content) {
      for (const key of ['text', 'reasoning_content', 'output', 'tool_name'])
        if (typeof b[key] === 'string') searched.push(b[key]);
      if (b.input !== undefined) searched.push(JSON.stringify(b.input, null, 2));
    }
  }
  return { messages, searched };
}

test('find counts every match in the data and steps to each one', async ({ app, corpus }) => {
  test.setTimeout(120_000);
  const { messages, searched } = session();
  const lines = [
    line({
      type: 'meta',
      title: 'Find corpus',
      created_at: '2027-03-01T00:00:00Z',
      updated_at: '2027-03-01T01:00:00Z',
    }),
    ...messages.map((message) => line({ type: 'message', message })),
  ];
  await writeFile(join(corpus, `${ID}.jsonl`), lines.join(''));
  await addToIndex(corpus, [
    {
      id: ID,
      title: 'Find corpus',
      created_at: '2027-03-01T00:00:00Z',
      updated_at: '2027-03-01T01:00:00Z',
      msg_count: messages.length,
      vendor: '',
      endpoint: '',
      model: '',
    },
  ]);
  const brute = searched.reduce(
    (n, text) => n + (text.toLowerCase().split(WORD.toLowerCase()).length - 1),
    0,
  );
  expect(brute).toBe(10);

  await app.open();
  await app.openSession(ID);
  const page = app.page;
  // Most messages are not drawn: the list is virtual.
  expect(await page.getByTestId('message').count()).toBeLessThan(50);
  await page.getByTestId('transcript-body').click();
  await page.keyboard.press('Control+f');
  const input = page.getByTestId('find-input');
  await input.fill(WORD.toLowerCase());
  const count = page.getByTestId('find-count');
  await expect(count).toHaveText(`1 of ${brute}`);
  await expect(count).toHaveAttribute('data-state', 'done');

  const current = () => currentMatch(page);
  for (let k = 1; k <= brute; k++) {
    await expect(count).toHaveText(`${k} of ${brute}`);
    await expect
      .poll(current, { timeout: 15_000 })
      .toEqual({ text: ['quokka'], visible: true, inRest: false });
    if (k < brute) await input.press('Enter');
  }
  // (The reasoning match and the one deep in the collapsed output were painted in view above:
  // their sections had been opened for them.)
  await input.press('Shift+Enter');
  await expect(count).toHaveText(`${brute - 1} of ${brute}`);
  await page.keyboard.press('F3');
  await expect(count).toHaveText(`${brute} of ${brute}`);

  // Matching case counts only the lowercase spelling typed.
  await page.getByTestId('find-case').click();
  const lower = searched.reduce((n, text) => n + (text.split(WORD.toLowerCase()).length - 1), 0);
  await expect(count).toHaveText(`1 of ${lower}`);
  await expect(count).toHaveAttribute('data-state', 'done');
});
