// Full-text search in the browser: the query syntax end to end (words, phrases, prefixes,
// accents, in:tools), snippets with marked matches, opening a hit at its message with the match
// highlighted, next / previous hit, and paging through many sessions.
import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/app';
import { FIXTURE_IDS } from '../support/corpus';
import { addToIndex, generatedId, messageRecordLine, writeSession } from '../support/sessions';

/** Sessions added to the fixture corpus for these tests. */
const QUOKKA = generatedId(0x5e01, '20250301');
const ISLAND = generatedId(0x5e02, '20250302');
const TOOLS = generatedId(0x5e03, '20250303');
const PROSE = generatedId(0x5e04, '20250304');

/** The index builds in the background and follows new files: allow it the time. */
const INDEXED = { timeout: 30_000 };

async function writeSearchCorpus(corpus: string): Promise<void> {
  const texts: Record<string, string[]> = {
    [QUOKKA]: [
      'Where do quokkas live?',
      'The quokka lives on Rottnest Island near Perth.',
      'Nothing to see in this one.',
      'A café in Perth serves crème brûlée.',
    ],
    [ISLAND]: ['Rottnest is an island.', 'An island trip from Perth.'],
  };
  const entries = [];
  for (const [id, lines] of Object.entries(texts)) {
    entries.push(
      await writeSession(corpus, {
        id,
        title: id === QUOKKA ? 'Animal habitat' : 'Trip ideas',
        messages: lines.length,
        text: (i) => lines[i]!,
      }),
    );
  }
  // One session runs a tool with the word in its input; another only says it.
  entries.push(
    await writeSession(corpus, { id: TOOLS, title: 'Tool run', messages: 1, text: () => 'run it' }),
  );
  await appendFile(
    join(corpus, `${TOOLS}.jsonl`),
    messageRecordLine(TOOLS, 'assistant', [
      { type: 'tool_use', tool_id: 't1', tool_name: 'bash', input: { cmd: 'grep -r wombat .' } },
    ]),
  );
  entries.push(
    await writeSession(corpus, {
      id: PROSE,
      title: 'Prose only',
      messages: 1,
      text: () => 'a wombat in prose',
    }),
  );
  await addToIndex(corpus, entries);
}

async function openSearch(page: Page) {
  await page.keyboard.press('Control+Shift+F');
  await expect(page.getByTestId('session-filter')).toBeFocused();
}

/** Types `query` in the box, takes its "Search all sessions" (Enter), and waits until the shown
 * results answer it. */
async function searchFor(page: Page, query: string, options = {}) {
  await page.getByTestId('session-filter').fill(query);
  await page.getByTestId('session-filter').press('Enter');
  await expect(page.getByTestId('search-results')).toHaveAttribute('data-query', query, options);
}

const group = (page: Page, id: string) =>
  page.locator(`[data-testid="search-group"][data-session-id="${id}"]`);

/** The session ids of the result groups, in order. */
const groupIds = (page: Page) =>
  page
    .getByTestId('search-group')
    .evaluateAll((groups) => groups.map((g) => g.getAttribute('data-session-id')));

/** The marked words of every snippet of one group. */
const markedWords = (page: Page, id: string) =>
  group(page, id)
    .locator('[data-testid="search-hit"] mark')
    .evaluateAll((marks) => marks.map((m) => m.textContent));

test('searches words, phrases, prefixes and accents, and marks the matches', async ({ app, corpus }) => {
  await writeSearchCorpus(corpus);
  await app.open();
  const page = app.page;
  await openSearch(page);
  const input = page.getByTestId('session-filter');

  // A finished word (followed by a space) matches only itself.
  await searchFor(page, 'quokka ', INDEXED);
  await expect(group(page, QUOKKA)).toHaveCount(1, INDEXED);
  await expect(group(page, QUOKKA).getByTestId('search-hit')).toHaveCount(1);
  expect(await markedWords(page, QUOKKA)).toEqual(['quokka']);
  await expect(page.getByTestId('search-count')).toHaveText('1 match in 1 session');

  // While typing, the last word is a prefix: "quokkas" matches too.
  await searchFor(page, 'quokk');
  await expect(group(page, QUOKKA).getByTestId('search-hit')).toHaveCount(2);
  expect((await markedWords(page, QUOKKA)).sort()).toEqual(['quokka', 'quokkas']);

  // All words must match; a phrase must stand together.
  await searchFor(page, 'rottnest island ');
  await expect.poll(() => groupIds(page)).toEqual(expect.arrayContaining([QUOKKA, ISLAND]));
  await searchFor(page, '"rottnest island"');
  await expect.poll(() => groupIds(page)).toEqual([QUOKKA]);
  expect(await markedWords(page, QUOKKA)).toEqual(['Rottnest Island']);

  // Case and accents do not matter, and the snippet keeps the text as written.
  await searchFor(page, 'CREME brulee ');
  await expect.poll(() => groupIds(page)).toEqual([QUOKKA]);
  expect(await markedWords(page, QUOKKA)).toEqual(['crème', 'brûlée']);

  // in:tools looks only at tool calls and results.
  await searchFor(page, 'wombat ');
  await expect.poll(() => groupIds(page), INDEXED).toEqual(expect.arrayContaining([TOOLS, PROSE]));
  await searchFor(page, 'wombat in:tools');
  await expect.poll(() => groupIds(page)).toEqual([TOOLS]);
  await searchFor(page, 'wombat in:text');
  await expect.poll(() => groupIds(page)).toEqual([PROSE]);

  await searchFor(page, 'nosuchwordanywhere ');
  await expect(page.getByTestId('search-count')).toHaveText('No matches');
  await expect(page.getByTestId('search-group')).toHaveCount(0);
  await searchFor(page, 'quokka');
  await expect(group(page, QUOKKA)).toHaveCount(1);
  await app.screenshot('search');

  // Esc goes back to the list (filtered by the box), a second Esc empties the box.
  await input.press('Escape');
  await expect(page.getByTestId('session-list')).toBeVisible();
  await expect(page.getByTestId('search-results')).toBeHidden();
  await expect(input).toHaveValue('quokka');
  await expect(input).toBeFocused();
  await input.press('Escape');
  await expect(input).toHaveValue('');
});

