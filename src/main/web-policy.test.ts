// Session policy: remote requests cancelled, strict CSP on every response, permissions denied.
import { describe, expect, it, vi } from 'vitest';
import type { Session } from 'electron';
import { rendererLocation } from './renderer-location';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import { applyWebPolicy } from './web-policy';

type Listener = (
  details: Record<string, unknown>,
  callback: (response: Record<string, unknown>) => void,
) => void;

/** A stand-in for Electron's Session that keeps the handlers it is given. */
function fakeSession() {
  const got: {
    beforeRequest?: Listener;
    headersReceived?: Listener;
    request?: (
      contents: unknown,
      permission: string,
      cb: (granted: boolean) => void,
      details: unknown,
    ) => void;
    check?: (contents: unknown, permission: string, origin: string, details: unknown) => boolean;
  } = {};
  const session = {
    webRequest: {
      onBeforeRequest: vi.fn((l: Listener) => (got.beforeRequest = l)),
      onHeadersReceived: vi.fn((l: Listener) => (got.headersReceived = l)),
    },
    setPermissionRequestHandler: vi.fn((h: typeof got.request) => (got.request = h)),
    setPermissionCheckHandler: vi.fn((h: typeof got.check) => (got.check = h)),
  };
  return { session: session as unknown as Session, got };
}

const PAGE = 'app://transcripts/index.html';

function installed(devServer?: string) {
  const { session, got } = fakeSession();
  applyWebPolicy(session, rendererLocation(devServer));
  const run = (listener: Listener | undefined, details: Record<string, unknown>) => {
    let response: Record<string, unknown> | undefined;
    listener?.(details, (r) => (response = r));
    return response;
  };
  return {
    beforeRequest: (url: string) => run(got.beforeRequest, { url }),
    headersReceived: (url: string, responseHeaders: Record<string, string[]>) =>
      run(got.headersReceived, { url, responseHeaders })?.responseHeaders as Record<string, string[]>,
    request: (permission: string, requestingUrl = PAGE, isMainFrame = true) => {
      let granted: boolean | undefined;
      got.request?.({}, permission, (g) => (granted = g), { requestingUrl, isMainFrame });
      return granted;
    },
    check: (permission: string, requestingUrl = PAGE, isMainFrame = true) =>
      got.check?.({}, permission, 'app://transcripts', { requestingUrl, isMainFrame }),
  };
}

describe('applyWebPolicy', () => {
  it('cancels remote requests and lets the renderer load its own files', () => {
    const policy = installed();
    expect(policy.beforeRequest('https://evil.example/pixel.png')).toEqual({ cancel: true });
    expect(policy.beforeRequest('http://127.0.0.1:1234/')).toEqual({ cancel: true });
    expect(policy.beforeRequest('file:///etc/passwd')).toEqual({ cancel: true });
    expect(policy.beforeRequest('file:///app/out/renderer/index.html')).toEqual({ cancel: true });
    expect(policy.beforeRequest('app://evil/index.html')).toEqual({ cancel: true });
    expect(policy.beforeRequest(PAGE)).toEqual({ cancel: false });
    expect(policy.beforeRequest('app://transcripts/assets/app.js')).toEqual({ cancel: false });
  });

  it('replaces any CSP with the strict one and keeps other headers', () => {
    const headers = installed().headersReceived(PAGE, {
      'content-security-policy': ["default-src *; script-src 'unsafe-eval'"],
      'Content-Type': ['text/html'],
    });
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(headers['content-security-policy']).toBeUndefined();
    expect(headers['Content-Type']).toEqual(['text/html']);
    expect(headers['X-Content-Type-Options']).toEqual(['nosniff']);
  });

  it('sends the policy the protocol specifies', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
        "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it('allows inline scripts and styles only for the dev server, whose hot reload needs them', () => {
    const dev = installed('http://localhost:5173').headersReceived('http://localhost:5173/', {});
    expect(dev['Content-Security-Policy']?.[0]).toContain("script-src 'self' 'unsafe-inline';");
    expect(dev['Content-Security-Policy']?.[0]).toContain("style-src 'self' 'unsafe-inline';");
    expect(dev['Content-Security-Policy']?.[0]).toContain("default-src 'none'");
    const production = installed().headersReceived(PAGE, {})['Content-Security-Policy']?.[0];
    expect(production).not.toContain('unsafe-inline');
  });

  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'openExternal',
    'fullscreen',
    'unknown',
  ])('denies %s on request and on check', (permission) => {
    const policy = installed();
    expect(policy.request(permission)).toBe(false);
    expect(policy.check(permission)).toBe(false);
  });

  it('grants clipboard writing to our page only (Copy Markdown)', () => {
    const policy = installed();
    expect(policy.request('clipboard-sanitized-write')).toBe(true);
    expect(policy.check('clipboard-sanitized-write')).toBe(true);
    expect(policy.request('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(policy.check('clipboard-sanitized-write', PAGE, false)).toBe(false);
    expect(policy.request('clipboard-sanitized-write', 'file:///app/out/renderer/index.html')).toBe(false);
    expect(policy.check('clipboard-sanitized-write', 'app://evil/index.html')).toBe(false);
  });
});
