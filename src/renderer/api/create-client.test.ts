import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient, takeTokenFromAddress } from './create-client';

const TOKEN = 'a'.repeat(64);

afterEach(() => {
  window.history.replaceState(null, '', '/');
  vi.unstubAllGlobals();
});

describe('takeTokenFromAddress', () => {
  it('takes the token out of the address bar, keeping the path, other parameters and #session=', () => {
    window.history.pushState(null, '', `/?token=${TOKEN}&theme=dark#session=s-1`);
    const before = window.history.length;
    expect(takeTokenFromAddress(window)).toBe(TOKEN);
    expect(window.location.href).toBe(`${window.location.origin}/?theme=dark#session=s-1`);
    // Replaced, not pushed: Back does not bring the token back.
    expect(window.history.length).toBe(before);
  });

  it('leaves an address without a token as it is', () => {
    window.history.replaceState({ kept: true }, '', '/#session=s-2');
    expect(takeTokenFromAddress(window)).toBe('');
    expect(window.location.href).toBe(`${window.location.origin}/#session=s-2`);
    expect(window.history.state).toEqual({ kept: true });
  });
});

describe('createClient in browser mode', () => {
  it('leaves the address without the token and still sends it with API calls', async () => {
    window.history.replaceState(null, '', `/?token=${TOKEN}#session=s-3`);
    const fetch = vi.fn(
      async () =>
        new Response(JSON.stringify({ ok: true, value: [] }), {
          headers: { 'Content-Type': 'application/json' },
        }),
    );
    vi.stubGlobal('fetch', fetch);
    const api = createClient(window);
    expect(window.location.search).toBe('');
    expect(window.location.hash).toBe('#session=s-3');
    await api.listSessions({});
    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(new Headers(init.headers).get('X-Transcripts-Token')).toBe(TOKEN);
  });
});
