// Without the token the browser gets nothing but a one-line 403; with it, the token leaves the
// address bar at once and the cookie carries it from then on.
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

test('the token cookie is HttpOnly, SameSite=Strict and named after the port', async ({ app, server }) => {
  await app.open();
  const cookies = await app.page.context().cookies();
  expect(cookies.map((c) => c.name)).toEqual([`transcripts_${server.port}`]);
  expect(cookies.find((c) => c.name === `transcripts_${server.port}`)).toMatchObject({
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
  });
  expect(await app.page.evaluate(() => document.cookie)).toBe('');
});

test('the token leaves the address bar and history after the first load, keeping #session=', async ({
  app,
  server,
}) => {
  const id = FIXTURE_IDS.tools;
  await app.open(`#session=${id}`);
  await expect(app.page.getByTestId('transcript')).toBeVisible();
  const origin = `http://127.0.0.1:${server.port}`;
  await expect(app.page).toHaveURL(`${origin}/#session=${id}`);
  expect(await app.page.evaluate(() => window.location.href)).not.toContain(server.token);
  // A reload (the address without the token) is let in on the cookie, and still works.
  await app.page.reload();
  await expect(app.page.getByTestId('session-list')).toBeVisible();
  await expect(app.page.getByTestId('transcript')).toBeVisible();
  await expect(app.page).toHaveURL(`${origin}/#session=${id}`);
  await app.openSession(FIXTURE_IDS.plain);
  expect(app.page.url()).not.toContain(server.token);
});
