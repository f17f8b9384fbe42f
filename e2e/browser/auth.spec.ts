// Without the token the browser gets nothing but a one-line 403.
import { expect, test } from '../support/app';
import { FIXTURE_IDS } from '../support/corpus';

test('opening the app without the token is refused', async ({ page, server }) => {
  for (const path of ['/', `/?token=${'0'.repeat(64)}`, '/index.html']) {
    const response = await page.goto(`http://127.0.0.1:${server.port}${path}`);
    expect(response?.status(), path).toBe(403);
    expect((await page.locator('body').innerText()).trim()).toMatch(/^forbidden: [^\n]+$/);
    await expect(page.getByTestId('session-list')).toHaveCount(0);
  }
});

test('API and export refuse requests without the token', async ({ playwright, server }) => {
  const client = await playwright.request.newContext({ baseURL: `http://127.0.0.1:${server.port}` });
  const api = await client.post('/api/sessions:list', { data: {} });
  expect(api.status()).toBe(403);
  const exported = await client.get(`/export/${FIXTURE_IDS.plain}.md`);
  expect(exported.status()).toBe(403);
  const withToken = await client.post('/api/sessions:list', {
    data: {},
    headers: { 'X-Transcripts-Token': server.token },
  });
  expect(withToken.status()).toBe(200);
  await client.dispose();
});

test('the token cookie is HttpOnly and SameSite=Strict', async ({ app }) => {
  await app.open();
  const cookies = await app.page.context().cookies();
  expect(cookies.find((c) => c.name === 'transcripts_token')).toMatchObject({
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
  });
  expect(await app.page.evaluate(() => document.cookie)).toBe('');
});
