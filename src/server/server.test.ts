// The server's guards: token, Host/Origin, static files confined to the renderer, headers, binding.
import { networkInterfaces } from 'node:os';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JsonlStore } from '../core/store';
import type { FakeRenderer } from '../../e2e/support/fake-renderer';
import { rawRequest } from '../../e2e/support/http-request';
import {
  startTestServer,
  stopTestServer,
  testCacheDir,
  type TestServer,
} from '../../test/support/test-server';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import { SERVER_TIMEOUTS, startServer, type RunningServer, type ServerTimeouts } from './server';

let corpus: string;
let renderer: FakeRenderer;
let server: RunningServer;

let running: TestServer;

beforeAll(async () => {
  running = await startTestServer();
  ({ corpus, renderer, server } = running);
});

afterAll(() => stopTestServer(running));

const get = (path: string, headers: Record<string, string> = {}) =>
  rawRequest(server.port, { path, headers });
const cookie = () => ({ cookie: `transcripts_${server.port}=${server.token}` });

describe('startServer', () => {
  it('prints a 127.0.0.1 URL carrying a fresh 32-byte hex token', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token).toMatch(/^[0-9a-f]{64}$/);
    const other = await startServer({
      store: new JsonlStore(corpus),
      rendererDir: renderer.root,
      cacheDir: testCacheDir(),
    });
    expect(other.token).not.toBe(server.token);
    expect(other.port).not.toBe(server.port);
    await other.close();
  });

  it('refuses a malformed token option', async () => {
    await expect(
      startServer({
        store: new JsonlStore(corpus),
        rendererDir: renderer.root,
        cacheDir: testCacheDir(),
        token: 'short',
      }),
    ).rejects.toThrow(/token must be/);
  });

  it('listens on the loopback address only', async () => {
    const external = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a !== undefined && a.family === 'IPv4' && !a.internal)
      .map((a) => a!.address);
    for (const address of [...external, '::1']) {
      const outcome = await new Promise<string>((resolve) => {
        const socket = connect({ host: address, port: server.port });
        socket.once('connect', () => (socket.destroy(), resolve('connected')));
        socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
      });
      expect(outcome, address).not.toBe('connected');
    }
    expect((await get(`/?token=${server.token}`)).status).toBe(200);
  });
});

