// Window options and webContents hardening: isolation on, navigation and new windows refused,
// only clicked http(s) links handed to the user's browser.
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { HandlerDetails, WebContents } from 'electron';
import { hardenWebContents, isWebUrl, mainWindowOptions } from './window';

describe('mainWindowOptions', () => {
  it('isolates and sandboxes the renderer with our preload', () => {
    const prefs = mainWindowOptions('/app/out/preload/index.cjs').webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});

/** A webContents stand-in: an EventEmitter that keeps the window-open handler. */
function fakeContents() {
  const contents = new EventEmitter() as EventEmitter & {
    openHandler?: (details: HandlerDetails) => { action: string };
    setWindowOpenHandler: (h: (details: HandlerDetails) => { action: string }) => void;
  };
  contents.setWindowOpenHandler = (h) => (contents.openHandler = h);
  const openExternal = vi.fn();
  hardenWebContents(contents as unknown as WebContents, openExternal);
  return { contents, openExternal };
}

function openDetails(url: string, overrides: Partial<HandlerDetails> = {}): HandlerDetails {
  return {
    url,
    frameName: '',
    features: '',
    disposition: 'foreground-tab',
    referrer: { url: '', policy: 'no-referrer' },
    ...overrides,
  };
}

/** Emits a cancellable event the way Electron does and reports whether it was prevented. */
function emitPreventable(
  contents: EventEmitter,
  name: string,
  fields: Record<string, unknown> = {},
): boolean {
  const event = { ...fields, preventDefault: vi.fn() };
  contents.emit(name, event);
  return event.preventDefault.mock.calls.length > 0;
}

describe('hardenWebContents', () => {
  it('denies every new window and opens a clicked https link externally', () => {
    const { contents, openExternal } = fakeContents();
    expect(contents.openHandler?.(openDetails('https://example.com/docs'))).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledExactlyOnceWith('https://example.com/docs');
  });

  it.each([
    ['javascript: link', openDetails('javascript:alert(1)')],
    ['file: link', openDetails('file:///etc/passwd')],
    [
      'window.open with features',
      openDetails('https://evil.example/', { features: 'width=200', disposition: 'new-window' }),
    ],
    ['form post', openDetails('https://evil.example/', { postBody: { data: [], contentType: 'x' } })],
  ])('denies a %s without opening anything', (_name, details) => {
    const { contents, openExternal } = fakeContents();
    expect(contents.openHandler?.(details)).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('prevents navigation and hands http(s) targets to the browser', () => {
    const { contents, openExternal } = fakeContents();
    expect(
      emitPreventable(contents, 'will-navigate', { url: 'https://evil.example/', isMainFrame: true }),
    ).toBe(true);
    expect(openExternal).toHaveBeenCalledExactlyOnceWith('https://evil.example/');
    expect(emitPreventable(contents, 'will-navigate', { url: 'file:///etc/passwd', isMainFrame: true })).toBe(
      true,
    );
    expect(openExternal).toHaveBeenCalledOnce();
  });

  it('refuses to attach a <webview>', () => {
    const { contents } = fakeContents();
    expect(emitPreventable(contents, 'will-attach-webview')).toBe(true);
  });
});

describe('isWebUrl', () => {
  it.each([
    ['https://a.example/', true],
    ['http://a.example/', true],
    ['javascript:alert(1)', false],
    ['file:///x', false],
    ['mailto:a@b.c', false],
    ['nonsense', false],
  ])('%s -> %s', (url, expected) => {
    expect(isWebUrl(url)).toBe(expected);
  });
});
