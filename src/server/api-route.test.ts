// POST /api/<channel>: the shared dispatch over HTTP, with its refusals (400, 403, 404, 405, 413).
import { access, readdir, readFile, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JsonlStore } from '../core/store';
import type { Envelope } from '../shared/api';
import { messageExport } from '../shared/message-export';
import type { TranscriptPage } from '../shared/transcript';
import type { SessionList } from '../shared/types';
import type { StoreInfo } from '../shared/contract';
import { FIXTURE_GOLDEN, FIXTURE_IDS } from '../../e2e/support/corpus';
import type { FakeRenderer } from '../../e2e/support/fake-renderer';
import { rawRequest } from '../../e2e/support/http-request';
import {
  startTestServer,
  stopTestServer,
  testCacheDir,
  type TestServer,
} from '../../test/support/test-server';
import { MAX_BODY_BYTES } from './api-route';
import { startServer, type RunningServer } from './server';

let corpus: string;
let renderer: FakeRenderer;
let server: RunningServer;
let store: JsonlStore;

let running: TestServer;

beforeEach(async () => {
  running = await startTestServer();
  ({ corpus, renderer, server, store } = running);
});

afterEach(() => stopTestServer(running));

async function call<T>(channel: string, body: string, headers: Record<string, string> = {}) {
  const res = await rawRequest(server.port, {
    method: 'POST',
    path: `/api/${channel}`,
    body,
    headers: { 'content-type': 'application/json', 'x-transcripts-token': server.token, ...headers },
  });
  const envelope = res.headers['content-type']?.startsWith('application/json')
    ? (JSON.parse(res.body) as Envelope<T>)
    : null;
  return { ...res, envelope };
}

/** The names in a folder, to see that nothing was written there. */
const snapshotNames = async (dir: string) => (await readdir(dir)).sort();

const value = <T>(envelope: Envelope<T> | null): T => {
  if (envelope === null || !envelope.ok) throw new Error(`not ok: ${JSON.stringify(envelope)}`);
  return envelope.value;
};

describe('API calls', () => {
  it('lists exactly what the store lists', async () => {
    const res = await call<SessionList>('sessions:list', '{}');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(value(res.envelope)).toEqual(await store.listing());
    expect(value(res.envelope).sessions).toHaveLength(9);
  });

  it('keeps stars, tags, notes and names in the data folder, never in the sessions folder', async () => {
    const before = await snapshotNames(corpus);
    const id = FIXTURE_IDS.plain;
    expect(
      value((await call('annotations:set', JSON.stringify({ id, starred: true, tags: ['ui'] }))).envelope),
    ).toEqual({
      starred: true,
      tags: ['ui'],
    });
    await call('annotations:set', JSON.stringify({ id, note: 'Remember this', name: 'Plain one' }));
    expect(value((await call('annotations:list', '{}')).envelope)).toEqual({
      [id]: { starred: true, tags: ['ui'], note: 'Remember this', name: 'Plain one' },
    });
    expect(await snapshotNames(corpus)).toEqual(before);
  });

  it('accepts the cookie instead of the header, and an empty body as {}', async () => {
    const res = await call<SessionList>('sessions:list', '', {
      'x-transcripts-token': '',
      cookie: `other=1; transcripts_${server.port}=${server.token}`,
    });
    expect(value(res.envelope).sessions).toHaveLength(9);
  });

  it('reports the store in browser mode', async () => {
    const info = value((await call<StoreInfo>('store:info', '{}')).envelope);
    expect(info).toEqual({ dir: corpus, exists: true, mode: 'browser' });
  });

  it('reports a missing store directory as not existing', async () => {
    const gone = await startServer({
      store: new JsonlStore(join(corpus, 'nope')),
      rendererDir: renderer.root,
      cacheDir: testCacheDir(),
    });
    const res = await rawRequest(gone.port, {
      method: 'POST',
      path: '/api/store:info',
      body: '{}',
      headers: { 'content-type': 'application/json', 'x-transcripts-token': gone.token },
    });
    await gone.close();
    expect(JSON.parse(res.body)).toEqual({
      ok: true,
      value: { dir: join(corpus, 'nope'), exists: false, mode: 'browser' },
    });
  });

  it('loads transcripts and exports byte-identical to the reference', async () => {
    const id = FIXTURE_IDS.tools;
    const transcript = value(
      (await call<TranscriptPage>('sessions:transcript', JSON.stringify({ id }))).envelope,
    );
    const exported = value((await call<string>('sessions:export', JSON.stringify({ id }))).envelope);
    const golden = await readFile(join(FIXTURE_GOLDEN, `${id}.md`), 'utf8');
    expect(exported).toBe(golden);
    // What the pane draws is what the export holds, message for message.
    expect(transcript.messages.map(messageExport).join('')).toBe(golden.slice(golden.indexOf('---\n\n') + 5));
  });

  it('percent-encoded channel names work like plain ones', async () => {
    expect(value((await call<SessionList>('sessions%3Alist', '{}')).envelope).sessions).toHaveLength(9);
  });

  it('answers a missing session with 404 and a one-line error envelope', async () => {
    for (const channel of ['sessions:load', 'sessions:transcript', 'sessions:export', 'sessions:delete']) {
      const res = await call(channel, JSON.stringify({ id: 'missing-session' }));
      expect(res.status, channel).toBe(404);
      expect(res.envelope, channel).toEqual({ ok: false, error: 'session missing-session not found' });
    }
  });

  it('deletes a session file; deleting it again is a 404', async () => {
    const id = FIXTURE_IDS.plain;
    const res = await call<{ deleted: boolean; undo: string }>('sessions:delete', JSON.stringify({ id }));
    const { undo } = value(res.envelope);
    expect(value(res.envelope)).toEqual({ deleted: true, undo: expect.stringMatching(/^[0-9A-Z]{26}$/) });
    await expect(access(join(corpus, `${id}.jsonl`))).rejects.toThrow();
    const again = await call('sessions:delete', JSON.stringify({ id }));
    expect(again.status).toBe(404);
    expect(again.envelope).toEqual({ ok: false, error: `session ${id} not found` });
    // Undo puts it back, once.
    expect(value((await call('sessions:restore', JSON.stringify({ undo }))).envelope)).toEqual({ id });
    await expect(access(join(corpus, `${id}.jsonl`))).resolves.toBeUndefined();
    const twice = await call('sessions:restore', JSON.stringify({ undo }));
    expect(twice.envelope).toEqual({ ok: false, error: 'that deleted session is no longer in the trash' });
    expect((await call('sessions:restore', JSON.stringify({ undo: '../../x' }))).status).toBe(400);
  });

  it('refuses to delete a session whose lock names a live process, with 200 and an error envelope', async () => {
    const id = FIXTURE_IDS.plain;
    await writeFile(join(corpus, `${id}.lock`), String(process.pid));
    const res = await call('sessions:delete', JSON.stringify({ id }));
    expect(res.status).toBe(200);
    expect(res.envelope).toEqual({ ok: false, error: expect.stringMatching(/in use/) });
    await expect(access(join(corpus, `${id}.jsonl`))).resolves.toBeUndefined();
  });
});

