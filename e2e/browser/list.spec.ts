// The session list: every fixture session with its title, filtering, sorting, keyboard and deep links.
import { expect, test } from '../support/app';
import { FIXTURE_IDS } from '../support/corpus';

test('lists every session with its title, newest first', async ({ app, store }) => {
  const sessions = await store.list();
  expect(sessions).toHaveLength(9);
  await app.open();
  const rows = app.page.getByTestId('session-row');
  await expect(rows).toHaveCount(sessions.length);
  await expect(app.page.getByTestId('session-count')).toHaveText(`${sessions.length} sessions`);
  for (const s of sessions) {
    await expect(app.row(s.id).getByTestId('session-row-title')).toHaveText(s.title);
  }
  const order = await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-session-id')));
  expect(order).toEqual(sessions.map((s) => s.id));
  await app.screenshot('list');
});

test('filters by typing, says what to do when nothing matches, and Esc clears', async ({ app, store }) => {
  const total = (await store.list()).length;
  await app.open();
  const filter = app.page.getByTestId('session-filter');
  const rows = app.page.getByTestId('session-row');
  await filter.fill('tool HEAVY');
  await expect(rows).toHaveCount(1);
  await expect(app.row(FIXTURE_IDS.tools)).toBeVisible();
  await expect(app.page.getByTestId('session-count')).toHaveText(`1 of ${total} sessions`);

  await filter.fill('no session is called this');
  await expect(rows).toHaveCount(0);
  await expect(app.page.getByTestId('empty-state')).toBeVisible();
  await expect(app.page.getByTestId('empty-state')).not.toHaveText('');

  await filter.press('Escape');
  await expect(filter).toHaveValue('');
  await expect(rows).toHaveCount(total);
});

test('Ctrl+K focuses the filter from anywhere', async ({ app }) => {
  await app.open();
  await app.openSession(FIXTURE_IDS.plain);
  await app.page.getByTestId('transcript-body').click();
  await app.page.keyboard.press('Control+k');
  await expect(app.page.getByTestId('session-filter')).toBeFocused();
});

test('the filter menus, with counts, and the date range narrow the list; chips remove them', async ({
  app,
  store,
}) => {
  const sessions = await store.list();
  await app.open();
  const page = app.page;
  const rows = page.getByTestId('session-row');
  const choice = (menu: string, value: string) =>
    page.locator(`[data-testid="${menu}-choice"][data-value="${value}"]`);
  const openai = sessions.filter((s) => s.vendor === 'openai').length;

  await page.getByTestId('filter-vendors').click();
  await expect(choice('filter-vendors', 'openai')).toContainText(String(openai));
  await choice('filter-vendors', 'openai').click();
  await expect(choice('filter-vendors', 'openai')).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('Escape');
  await expect(rows).toHaveCount(openai);
  await expect(page.getByTestId('filter-vendors')).toBeFocused();
  await page.locator('[data-testid="active-filter"][data-value="openai"]').click();
  await expect(rows).toHaveCount(sessions.length);

  // The keyboard works the menus: arrows move, Space picks.
  await page.getByTestId('filter-models').focus();
  await page.keyboard.press('ArrowDown');
  const first = page.getByTestId('filter-models-choice').first();
  await expect(first).toBeFocused();
  const model = (await first.getAttribute('data-value'))!;
  await page.keyboard.press(' ');
  await page.keyboard.press('Escape');
  await expect(rows).toHaveCount(sessions.filter((s) => s.model === model).length);
  await page.locator(`[data-testid="active-filter"][data-value="${model}"]`).click();

  const monthAgo = Date.now() - 30 * 24 * 3600 * 1000;
  const recent = sessions.filter((s) => Date.parse(s.updated_at) >= monthAgo);
  await page.getByTestId('filter-date').click();
  await expect(choice('filter-date', '30d')).toContainText(String(recent.length));
  await choice('filter-date', '30d').click();
  await expect(rows).toHaveCount(recent.length);
  await expect(page.getByTestId('filter-date')).toHaveText(/Past 30 days/);
  await page.locator('[data-testid="active-filter"][data-value="30d"]').click();
  await expect(rows).toHaveCount(sessions.length);
});

test('sorts by title and by size', async ({ app, store }) => {
  const sessions = await store.list();
  await app.open();
  const rows = app.page.getByTestId('session-row');
  const order = () => rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-session-id')));

  await app.page.getByTestId('sort-select').selectOption('size');
  const bySize = [...sessions].sort((a, b) => b.size - a.size);
  await expect.poll(order).toEqual(bySize.map((s) => s.id));

  await app.page.getByTestId('sort-select').selectOption('title');
  const titles = await rows.evaluateAll((els) =>
    els.map((el) => el.querySelector('[data-testid="session-row-title"]')?.textContent ?? ''),
  );
  expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b)));
});

test('opens a session by click and updates the deep link', async ({ app, store }) => {
  const [session] = await store.list();
  await app.open();
  await app.openSession(session!.id);
  await expect(app.row(session!.id)).toHaveAttribute('aria-selected', 'true');
  await expect(app.page.getByTestId('transcript-title')).toHaveText(session!.title);
});

test('moves with arrows and j/k and opens with Enter', async ({ app, store }) => {
  const sessions = await store.list();
  await app.open();
  await app.openSession(sessions[0]!.id);
  const selected = app.page.locator('[data-testid="session-row"][aria-selected="true"]');

  await app.page.keyboard.press('ArrowDown');
  await expect(selected).toHaveAttribute('data-session-id', sessions[1]!.id);
  await app.page.keyboard.press('j');
  await expect(selected).toHaveAttribute('data-session-id', sessions[2]!.id);
  await app.page.keyboard.press('j');
  await app.page.keyboard.press('k');
  await expect(selected).toHaveAttribute('data-session-id', sessions[2]!.id);
  await app.page.keyboard.press('ArrowUp');
  await expect(selected).toHaveAttribute('data-session-id', sessions[1]!.id);

  await app.page.keyboard.press('Enter');
  await expect(app.page.getByTestId('transcript-title')).toHaveText(sessions[1]!.title);
  await expect(app.page).toHaveURL(new RegExp(`#session=${sessions[1]!.id}$`));
});

test('a #session=<id> deep link opens that session', async ({ app, store }) => {
  const id = FIXTURE_IDS.checkpoint;
  const session = await store.load(id);
  await app.open(`#session=${id}`);
  await expect(app.page.getByTestId('transcript-title')).toHaveText(session.title);
  await expect(app.row(id)).toHaveAttribute('aria-selected', 'true');
});
