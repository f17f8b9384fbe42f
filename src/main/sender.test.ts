// Sender checks: only our window's main frame, showing our renderer at the app:// origin, may call main.
import { describe, expect, it } from 'vitest';
import type { WebContents, WebFrameMain } from 'electron';
import { isTrustedSender } from './sender';
import { rendererLocation } from './renderer-location';

const PAGE = 'app://transcripts/index.html';
const renderer = rendererLocation(undefined);

function frame(
  fields: { url?: string; origin?: string; parent?: unknown; processId?: number; routingId?: number } = {},
): WebFrameMain {
  const defaults = { url: PAGE, origin: 'app://transcripts', parent: null, processId: 4, routingId: 1 };
  return { ...defaults, ...fields } as unknown as WebFrameMain;
}

function contents(mainFrame: WebFrameMain = frame()): WebContents {
  return { mainFrame } as unknown as WebContents;
}

describe('isTrustedSender', () => {
  const ours = contents();

  it('trusts the main frame of our window at our page, with or without a hash', () => {
    expect(isTrustedSender({ sender: ours, senderFrame: frame() }, ours, renderer)).toBe(true);
    expect(
      isTrustedSender({ sender: ours, senderFrame: frame({ url: `${PAGE}#session=a` }) }, ours, renderer),
    ).toBe(true);
  });

  it('rejects another webContents even when it shows our page', () => {
    const foreign = contents();
    expect(isTrustedSender({ sender: foreign, senderFrame: foreign.mainFrame }, ours, renderer)).toBe(false);
  });

  it('rejects a subframe of our window', () => {
    const sub = frame({ parent: ours.mainFrame, routingId: 7 });
    expect(isTrustedSender({ sender: ours, senderFrame: sub }, ours, renderer)).toBe(false);
  });

  it('rejects our main frame after it navigated to an unexpected URL', () => {
    const urls = ['https://evil.example/', 'file:///tmp/evil.html', 'file:///app/out/renderer/index.html'];
    for (const url of [...urls, 'about:blank', 'app://transcripts/other.html']) {
      expect(isTrustedSender({ sender: ours, senderFrame: frame({ url }) }, ours, renderer)).toBe(false);
    }
  });

  it('rejects our page when its document has another origin', () => {
    for (const origin of ['null', 'file://', 'https://evil.example', 'app://evil']) {
      expect(isTrustedSender({ sender: ours, senderFrame: frame({ origin }) }, ours, renderer)).toBe(false);
    }
  });

  it('trusts the dev server page only at the dev server origin', () => {
    const dev = rendererLocation('http://localhost:5173');
    const url = 'http://localhost:5173/';
    const at = (origin: string) => frame({ url, origin });
    expect(isTrustedSender({ sender: ours, senderFrame: at('http://localhost:5173') }, ours, dev)).toBe(true);
    expect(isTrustedSender({ sender: ours, senderFrame: at('app://transcripts') }, ours, dev)).toBe(false);
    expect(isTrustedSender({ sender: ours, senderFrame: frame() }, ours, dev)).toBe(false);
  });

  it('rejects a destroyed frame and calls before the window exists', () => {
    expect(isTrustedSender({ sender: ours, senderFrame: null }, ours, renderer)).toBe(false);
    expect(isTrustedSender({ sender: ours, senderFrame: frame() }, null, renderer)).toBe(false);
  });
});
