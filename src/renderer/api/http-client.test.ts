import { describe, expect, it } from 'vitest';
import { createHttpClient, type HttpClientOptions } from './http-client';

interface Sent {
  url: string;
  init: RequestInit;
}

function client(respond: (sent: Sent) => Response, overrides: Partial<HttpClientOptions> = {}) {
  const sent: Sent[] = [];
  const downloads: [string, string][] = [];
  const api = createHttpClient({
    origin: 'http://127.0.0.1:4321',
    token: 'ab12',
    fetch: async (url, init) => {
      const request = { url: String(url), init: init ?? {} };
      sent.push(request);
      return respond(request);
    },
    download: (url, name) => void downloads.push([url, name]),
    onFocus: () => () => {},
    openEvents: () => {
      throw new Error('no event stream in this test');
    },
    ...overrides,
  });
  return { api, sent, downloads };
}

const json = (value: unknown, status = 200) =>
  new Response(JSON.stringify(value), { status, headers: { 'Content-Type': 'application/json' } });

describe('createHttpClient', () => {
  it('POSTs the request to /api/<channel> with the token header and unwraps the envelope', async () => {
    const { api, sent } = client(() => json({ ok: true, value: '# md' }));
    await expect(api.exportSession({ id: 's-1' })).resolves.toBe('# md');
    expect(sent[0]!.url).toBe('http://127.0.0.1:4321/api/sessions:export');
    expect(sent[0]!.init.method).toBe('POST');
    expect(new Headers(sent[0]!.init.headers).get('X-Transcripts-Token')).toBe('ab12');
    expect(JSON.parse(String(sent[0]!.init.body))).toEqual({ id: 's-1' });
  });

  it('maps every shared method to its channel', async () => {
    const { api, sent } = client(() => json({ ok: true, value: null }));
    await api.storeInfo({});
    await api.listSessions({});
    await api.loadSession({ id: 'a' });
    await api.openTranscript({ id: 'a' });
    await api.deleteSession({ id: 'a' });
    await api.searchSessions({ query: 'q' });
    expect(sent.map((s) => s.url.split('/api/')[1])).toEqual([
      'store:info',
      'sessions:list',
      'sessions:load',
      'sessions:transcript',
      'sessions:delete',
      'sessions:search',
    ]);
  });

  it('throws the envelope error line', async () => {
    const { api } = client(() => json({ ok: false, error: 'session x is in use' }));
    await expect(api.deleteSession({ id: 'x' })).rejects.toThrow('session x is in use');
  });

  it('throws the error of a 400 envelope and the text of a 403', async () => {
    const bad = client(() => json({ ok: false, error: 'id must be 1-128 characters' }, 400));
    await expect(bad.api.openTranscript({ id: '-x' })).rejects.toThrow('id must be 1-128 characters');
    const forbidden = client(() => new Response('Forbidden: missing or wrong token\n', { status: 403 }));
    await expect(forbidden.api.listSessions({})).rejects.toThrow('Forbidden: missing or wrong token');
    const empty = client(() => new Response('', { status: 502 }));
    await expect(empty.api.listSessions({})).rejects.toThrow('HTTP 502');
  });

  it('saves by downloading the export URL, without the token (the cookie proves it)', async () => {
    const { api, downloads } = client(() => json({ ok: true, value: null }));
    await expect(api.saveExport('s-1', 'Fix: the "parser"', { format: 'md', redact: null })).resolves.toBe(
      'Downloading Fix_ the _parser_.md',
    );
    await api.saveExport('s-1', 'Fix', { format: 'html', redact: { emails: true, home: false } });
    await api.saveExport('s-1', 'Fix', { format: 'json', redact: { emails: false, home: true } });
    await api.saveZip(['s-1', 's-2'], { format: 'html', redact: { emails: false, home: true } });
    expect(downloads).toEqual([
      ['http://127.0.0.1:4321/export/s-1.md', 'Fix_ the _parser_.md'],
      ['http://127.0.0.1:4321/export/s-1.html?redact=1&emails=1', 'Fix.html'],
      ['http://127.0.0.1:4321/export/s-1.json?redact=1&home=1', 'Fix.json'],
      ['http://127.0.0.1:4321/export-zip?ids=s-1%2Cs-2&format=html&redact=1&home=1', 'sessions-2.zip'],
    ]);
    expect(api.chooseFolder).toBeNull();
  });

  it('hears live events on /events with the token, reopened to follow the open session', async () => {
    const urls: string[] = [];
    const sources: { fire(type: string): void }[] = [];
    const { api } = client(() => json({ ok: true, value: null }), {
      openEvents: (url) => {
        urls.push(url);
        const listeners = new Map<string, ((event: Event) => void)[]>();
        const source = {
          readyState: 0,
          addEventListener: (type: string, listener: (event: Event) => void) =>
            listeners.set(type, [...(listeners.get(type) ?? []), listener]),
          close: () => {},
          fire: (type: string) => listeners.get(type)?.forEach((l) => l(new Event(type))),
        };
        sources.push(source);
        return source;
      },
    });
    api.onSessionsChanged(() => {});
    const following = api.followSession('s-1');
    sources[1]!.fire('open');
    await expect(following).resolves.toBe(true);
    const withCount = api.followSession('s-2', 40);
    sources[2]!.fire('open');
    await expect(withCount).resolves.toBe(true);
    expect(urls).toEqual([
      'http://127.0.0.1:4321/events?token=ab12',
      'http://127.0.0.1:4321/events?token=ab12&watch=s-1',
      'http://127.0.0.1:4321/events?token=ab12&watch=s-2&known=40',
    ]);
  });

  it('drags out through DownloadURL', () => {
    const { api } = client(() => json({ ok: true, value: null }));
    const data = new Map<string, string>();
    const transfer = {
      setData: (type: string, value: string) => void data.set(type, value),
      effectAllowed: 'all',
    };
    let prevented = false;
    api.startDrag(
      { dataTransfer: transfer as unknown as DataTransfer, preventDefault: () => (prevented = true) },
      's-1',
      'a:b',
    );
    expect(data.get('DownloadURL')).toBe('text/markdown:a_b.md:http://127.0.0.1:4321/export/s-1.md');
    expect(data.get('text/uri-list')).toBe('http://127.0.0.1:4321/export/s-1.md');
    // The token is in none of what a drop hands to another application.
    for (const value of data.values()) expect(value).not.toContain('ab12');
    expect(prevented).toBe(false);
  });

  it('sends no empty token after a reload (the cookie alone proves it)', async () => {
    const urls: string[] = [];
    const { api, sent } = client(() => json({ ok: true, value: [] }), {
      token: '',
      openEvents: (url) => {
        urls.push(url);
        return { readyState: 0, addEventListener: () => {}, close: () => {} };
      },
    });
    await api.listSessions({});
    expect(new Headers(sent[0]!.init.headers).has('X-Transcripts-Token')).toBe(false);
    expect(new Headers(sent[0]!.init.headers).get('Content-Type')).toBe('application/json');
    void api.followSession('s-1');
    api.onSessionsChanged(() => {});
    expect(urls[0]).toBe('http://127.0.0.1:4321/events?watch=s-1');
  });

  it('sends the early calls at once and hands each answer to the first call that matches it', async () => {
    let answer = 0;
    const { api, sent } = client(() => json({ ok: true, value: ++answer }), {
      early: [{ method: 'listSessions', request: {} }],
    });
    expect(sent.map((s) => s.url.split('/api/')[1])).toEqual(['sessions:list']);
    await expect(api.listSessions({ source: 'x' } as never)).resolves.toBe(2); // another request
    await expect(api.listSessions({})).resolves.toBe(1); // the early answer
    await expect(api.listSessions({})).resolves.toBe(3); // asked again
    expect(sent).toHaveLength(3);
  });

  it("gives an early call's failure to the call that takes it", async () => {
    const { api } = client(() => json({ ok: false, error: 'store gone' }), {
      early: [{ method: 'listSessions', request: {} }],
    });
    await expect(api.listSessions({})).rejects.toThrow('store gone');
  });
});