test('one box: it filters the list, offers to search every session, and Esc returns to the list as it was', async ({
  app,
  corpus,
}) => {
  await writeSearchCorpus(corpus);
  await app.open();
  const page = app.page;
  const box = page.getByTestId('session-filter');
  await app.openSession(ISLAND);
  const rows = page.getByTestId('session-row');
  const total = await rows.count();

  // Title, id, model, vendor and folder are filtered at once; the first row offers the full text.
  await box.fill('trip');
  await expect(rows).toHaveCount(1);
  const offer = page.getByTestId('search-all');
  await expect(offer).toHaveText(/Search all sessions for “trip”/);
  await expect(offer).toHaveAttribute('data-active', 'true');
  await box.fill('perth');
  await expect(rows).toHaveCount(0);
  await expect(page.getByTestId('empty-state')).toContainText('Enter');
  await box.press('Enter');
  await expect(page.getByTestId('search-results')).toHaveAttribute('data-query', 'perth', INDEXED);
  await expect(page.getByTestId('search-for')).toHaveText('Results for “perth”');
  await expect.poll(() => groupIds(page), INDEXED).toEqual(expect.arrayContaining([QUOKKA, ISLAND]));

  // Newest first, then best match again.
  await page.getByTestId('search-sort-date').click();
  await expect(page.getByTestId('search-sort-date')).toHaveAttribute('aria-checked', 'true');
  await expect.poll(() => groupIds(page)).toEqual([ISLAND, QUOKKA]);

  // Emptying the box is going back: the list, all of it, with the open session still selected.
  await box.fill('');
  await expect(page.getByTestId('search-results')).toBeHidden();
  await expect(rows).toHaveCount(total);
  await expect(app.row(ISLAND)).toHaveAttribute('aria-selected', 'true');
});

test('an identifier typed unquoted matches whole, and the hit bar follows the newest query', async ({
  app,
  corpus,
}) => {
  const whole = generatedId(0x5e20, '20250320');
  const parts = generatedId(0x5e21, '20250321');
  const entries = [
    await writeSession(corpus, {
      id: whole,
      title: 'Paging',
      messages: 2,
      text: (i) => (i === 0 ? 'Fetch **page_200** of the **report**.' : '### The report header'),
    }),
    await writeSession(corpus, {
      id: parts,
      title: 'Scattered',
      messages: 1,
      text: () => 'Each page has 200 words in the report.',
    }),
  ];
  await addToIndex(corpus, entries);
  await app.open();
  const page = app.page;
  await searchFor(page, 'page_200', INDEXED);
  await expect.poll(() => groupIds(page), INDEXED).toEqual([whole]);
  // The snippet is plain text: no Markdown marks around the words.
  const hit = group(page, whole).getByTestId('search-hit').first();
  await expect(hit).toContainText('Fetch page_200 of the report.');
  expect(await markedWords(page, whole)).toEqual(['page_200']);

  await hit.click();
  await expect(page.getByTestId('hit-query')).toHaveText('Hits for page_200');
  // A new query: the hit bar and the marks in the transcript belong to it, not to the old one.
  await searchFor(page, 'report ');
  await expect(page.getByTestId('hit-query')).toHaveText('Hits for report');
  await expect(page.getByTestId('hit-position')).toHaveText('1/2');
  await expect
    .poll(() => page.evaluate(() => [...(CSS.highlights.get('search-match') ?? [])].map((r) => String(r))))
    .toEqual(['report', 'report']);
});

test('snippets of hostile text stay text', async ({ app }) => {
  await app.open();
  const page = app.page;
  await openSearch(page);
  await searchFor(page, 'pwned');
  const hits = group(page, FIXTURE_IDS.hostile).getByTestId('search-hit');
  await expect(hits.first()).toBeVisible(INDEXED);
  await expect(hits.first()).toContainText('window.__pwned');
  const markup = page
    .getByTestId('search-results')
    .locator('script, img, iframe, svg, a, form, style, details');
  await expect(markup).toHaveCount(0);
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
});

