// Sender checks: only our window's main frame, showing our renderer, may call main.
import { describe, expect, it } from 'vitest';
import type { WebContents, WebFrameMain } from 'electron';
import { isTrustedSender } from './sender';
import { rendererLocation } from './renderer-location';

const PAGE = 'file:///app/out/renderer/index.html';
const { isRendererPage } = rendererLocation('/app/out/renderer', undefined);

function frame(
  fields: { url?: string; parent?: unknown; processId?: number; routingId?: number } = {},
): WebFrameMain {
  return { url: PAGE, parent: null, processId: 4, routingId: 1, ...fields } as unknown as WebFrameMain;
}

function contents(mainFrame: WebFrameMain = frame()): WebContents {
  return { mainFrame } as unknown as WebContents;
}

describe('isTrustedSender', () => {
  const ours = contents();

  it('trusts the main frame of our window at our page, with or without a hash', () => {
    expect(isTrustedSender({ sender: ours, senderFrame: frame() }, ours, isRendererPage)).toBe(true);
    expect(
      isTrustedSender(
        { sender: ours, senderFrame: frame({ url: `${PAGE}#session=a` }) },
        ours,
        isRendererPage,
      ),
    ).toBe(true);
  });

  it('rejects another webContents even when it shows our page', () => {
    const foreign = contents();
    expect(isTrustedSender({ sender: foreign, senderFrame: foreign.mainFrame }, ours, isRendererPage)).toBe(
      false,
    );
  });

  it('rejects a subframe of our window', () => {
    const sub = frame({ parent: ours.mainFrame, routingId: 7 });
    expect(isTrustedSender({ sender: ours, senderFrame: sub }, ours, isRendererPage)).toBe(false);
  });

  it('rejects our main frame after it navigated to an unexpected URL', () => {
    for (const url of ['https://evil.example/', 'file:///tmp/evil.html', 'about:blank']) {
      expect(isTrustedSender({ sender: ours, senderFrame: frame({ url }) }, ours, isRendererPage)).toBe(
        false,
      );
    }
  });

  it('rejects a destroyed frame and calls before the window exists', () => {
    expect(isTrustedSender({ sender: ours, senderFrame: null }, ours, isRendererPage)).toBe(false);
    expect(isTrustedSender({ sender: ours, senderFrame: frame() }, null, isRendererPage)).toBe(false);
  });
});
