// The hostile fixture: its markup stays inert, nothing runs, nothing is fetched from elsewhere.
import { expect, test } from '../support/app';
import { FIXTURE_IDS } from '../support/corpus';

test('hostile content renders inert and nothing leaves 127.0.0.1', async ({ app, server, requests }) => {
  await app.open();
  await app.openSession(FIXTURE_IDS.hostile);
  const page = app.page;
  await expect(page.getByTestId('message')).toHaveCount(3);
  await expect(page.getByTestId('transcript-title')).toHaveText("<img src=x onerror=alert('alpha')> title");
  // The plain words around the markup survive; the markup itself is inert or gone.
  await expect(page.getByTestId('message').nth(1)).toContainText('click me');
  await expect(
    page.getByTestId('remote-image').filter({ hasText: 'https://evil.example/pixel.png' }),
  ).toHaveCount(1);
  // Give any injected handler (onerror, onload, ontoggle) time to fire, then check none did.
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();

  const dangerous = await page.evaluate(() => {
    const root = document.querySelector('[data-testid="transcript"]')!;
    const found: string[] = [];
    for (const el of root.querySelectorAll('*')) {
      if (['SCRIPT', 'IFRAME', 'FORM', 'OBJECT', 'EMBED', 'STYLE'].includes(el.tagName))
        found.push(el.tagName);
      for (const attr of el.attributes) {
        if (attr.name.startsWith('on')) found.push(`${el.tagName}[${attr.name}]`);
        if (/^\s*javascript:/i.test(attr.value)) found.push(`${el.tagName}[${attr.name}=${attr.value}]`);
      }
      if (el instanceof HTMLImageElement && !/^(data:|blob:)/.test(el.src)) found.push(`IMG ${el.src}`);
    }
    return found;
  });
  expect(dangerous).toEqual([]);
  await expect(page.locator('body')).toBeVisible();

  await app.screenshot('hostile');
  const foreign = requests.filter((url) => !url.startsWith(`http://127.0.0.1:${server.port}/`));
  expect(foreign).toEqual([]);
  expect(requests.length).toBeGreaterThan(0);
});

test('clicking a javascript: link in a message runs nothing', async ({ app }) => {
  await app.open();
  await app.openSession(FIXTURE_IDS.hostile);
  const link = app.page.getByTestId('transcript-body').getByText('click me').first();
  await expect(link).toBeVisible();
  await link.click();
  await app.page.waitForTimeout(300);
  expect(await app.page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
});