describe('token', () => {
  it('serves the index for the right query token and sets the session cookie', async () => {
    const res = await get(`/?token=${server.token}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('<div id="root">');
    expect(res.headers['set-cookie']).toEqual([
      `transcripts_${server.port}=${server.token}; HttpOnly; SameSite=Strict; Path=/`,
    ]);
  });

  it('refuses the index with a missing or wrong token, in one line', async () => {
    for (const path of [
      '/',
      '/index.html',
      `/?token=${'0'.repeat(64)}`,
      `/?token=${server.token.slice(1)}`,
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(403);
      expect(res.body, path).toMatch(/^forbidden: [^\n]+\n$/);
      expect(res.headers['set-cookie'], path).toBeUndefined();
    }
  });

  it('serves assets for the cookie or header but not a bare request or a query token', async () => {
    expect((await get('/assets/app.js', cookie())).status).toBe(200);
    expect((await get('/assets/app.js', { 'x-transcripts-token': server.token })).status).toBe(200);
    expect((await get('/assets/app.js')).status).toBe(403);
    expect((await get(`/assets/app.js?token=${server.token}`)).status).toBe(403);
    expect((await get('/assets/app.js', { cookie: `transcripts_${server.port}=nope` })).status).toBe(403);
  });

  it('names the cookie after the port, so two servers on one host keep a cookie each', async () => {
    const other = await startServer({
      store: new JsonlStore(corpus),
      rendererDir: renderer.root,
      cacheDir: testCacheDir(),
    });
    try {
      const first = await rawRequest(other.port, { path: `/?token=${other.token}` });
      expect(first.headers['set-cookie']).toEqual([
        `transcripts_${other.port}=${other.token}; HttpOnly; SameSite=Strict; Path=/`,
      ]);
      // A browser sends both cookies to both ports; each server reads its own.
      const both = {
        cookie: `transcripts_${server.port}=${server.token}; transcripts_${other.port}=${other.token}`,
      };
      expect((await get('/assets/app.js', both)).status).toBe(200);
      expect((await rawRequest(other.port, { path: '/assets/app.js', headers: both })).status).toBe(200);
      // The other server's cookie is no key to this one.
      const foreign = { cookie: `transcripts_${other.port}=${server.token}` };
      expect((await get('/assets/app.js', foreign)).status).toBe(403);
      expect((await get('/assets/app.js', { cookie: `transcripts_token=${server.token}` })).status).toBe(403);
    } finally {
      await other.close();
    }
  });

  it('accepts the index on the cookie alone (a reload after the first visit)', async () => {
    const res = await get('/', cookie());
    expect(res.status).toBe(200);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('says 403 before revealing whether a path exists', async () => {
    expect((await get('/no-such-file.js')).status).toBe(403);
    expect((await get('/no-such-file.js', cookie())).status).toBe(404);
  });
});

describe('Host and Origin', () => {
  const withToken = `/?token=`;

  it('accepts 127.0.0.1 and localhost on the server port', async () => {
    for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`, `LOCALHOST:${server.port}`]) {
      expect((await get(withToken + server.token, { host })).status, host).toBe(200);
    }
  });

  it('refuses foreign, portless or missing Host headers even with the token', async () => {
    for (const host of [
      'evil.example',
      `evil.example:${server.port}`,
      '127.0.0.1',
      `127.0.0.1:${server.port + 1}`,
    ]) {
      const res = await get(withToken + server.token, { host });
      expect(res.status, host).toBe(403);
      expect(res.body).toMatch(/^forbidden: [^\n]+\n$/);
    }
    const missing = await rawRequest(server.port, { path: withToken + server.token, omitHost: true });
    expect(missing.status).toBe(403);
  });

  it('accepts its own Origin and refuses any other', async () => {
    for (const origin of [`http://127.0.0.1:${server.port}`, `http://localhost:${server.port}`]) {
      expect((await get(withToken + server.token, { origin })).status, origin).toBe(200);
    }
    for (const origin of [
      'http://evil.example',
      'null',
      `https://127.0.0.1:${server.port}`,
      'http://127.0.0.1',
    ]) {
      expect((await get(withToken + server.token, { origin })).status, origin).toBe(403);
    }
  });
});