test('a hit opens its session at that message with the match highlighted; next and previous walk the hits', async ({
  app,
  corpus,
}) => {
  const id = generatedId(0x5e10, '20250310');
  const word = 'zephyr';
  const at = [5, 30, 55];
  const filler = 'Plain filler text for a long session. '.repeat(40);
  const entry = await writeSession(corpus, {
    id,
    title: 'Windy session',
    messages: 60,
    text: (i) => (at.includes(i) ? `${filler} Here the ${word} blows (message ${i}).` : filler),
  });
  await addToIndex(corpus, [entry]);

  await app.open();
  const page = app.page;
  // Pages of messages come slowly, as on a loaded machine: a jump waits for its message however
  // long that takes (it used to give up after 150 frames, about 2.5 s, and flaked under load).
  await page.route('**/api/sessions:messages', async (route) => {
    await new Promise((r) => setTimeout(r, 3000));
    await route.continue();
  });
  await openSearch(page);
  await searchFor(page, `${word} `);
  await expect(group(page, id).getByTestId('search-hit')).toHaveCount(3, INDEXED);
  await expect(group(page, id)).toContainText('3 hits');

  await group(page, id).locator('[data-testid="search-hit"][data-message="30"]').click();
  await expect(page.getByTestId('transcript-title')).toHaveText('Windy session');
  const position = page.getByTestId('hit-position');
  await expect(position).toHaveText('2/3');

  /** The message marked as the current hit, once it is in view with its match painted. */
  const currentHit = async () =>
    page.evaluate(() => {
      const body = document.querySelector('[data-testid="transcript-body"]')!.getBoundingClientRect();
      const shell = document.querySelector('.message[data-hit-current]');
      const box = shell?.getBoundingClientRect();
      const painted = [...(CSS.highlights.get('search-current') ?? [])].map((r) => (r as Range).toString());
      const visible = box !== undefined && box.bottom > body.top && box.top < body.bottom;
      return { index: Number(shell?.getAttribute('data-index')), visible, painted };
    });
  await expect.poll(currentHit).toEqual({ index: 30, visible: true, painted: [word] });
  // The other matching messages are painted too, those drawn (the list draws only what is near).
  const drawnMatches = () =>
    page.evaluate(() => ({
      painted: CSS.highlights.get('search-match')?.size ?? 0,
      drawn: [5, 30, 55].filter((i) => document.querySelector(`.message[data-index="${i}"]`)).length,
    }));
  await expect
    .poll(async () => {
      const { painted, drawn } = await drawnMatches();
      return painted === drawn && drawn >= 1;
    })
    .toBe(true);
  await app.screenshot('search-hit');

  await page.getByTestId('hit-next').click();
  await expect(position).toHaveText('3/3');
  await expect.poll(currentHit).toEqual({ index: 55, visible: true, painted: [word] });
  await page.getByTestId('hit-next').click();
  await expect(position).toHaveText('1/3');
  await expect.poll(currentHit).toEqual({ index: 5, visible: true, painted: [word] });
  await page.getByTestId('hit-prev').click();
  await expect(position).toHaveText('3/3');
  await expect.poll(currentHit).toEqual({ index: 55, visible: true, painted: [word] });

  // A word still being typed is a prefix, in the results and in the transcript alike.
  await searchFor(page, 'zeph');
  await group(page, id).locator('[data-testid="search-hit"][data-message="5"]').click();
  await expect(position).toHaveText('1/3');
  await expect.poll(currentHit).toEqual({ index: 5, visible: true, painted: [word] });
});

test('pages through many matching sessions with More results', async ({ app, corpus }) => {
  const count = 45;
  const entries = [];
  for (let n = 0; n < count; n++) {
    entries.push(
      await writeSession(corpus, {
        id: generatedId(0x6000 + n, '20250401'),
        title: `Burrow ${n}`,
        messages: 2,
        text: (i) => (i === 0 ? `marmot number ${n}` : 'reply'),
        createdAt: new Date(Date.UTC(2025, 3, 1) + n * 60_000).toISOString().replace('.000Z', 'Z'),
      }),
    );
  }
  await addToIndex(corpus, entries);
  await app.open();
  const page = app.page;
  await openSearch(page);
  await searchFor(page, 'marmot ');
  await expect(page.getByTestId('search-count')).toHaveText(`${count} matches in ${count} sessions`, INDEXED);
  const groups = page.getByTestId('search-group');
  await expect(groups).toHaveCount(20);
  const more = page.getByTestId('search-more');
  await expect(more).toContainText('25 more sessions');
  await more.click();
  await expect(groups).toHaveCount(40);
  await more.click();
  await expect(groups).toHaveCount(count);
  await expect(more).toHaveCount(0);
  // Every session is reachable, the oldest too, and none twice.
  const ids = await groupIds(page);
  expect(new Set(ids).size).toBe(count);
  expect(ids).toContain(entries[0]!.id);
});
