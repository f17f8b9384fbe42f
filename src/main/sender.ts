// Who may call main over IPC: only the main frame of our own window, showing our renderer.
// A stray frame, another webContents or a page that navigated elsewhere gets "forbidden sender".
import type { WebContents, WebFrameMain } from 'electron';

/** What the check needs from an IPC event (IpcMainEvent and IpcMainInvokeEvent both fit). */
export interface SenderEvent {
  sender: WebContents;
  senderFrame: WebFrameMain | null;
}

/** The one-line error every handler returns to an untrusted sender. */
export const FORBIDDEN_SENDER = 'forbidden sender';

/** True when `event` comes from the main frame of `ourContents` (our window) showing a renderer page. */
export function isTrustedSender(
  event: SenderEvent,
  ourContents: WebContents | null,
  isRendererPage: (url: string) => boolean,
): boolean {
  const frame = event.senderFrame;
  if (ourContents === null || event.sender !== ourContents || frame === null) return false;
  const main = ourContents.mainFrame;
  // Frame objects are compared by their ids: a frame can be wrapped by more than one object.
  const isMainFrame =
    frame.parent === null && frame.processId === main.processId && frame.routingId === main.routingId;
  return isMainFrame && isRendererPage(frame.url);
}