describe('API refusals', () => {
  it('403 without a token or with a wrong one', async () => {
    for (const headers of [{ 'x-transcripts-token': '' }, { 'x-transcripts-token': 'f'.repeat(64) }]) {
      const res = await call('sessions:list', '{}', headers);
      expect(res.status).toBe(403);
      expect(res.body).toMatch(/^forbidden: [^\n]+\n$/);
    }
  });

  it('403 for a token in the query: API calls never carry it in the URL', async () => {
    const res = await rawRequest(server.port, {
      method: 'POST',
      path: `/api/sessions:list?token=${server.token}`,
    });
    expect(res.status).toBe(403);
  });

  it('403 for a cross-origin call even with the token', async () => {
    expect((await call('sessions:list', '{}', { origin: 'http://evil.example' })).status).toBe(403);
  });

  it('400 with a one-line envelope for bad JSON and invalid requests', async () => {
    const cases: [string, string][] = [
      ['sessions:list', '{"oops"'],
      ['sessions:list', '[]'],
      ['sessions:load', '{}'],
      ['sessions:load', JSON.stringify({ id: '../../etc/passwd' })],
      ['sessions:load', JSON.stringify({ id: 'ok', extra: 1 })],
      ['sessions:search', JSON.stringify({ query: 'a', limit: 0 })],
      ['sessions:search', JSON.stringify({ query: 'a', sort: 'size' })],
      ['annotations:set', JSON.stringify({ id: 'x', tags: ['ok', 'bad\u0007bell'] })],
      ['annotations:set', JSON.stringify({ id: 'x', name: 'a'.repeat(201) })],
      ['annotations:set', JSON.stringify({ id: 'x', starred: 'yes' })],
      ['annotations:set', JSON.stringify({ id: 'x', color: 'red' })],
    ];
    for (const [channel, body] of cases) {
      const res = await call(channel, body);
      expect(res.status, body).toBe(400);
      expect(res.envelope?.ok, body).toBe(false);
      if (res.envelope?.ok === false) expect(res.envelope.error, body).toMatch(/^[^\n]+$/);
    }
  });

  it('404 for an unknown channel, including the Electron-only ones', async () => {
    for (const channel of ['nope', 'sessions:save-as', 'store:open-folder', 'sessions:drag', '']) {
      const res = await call(channel, '{}');
      expect(res.status, channel).toBe(404);
      expect(res.envelope?.ok, channel).toBe(false);
    }
  });

  it('405 for anything but POST', async () => {
    const res = await rawRequest(server.port, {
      path: '/api/sessions:list',
      headers: { 'x-transcripts-token': server.token },
    });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('POST');
  });

  it('415 for a body that is not declared JSON, even with the cookie and no Origin', async () => {
    const id = FIXTURE_IDS.plain;
    const cookie = `transcripts_${server.port}=${server.token}`;
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      '',
    ]) {
      const res = await rawRequest(server.port, {
        method: 'POST',
        path: '/api/sessions:delete',
        body: JSON.stringify({ id }),
        headers: type === '' ? { cookie } : { cookie, 'content-type': type },
      });
      expect(res.status, type).toBe(415);
      expect(JSON.parse(res.body), type).toEqual({
        ok: false,
        error: 'request body must be sent as Content-Type: application/json',
      });
    }
    await expect(access(join(corpus, `${id}.jsonl`))).resolves.toBeUndefined();
    const chunked = await call('sessions:delete', JSON.stringify({ id }), {
      'content-type': 'text/plain',
      'transfer-encoding': 'chunked',
    });
    expect(chunked.status).toBe(415);
    await expect(access(join(corpus, `${id}.jsonl`))).resolves.toBeUndefined();
  });

  it('takes JSON with parameters, and a call without a body needs no Content-Type', async () => {
    const typed = await call('sessions:list', '{}', { 'content-type': 'Application/JSON; charset=utf-8' });
    expect(typed.status).toBe(200);
    const bare = await rawRequest(server.port, {
      method: 'POST',
      path: '/api/sessions:list',
      headers: { 'x-transcripts-token': server.token },
    });
    expect(bare.status).toBe(200);
    expect(value(JSON.parse(bare.body) as Envelope<SessionList>).sessions).toHaveLength(9);
  });

  it('413 for a body over 1 MB, whether announced or streamed', async () => {
    const big = JSON.stringify({ query: 'x'.repeat(MAX_BODY_BYTES) });
    const announced = await call('sessions:search', big);
    expect(announced.status).toBe(413);
    expect(announced.envelope).toEqual({
      ok: false,
      error: `request body is larger than ${MAX_BODY_BYTES} bytes`,
    });
    const streamed = await call('sessions:search', big, { 'transfer-encoding': 'chunked' });
    expect(streamed.status).toBe(413);
  });

  it('413, not a reset, for a client that sends its whole oversized body before reading', async () => {
    for (const framing of ['chunked', 'length'] as const) {
      const answer = await sendAllThenRead(server.port, server.token, framing, 8 * MAX_BODY_BYTES);
      expect(answer.error, framing).toBeUndefined();
      expect(answer.head, framing).toMatch(/^HTTP\/1\.1 413 /);
      expect(answer.head, framing).toMatch(/\r\nconnection: close\r\n/i);
      expect(answer.body, framing).toBe(
        JSON.stringify({ ok: false, error: `request body is larger than ${MAX_BODY_BYTES} bytes` }),
      );
    }
  });
});

