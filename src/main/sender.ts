// Who may call main over IPC: only the main frame of our own window, showing our renderer.
// A stray frame, another webContents or a page that navigated elsewhere gets "forbidden sender".
import type { WebContents, WebFrameMain } from 'electron';
import type { RendererLocation } from './renderer-location';

/** What the check needs from an IPC event (IpcMainEvent and IpcMainInvokeEvent both fit). */
export interface SenderEvent {
  sender: WebContents;
  senderFrame: WebFrameMain | null;
}

/** The one-line error every handler returns to an untrusted sender. */
export const FORBIDDEN_SENDER = 'forbidden sender';

/** True when `event` comes from the main frame of `ourContents` (our window) showing a renderer
 * page of our origin (app://transcripts, or the dev server under `npm run dev`). */
export function isTrustedSender(
  event: SenderEvent,
  ourContents: WebContents | null,
  renderer: Pick<RendererLocation, 'origin' | 'isRendererPage'>,
): boolean {
  const frame = event.senderFrame;
  if (ourContents === null || event.sender !== ourContents || frame === null) return false;
  const main = ourContents.mainFrame;
  // Frame objects are compared by their ids: a frame can be wrapped by more than one object.
  const isMainFrame =
    frame.parent === null && frame.processId === main.processId && frame.routingId === main.routingId;
  // Both must be ours: a sandboxed document at our URL has an opaque ("null") origin.
  return isMainFrame && frame.origin === renderer.origin && renderer.isRendererPage(frame.url);
}
