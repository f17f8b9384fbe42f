// The app:// handler: serves out/renderer only (no traversal, no symlink out, no other host),
// with the right content types and the CSP on every response.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/support/fixtures';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import { APP_ORIGIN, APP_SCHEME_PRIVILEGES, rendererProtocolHandler } from './app-protocol';

let handle: (request: Request) => Promise<Response>;

beforeAll(() => {
  // <root>/secret.txt beside <root>/renderer: what a traversal would be after.
  const root = tempDir('transcripts-app-protocol-');
  const renderer = join(root, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log("app");');
  writeFileSync(join(renderer, 'assets', 'app.css'), 'body{}');
  writeFileSync(join(renderer, 'assets', 'blob.xyz'), 'bytes');
  writeFileSync(join(root, 'secret.txt'), 'secret');
  symlinkSync(join(root, 'secret.txt'), join(renderer, 'assets', 'link.txt'));
  handle = rendererProtocolHandler(renderer);
});

function get(path: string, init?: RequestInit): Promise<Response> {
  return handle(new Request(`${APP_ORIGIN}${path}`, init));
}

describe('rendererProtocolHandler', () => {
  it.each([
    ['/index.html', 'text/html; charset=utf-8', '<!doctype html><title>t</title>'],
    ['/assets/app.js', 'text/javascript; charset=utf-8', 'console.log("app");'],
    ['/assets/app.css', 'text/css; charset=utf-8', 'body{}'],
    ['/assets/blob.xyz', 'application/octet-stream', 'bytes'],
  ])('serves %s as %s with the CSP', async (path, type, body) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe(body);
  });

  it('answers HEAD with the headers alone', async () => {
    const res = await get('/index.html', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toBe('');
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..%2Fsecret.txt',
    '/assets%2F..%2F..%2Fsecret.txt',
    '/..%5Csecret.txt',
    '/assets/link.txt',
    '/index.html%00.js',
    '/%E0%A4%A',
    '/assets/',
    '/',
    '/missing.js',
  ])('refuses %j with 404 and the CSP', async (path) => {
    const res = await get(path);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await res.text()).toBe('not found\n');
  });

  it('serves no other host of the scheme', async () => {
    const res = await handle(new Request('app://evil/index.html'));
    expect(res.status).toBe(404);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const res = await get('/index.html', { method: 'POST', body: 'x' });
    expect(res.status).toBe(405);
  });
});

describe('APP_SCHEME_PRIVILEGES', () => {
  it('registers app as a standard, secure scheme that other origins cannot read and CSP governs', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    });
  });
});
