// The Usage view in browser mode over the fixtures' cost and usage records: totals, the chart,
// exact figures on hover, a click on a bar narrowing the list, and the CSV.
import { readFile } from 'node:fs/promises';
import { expect, test } from '../support/app';

test('usage shows totals and a chart; hover gives figures, a click narrows the list, CSV saves it', async ({
  app,
}) => {
  await app.open();
  const page = app.page;
  await expect(page.getByTestId('session-count')).toHaveText(/^[1-9]\d* sessions$/);
  const all = await page.getByTestId('session-count').textContent();
  // The chart must live within the page's CSP (no inline style or script).
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as { __csp?: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(e.violatedDirective));
  });
  // The view's code (Chart.js) is no part of the first paint: it is fetched once, after the list
  // arrived (at idle), and opening the view uses that one fetch.
  const fetched = () =>
    page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => ({
        path: new URL(e.name).pathname,
        start: e.startTime,
        end: (e as PerformanceResourceTiming).responseEnd,
      })),
    );
  const usageCode = async () =>
    (await fetched()).filter((r) => /\/assets\/UsageView-[\w-]+\.js$/.test(r.path));
  await expect.poll(async () => (await usageCode()).length).toBe(1);
  const list = (await fetched()).find((r) => r.path === '/api/sessions:list')!;
  expect((await usageCode())[0]!.start).toBeGreaterThanOrEqual(list.end);
  await page.getByTestId('usage-toggle').click();
  const view = page.getByTestId('usage-view');
  await expect(view).toBeVisible();
  expect(await usageCode()).toHaveLength(1);
  await view.getByTestId('usage-span').selectOption('all');
  await expect(view.getByTestId('usage-total-tokens')).toHaveText('22,173');
  await expect(view.getByTestId('usage-total-cost')).toHaveText('$0.0421');
  await expect(view.getByTestId('usage-total-sessions')).toHaveText('2');
  await expect(view.getByTestId('usage-cache-share')).toHaveText('42.0% of input');
  await expect(view.getByTestId('usage-by-model').getByTestId('usage-name-row').first()).toContainText(
    'gpt-5',
  );
  await expect(view.getByTestId('usage-top').getByTestId('usage-top-session').first()).toContainText(
    'Tool heavy alpha',
  );
  const chart = view.getByTestId('usage-chart');
  await expect(chart).toHaveAttribute('data-bars', '2');
  await expect(chart).toHaveAttribute('data-drawn', 'true');

  // Sweep the plot until the tooltip names the November bar, then click there.
  const area = view.getByTestId('usage-chart-area');
  const box = (await area.boundingBox())!;
  const tooltip = view.getByTestId('usage-tooltip');
  let x = box.x + box.width - 2;
  for (; x > box.x; x -= 4) {
    await page.mouse.move(x, box.y + box.height / 2);
    if ((await tooltip.count()) > 0 && (await tooltip.textContent())?.startsWith('2026-11-24')) break;
  }
  await expect(tooltip).toContainText('2026-11-24');
  await expect(tooltip).toContainText('Input: 12,345');
  await expect(tooltip).toContainText('Output: 678');
  await expect(tooltip).toContainText('Cache read: 9,000');
  await expect(tooltip).toContainText('Cost: $0.0421');
  await app.screenshot('usage');
  await page.mouse.click(x, box.y + box.height / 2);
  await expect(page.getByTestId('period-chip')).toHaveText(/^Started\s*2026-11-24\s*✕$/);
  await expect(page.getByTestId('session-count')).not.toHaveText(all!);
  const rows = page.getByTestId('session-row');
  for (const id of await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-session-id'))))
    expect(id?.startsWith('20261124-')).toBe(true);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    view.getByTestId('usage-csv').click(),
  ]);
  expect(download.suggestedFilename()).toBe('usage-by-day.csv');
  const csv = (await readFile(await download.path(), 'utf8')).split('\r\n');
  expect(csv[0]).toBe(
    'day,sessions,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens,cost_usd,estimated_cost_usd',
  );
  expect(csv).toContain('2026-11-24,1,12345,678,9000,0,0.0421,0');
  expect(csv).toContain('total,2,12445,728,9000,0,0.0421,0');

  expect(await page.evaluate(() => (window as { __csp?: string[] }).__csp)).toEqual([]);

  // Opening a session from the list shows it in place of the view.
  await rows.first().click();
  await expect(page.getByTestId('transcript')).toBeVisible();
  await expect(view).toBeHidden();
  await page.getByTestId('period-chip').click();
  await expect(page.getByTestId('session-count')).toHaveText(all!);
});