/** Sends a POST with a `size`-byte body over a raw socket without reading anything until the
 * whole body is written (as simple clients do), then reads the answer to the end. */
function sendAllThenRead(
  port: number,
  token: string,
  framing: 'chunked' | 'length',
  size: number,
): Promise<{ head: string; body: string; error?: string }> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.pause();
    const received: Buffer[] = [];
    const finish = (error?: string) => {
      const text = Buffer.concat(received).toString('utf8');
      const split = text.indexOf('\r\n\r\n');
      resolve({ head: text.slice(0, split + 2), body: text.slice(split + 4), error });
    };
    socket.on('error', (e: NodeJS.ErrnoException) => finish(e.code ?? e.message));
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    socket.on('end', () => finish());
    const framingHeader = framing === 'chunked' ? 'Transfer-Encoding: chunked' : `Content-Length: ${size}`;
    socket.write(
      `POST /api/sessions:search HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n` +
        `Content-Type: application/json\r\nX-Transcripts-Token: ${token}\r\n${framingHeader}\r\n\r\n`,
    );
    const piece = Buffer.alloc(64 * 1024, 'x');
    let sent = 0;
    const pump = () => {
      while (sent < size) {
        sent += piece.length;
        const data =
          framing === 'chunked'
            ? Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n')])
            : piece;
        if (!socket.write(data)) return void socket.once('drain', pump);
      }
      socket.write(framing === 'chunked' ? '0\r\n\r\n' : '', () => socket.resume());
    };
    pump();
  });
}
