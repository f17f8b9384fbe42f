// IPC handler registration. Every channel checks its sender first and validates its arguments at
// run time, then answers with an Envelope so the renderer gets a one-line error, never a stack.
import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron';
import { errorLine, type Envelope } from '../shared/api';
import { CHANNELS, DRAG_CHANNEL, type ElectronChannel, type ElectronContract } from '../shared/contract';
import { validateElectronRequest } from '../shared/validate-request';
import { isValidId } from '../shared/ids';
import { dispatch, type Handlers } from '../shared/dispatch';
import { FORBIDDEN_SENDER, type SenderEvent } from './sender';

/** What the handlers need from the rest of main. */
export interface IpcDeps {
  /** True when the event comes from our renderer (see sender.ts). */
  isTrusted: (event: SenderEvent) => boolean;
  /** The handlers of the store currently open (the folder can change while the app runs). */
  handlers: () => Handlers;
  saveAs: (
    request: ElectronContract['sessions:save-as']['request'],
  ) => Promise<ElectronContract['sessions:save-as']['response']>;
  saveZip: (
    request: ElectronContract['sessions:save-zip']['request'],
  ) => Promise<ElectronContract['sessions:save-zip']['response']>;
  openFolder: () => Promise<ElectronContract['store:open-folder']['response']>;
  /** Starts drag-out of session `id` from `sender`. */
  drag: (sender: WebContents, id: string) => Promise<unknown>;
  /** Where drag-out failures go: the drag channel has no reply to carry them. */
  reportError: (message: string) => void;
}

const forbidden: Envelope<never> = { ok: false, error: FORBIDDEN_SENDER };

/** Registers every shared channel, the Electron-only channels and the drag channel on `ipcMain`. */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle' | 'on'>, deps: IpcDeps): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, raw: unknown) =>
      deps.isTrusted(event) ? dispatch(deps.handlers(), channel, raw) : forbidden,
    );
  }

  handleElectron(ipcMain, deps, 'sessions:save-as', (request) => deps.saveAs(request));
  handleElectron(ipcMain, deps, 'sessions:save-zip', (request) => deps.saveZip(request));
  handleElectron(ipcMain, deps, 'store:open-folder', () => deps.openFolder());

  ipcMain.on(DRAG_CHANNEL, (event: IpcMainEvent, raw: unknown) => {
    if (!deps.isTrusted(event)) return deps.reportError(`drag-out: ${FORBIDDEN_SENDER}`);
    const id = dragRequestId(raw);
    if (id === null) return deps.reportError('drag-out: request must be {id} with a valid session id');
    deps.drag(event.sender, id).catch((error: unknown) => deps.reportError(`drag-out: ${errorLine(error)}`));
  });
}

/** Registers one Electron-only channel with the same sender check, validation and envelope. */
function handleElectron<C extends ElectronChannel>(
  ipcMain: Pick<IpcMain, 'handle'>,
  deps: IpcDeps,
  channel: C,
  run: (request: ElectronContract[C]['request']) => Promise<ElectronContract[C]['response']>,
): void {
  ipcMain.handle(channel, async (event: IpcMainInvokeEvent, raw: unknown) => {
    if (!deps.isTrusted(event)) return forbidden;
    try {
      return { ok: true, value: await run(validateElectronRequest(channel, raw)) };
    } catch (error) {
      return { ok: false, error: errorLine(error) };
    }
  });
}

/** The id of a drag request `{ id }`, or null when the request is anything else. */
function dragRequestId(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const keys = Object.keys(raw);
  if (keys.length !== 1 || keys[0] !== 'id') return null;
  const id: unknown = (raw as { id: unknown }).id;
  return isValidId(id) ? id : null;
}