describe('static files', () => {
  it('serves renderer files with their content types and security headers', async () => {
    const js = await get('/assets/app.js', cookie());
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.body).toBe('console.log("app");');
    const css = await get('/assets/app.css', cookie());
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    for (const res of [js, css, await get(`/?token=${server.token}`)]) {
      expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('uses the exact CSP the renderer is built for', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
        "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it('never serves anything outside the renderer directory', async () => {
    const attempts = [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/..%5c..%5csecret.txt',
      '/assets/link.txt',
      '/assets/%00app.js',
      '/%E0%A4%A',
      '/assets',
      '//etc/passwd',
    ];
    for (const path of attempts) {
      const res = await get(path, cookie());
      expect([400, 404], path).toContain(res.status);
      expect(res.body, path).not.toContain(renderer.secret);
    }
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await rawRequest(server.port, { method: 'HEAD', path: '/assets/app.js', headers: cookie() });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    const put = await rawRequest(server.port, { method: 'PUT', path: '/assets/app.js', headers: cookie() });
    expect(put.status).toBe(405);
  });
});

describe('slow clients', () => {
  const short: ServerTimeouts = { headersMs: 300, requestMs: 800, keepAliveMs: 300 };

  /** Opens a socket to `port`, writes `text`, and resolves with what came back and after how long
   * the server closed the connection. */
  function trickle(port: number, text: string, more?: { every: number; bytes: string }) {
    return new Promise<{ answer: string; closedAfterMs: number }>((resolve) => {
      const started = Date.now();
      const socket = connect({ host: '127.0.0.1', port });
      let answer = '';
      const timer = more && setInterval(() => socket.writable && socket.write(more.bytes), more.every);
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (answer += chunk));
      socket.on('error', () => undefined);
      socket.on('close', () => {
        clearInterval(timer);
        resolve({ answer, closedAfterMs: Date.now() - started });
      });
      socket.write(text);
    });
  }

  it('cuts off a client that sends its headers too slowly, or its body, or idles between requests', async () => {
    const slow = await startServer({
      store: new JsonlStore(corpus),
      rendererDir: renderer.root,
      cacheDir: testCacheDir(),
      timeouts: short,
    });
    try {
      const host = `Host: 127.0.0.1:${slow.port}\r\n`;
      // Headers never finished, one more header byte every 100 ms.
      const headers = await trickle(slow.port, `GET /?token=${slow.token} HTTP/1.1\r\n${host}X-Slow: `, {
        every: 100,
        bytes: 'a',
      });
      expect(headers.answer).toMatch(/^HTTP\/1\.1 408 /);
      expect(headers.closedAfterMs).toBeLessThan(3000);
      // Headers complete, the body trickles in a byte every 100 ms.
      const body = await trickle(
        slow.port,
        `POST /api/sessions:list HTTP/1.1\r\n${host}X-Transcripts-Token: ${slow.token}\r\n` +
          `Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{`,
        { every: 100, bytes: ' ' },
      );
      expect(body.closedAfterMs).toBeGreaterThanOrEqual(short.requestMs - 100);
      expect(body.closedAfterMs).toBeLessThan(4000);
      expect(body.answer).toMatch(/^HTTP\/1\.1 408 /);
      // A finished request, then nothing: the kept-alive connection is closed.
      const idle = await trickle(slow.port, `GET /?token=${slow.token} HTTP/1.1\r\n${host}\r\n`);
      expect(idle.answer).toMatch(/^HTTP\/1\.1 200 /);
      expect(idle.closedAfterMs).toBeLessThan(3000);
    } finally {
      await slow.close();
    }
  });

  it('keeps an event stream open past every timeout', async () => {
    const slow = await startServer({
      store: new JsonlStore(corpus),
      rendererDir: renderer.root,
      cacheDir: testCacheDir(),
      timeouts: short,
      heartbeatMs: 100,
    });
    try {
      const socket = connect({ host: '127.0.0.1', port: slow.port });
      let text = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (text += chunk));
      socket.write(`GET /events?token=${slow.token} HTTP/1.1\r\nHost: 127.0.0.1:${slow.port}\r\n\r\n`);
      await new Promise((resolve) => setTimeout(resolve, 3 * short.requestMs));
      const before = text.split(': heartbeat').length;
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(text).toMatch(/^HTTP\/1\.1 200 /);
      expect(socket.destroyed).toBe(false);
      expect(text.split(': heartbeat').length).toBeGreaterThan(before);
      socket.destroy();
    } finally {
      await slow.close();
    }
  });

  it('runs with the documented timeouts by default: headers are cut off after 10 s', async () => {
    expect(SERVER_TIMEOUTS).toEqual({ headersMs: 10_000, requestMs: 30_000, keepAliveMs: 5_000 });
    const headers = await trickle(
      server.port,
      `GET / HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nX-Slow: `,
      {
        every: 500,
        bytes: 'a',
      },
    );
    expect(headers.answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(headers.closedAfterMs).toBeGreaterThanOrEqual(SERVER_TIMEOUTS.headersMs - 100);
    expect(headers.closedAfterMs).toBeLessThan(SERVER_TIMEOUTS.headersMs + 3000);
  });
});
