// GET /events against a real server on a temp corpus, read by a standard EventSource client:
// appended lines arrive as session:appended, torn lines once completed, deletions as
// sessions:changed; the same guards as the API; streams resume and clean up after themselves.
import { unlinkSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { createServer, request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { EventSource } from 'eventsource';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  SEARCH_PROGRESS_EVENT,
  SESSION_APPENDED_EVENT,
  SESSIONS_CHANGED_EVENT,
  type SessionAppended,
} from '../shared/contract';
import { LiveStore } from '../core/live/live-store';
import { messageLine } from '../core/serialize';
import { JsonlStore } from '../core/store';
import { fullPage } from '../core/transcript/full-page';
import { messageExport } from '../shared/message-export';
import { FIXTURE_IDS } from '../../e2e/support/corpus';
import { rawRequest } from '../../e2e/support/http-request';
import { startTestServer, stopTestServer, type TestServer } from '../../test/support/test-server';
import { tempDir } from '../../test/support/fixtures';
import { appendMessage, Received, sleep, textMessage, writeSession } from '../../test/support/live';
import { EventStreams, MAX_STREAMS_PER_CLIENT } from './events';
import type { RunningServer } from './server';

const ID = FIXTURE_IDS.plain;
let corpus: string;
let server: RunningServer;
let sources: EventSource[] = [];

let running: TestServer;

beforeEach(async () => {
  running = await startTestServer({ heartbeatMs: 100 });
  ({ corpus, server } = running);
});

afterEach(async () => {
  for (const source of sources) source.close();
  sources = [];
  await stopTestServer(running);
});

interface Pushed {
  type: string;
  data: unknown;
  lastEventId: string;
}

/** Opens an EventSource on /events with `query`; resolves once the stream is open. */
async function subscribe(query: string) {
  const received = new Received<Pushed>();
  const source = new EventSource(`http://127.0.0.1:${server.port}/events?token=${server.token}&${query}`);
  sources.push(source);
  for (const type of [SESSIONS_CHANGED_EVENT, SESSION_APPENDED_EVENT, SEARCH_PROGRESS_EVENT]) {
    source.addEventListener(type, (e) =>
      received.push({ type, data: JSON.parse(e.data) as unknown, lastEventId: e.lastEventId }),
    );
  }
  await new Promise<void>((resolve, reject) => {
    source.onopen = () => resolve();
    source.onerror = (e) => reject(new Error(`stream failed: ${e.code ?? ''} ${e.message ?? ''}`));
  });
  return received;
}

const ofType = (type: string) => (p: Pushed) => p.type === type;
const transcript = async () => fullPage(await new JsonlStore(corpus).load(ID));

describe('GET /events', () => {
  it('sends the watched session its appended message and every stream the changed ids', async () => {
    const before = (await transcript()).messages.length;
    const watching = await subscribe(`watch=${ID}`);
    const listOnly = await subscribe('');
    appendMessage(corpus, ID, 'live line');
    const appended = await watching.next(ofType(SESSION_APPENDED_EVENT));
    const after = await transcript();
    expect(appended.data).toEqual({
      id: ID,
      reset: false,
      from: before,
      messages: after.messages.slice(before),
      session: after.session,
    } satisfies SessionAppended);
    expect(appended.lastEventId).toBe(String(before + 1));
    expect((await watching.next(ofType(SESSIONS_CHANGED_EVENT))).data).toEqual({ ids: [ID] });
    expect((await listOnly.next(ofType(SESSIONS_CHANGED_EVENT))).data).toEqual({ ids: [ID] });
    expect(listOnly.all.filter(ofType(SESSION_APPENDED_EVENT))).toEqual([]);
    // The change also refreshes the search index, whose progress every stream hears.
    await listOnly.next(ofType(SEARCH_PROGRESS_EVENT));
  });

  it('sends a torn line once, when it is completed', async () => {
    const watching = await subscribe(`watch=${ID}`);
    const line = messageLine(ID, textMessage('written in two parts'));
    await appendFile(join(corpus, `${ID}.jsonl`), line.slice(0, 30));
    await sleep(400);
    expect(watching.all.filter(ofType(SESSION_APPENDED_EVENT))).toEqual([]);
    await appendFile(join(corpus, `${ID}.jsonl`), line.slice(30));
    const appended = (await watching.next(ofType(SESSION_APPENDED_EVENT))).data as SessionAppended;
    expect(appended.messages).toHaveLength(1);
    expect(messageExport(appended.messages[0]!)).toContain('written in two parts');
    await sleep(300);
    expect(watching.rest().filter(ofType(SESSION_APPENDED_EVENT))).toEqual([]);
  });

  it('announces a deleted session', async () => {
    const events = await subscribe('');
    unlinkSync(join(corpus, `${FIXTURE_IDS.tools}.jsonl`));
    expect((await events.next(ofType(SESSIONS_CHANGED_EVENT))).data).toEqual({ ids: [FIXTURE_IDS.tools] });
  });

  it('catches up a stream resuming with Last-Event-ID, and tells it to reload the list', async () => {
    const count = (await transcript()).messages.length;
    appendMessage(corpus, ID, 'missed while away');
    const res = await openRaw(`/events?token=${server.token}&watch=${ID}`, {
      'last-event-id': String(count),
    });
    const text = await res.readUntil(`event: ${SESSIONS_CHANGED_EVENT}\ndata: {"ids":[]}\n\n`);
    res.close();
    expect(text).toMatch(new RegExp(`^retry: \\d+\nid: ${count + 1}\n\nevent: ${SESSION_APPENDED_EVENT}\n`));
    const data = JSON.parse(/^data: (.*)$/m.exec(text)![1]!) as SessionAppended;
    expect(data.from).toBe(count);
    expect(data.messages).toEqual([(await transcript()).messages[count]]);
  });

  it('sends a page opening with known=<count> what was written after its count', async () => {
    const count = (await transcript()).messages.length;
    appendMessage(corpus, ID, 'written while the page loaded');
    const events = await subscribe(`watch=${ID}&known=${count}`);
    const data = (await events.next(ofType(SESSION_APPENDED_EVENT))).data as SessionAppended;
    expect(data.from).toBe(count);
    expect(data.messages).toEqual([(await transcript()).messages[count]]);
  });

  it('tells a list-only stream resuming after a drop to reload the list', async () => {
    const res = await openRaw(`/events?token=${server.token}`, { 'last-event-id': '0' });
    expect(await res.readUntil('\n\n')).toMatch(/^retry: \d+\nid: 0\n\n$/);
    await res.readUntil(`event: ${SESSIONS_CHANGED_EVENT}\ndata: {"ids":[]}\n\n`);
    res.close();
  });

  it('keeps idle streams alive with heartbeat comments', async () => {
    const res = await openRaw(`/events?token=${server.token}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(res.headers['content-security-policy']).toBeDefined();
    expect(await res.readUntil(': heartbeat\n\n')).toMatch(
      /^retry: \d+\nid: 0\n\n(event: .*\ndata: .*\n\n)*: heartbeat\n\n$/,
    );
    res.close();
  });
});

describe('GET /events refusals', () => {
  const get = (path: string, headers: Record<string, string> = {}) =>
    rawRequest(server.port, { path, headers });

  it('403 without the token, with a wrong one, or from another origin or host', async () => {
    const wrong = 'f'.repeat(64);
    expect((await get('/events')).status).toBe(403);
    expect((await get(`/events?token=${wrong}`)).status).toBe(403);
    expect((await get(`/events?token=${server.token}`, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await get(`/events?token=${server.token}`, { host: `evil.example:${server.port}` })).status).toBe(
      403,
    );
  });

  it('accepts the cookie or header instead of the query token', async () => {
    const ways: Record<string, string>[] = [
      { cookie: `transcripts_${server.port}=${server.token}` },
      { 'x-transcripts-token': server.token },
    ];
    for (const headers of ways) {
      const res = await openRaw('/events', headers);
      expect(res.status).toBe(200);
      res.close();
    }
  });

  it(`429 beyond ${MAX_STREAMS_PER_CLIENT} open streams from one client; a closed stream frees its slot`, async () => {
    const open = [];
    for (let i = 0; i < MAX_STREAMS_PER_CLIENT; i++) {
      const stream = await openRaw(`/events?token=${server.token}${i % 2 ? `&watch=${ID}` : ''}`);
      expect(stream.status).toBe(200);
      open.push(stream);
    }
    // Read by hand: were it let through, the stream would never end.
    const refused = await openRaw(`/events?token=${server.token}`);
    open.push(refused);
    expect(refused.status).toBe(429);
    expect(await refused.readUntil('\n')).toBe(
      `too many event streams: at most ${MAX_STREAMS_PER_CLIENT} at once\n`,
    );
    // Refusals and bad requests hold no slot.
    expect((await get(`/events?token=${server.token}&watch=..`)).status).toBe(400);
    open.shift()!.close();
    await vi.waitFor(async () => {
      const again = await openRaw(`/events?token=${server.token}`);
      open.push(again);
      expect(again.status).toBe(200);
    });
    const full = await openRaw(`/events?token=${server.token}`);
    open.push(full);
    expect(full.status).toBe(429);
    for (const stream of open) stream.close();
  });

  it('400 for an invalid session id or count, 405 for anything but GET', async () => {
    const bad = await get(`/events?token=${server.token}&watch=..%2Fetc`);
    expect([bad.status, bad.body]).toEqual([400, 'invalid session id\n']);
    const badCount = await get(`/events?token=${server.token}&watch=${ID}&known=-1`);
    expect([badCount.status, badCount.body]).toEqual([400, 'known must be a message count\n']);
    const post = await rawRequest(server.port, { method: 'POST', path: `/events?token=${server.token}` });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET');
  });
});

describe('EventStreams clean-up', () => {
  it('stops following when the page goes away, and ends every stream at close', async () => {
    const dir = tempDir();
    writeSession(dir, 's');
    const live = new LiveStore(new JsonlStore(dir));
    await live.start();
    const stops: ReturnType<typeof vi.fn>[] = [];
    const follow = live.follow.bind(live);
    vi.spyOn(live, 'follow').mockImplementation(async (...args) => {
      const following = await follow(...args);
      const stop = vi.fn(following.stop);
      stops.push(stop);
      return { ...following, stop };
    });
    const streams = new EventStreams(live, { onProgress: () => () => undefined });
    const http = createServer((req, res) => void streams.handle(req, res, new URL(req.url!, 'http://x')));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const port = (http.address() as AddressInfo).port;
    const get = (path: string) =>
      new Promise<IncomingMessage>((resolve) => request({ port, path, host: '127.0.0.1' }, resolve).end());

    const first = await get('/events?watch=s');
    first.destroy();
    await vi.waitFor(() => expect(stops[0]).toHaveBeenCalledOnce());

    const second = await get('/events?watch=s');
    const ended = new Promise((resolve) => second.on('end', resolve).resume());
    streams.close();
    live.close();
    await ended;
    expect(stops[1]).toHaveBeenCalledOnce();
    http.close();
  });
});

/** A stream read by hand: status, headers, and its text up to a marker. */
function openRaw(path: string, headers: Record<string, string> = {}) {
  return new Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    readUntil: (marker: string) => Promise<string>;
    close: () => void;
  }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        headers: { host: `127.0.0.1:${server.port}`, ...headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        const readUntil = async (marker: string) => {
          for (let waited = 0; !text.includes(marker); waited += 10) {
            if (waited > 5000) throw new Error(`no ${JSON.stringify(marker)} in ${JSON.stringify(text)}`);
            await sleep(10);
          }
          return text.slice(0, text.indexOf(marker) + marker.length);
        };
        resolve({ status: res.statusCode ?? 0, headers: res.headers, readUntil, close: () => req.destroy() });
      },
    );
    req.on('error', reject);
    req.end();
  });
}
