// Preload and main joined by an in-memory IPC (structured clone both ways, like Electron's): every
// window.api method reaches the real store through registerIpc and comes back unwrapped.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcMain, NativeImage } from 'electron';
import { fullPage } from '../core/transcript/full-page';
import { JsonlStore } from '../core/store';
import { corpusCopy, fixtureIds, tempDir } from '../../test/support/fixtures';
import { createApi, type Api } from '../shared/electron-api';
import { DragFolder, startDragOut } from './drag';
import { registerIpc } from './ipc';
import { tempSearch } from '../../test/support/search';
import { OpenStore } from './open-store';
import { unzipSync } from 'fflate';
import { renderSession } from '../core/export/export-session';
import { saveSessionAs } from './save-as';
import { saveZipAs } from './save-zip';

type Handler = (event: unknown, ...args: unknown[]) => unknown;

const TOOLS = '20261124-135052-d23db7e55539ac33';

function connect(dir: string) {
  const handlers = new Map<string, Handler>();
  const sender = { startDrag: vi.fn() };
  const event = { sender, senderFrame: {} };
  const ipcMain = {
    handle: (channel: string, h: Handler) => handlers.set(channel, h),
    on: (channel: string, h: Handler) => handlers.set(channel, h),
  };
  const store = new OpenStore(dir, { makeSearch: tempSearch, dataDir: tempDir() });
  const folder = new DragFolder(tempDir());
  const saveDir = tempDir();
  registerIpc(ipcMain as unknown as Pick<IpcMain, 'handle' | 'on'>, {
    isTrusted: (e) => e === (event as unknown),
    handlers: () => store.handlers(),
    saveZip: ({ ids, format, redact }) =>
      saveZipAs(store.store(), async (name) => join(saveDir, name), ids, {
        format: format ?? 'md',
        redact: redact ?? null,
      }),
    saveAs: ({ id, format, redact }) =>
      saveSessionAs(store.store(), async (name) => join(saveDir, name), id, {
        format: format ?? 'md',
        redact: redact ?? null,
      }),
    openFolder: async () => null,
    drag: (s, id) => startDragOut(store.store(), folder, s, {} as NativeImage, id),
    reportError: (message) => {
      throw new Error(message);
    },
  });
  const api: Api = createApi({
    invoke: async (channel, ...args) =>
      structuredClone(await handlers.get(channel)?.(event, ...args.map((a) => structuredClone(a)))),
    send: (channel, ...args) => void handlers.get(channel)?.(event, ...args.map((a) => structuredClone(a))),
    on: () => undefined,
    removeListener: () => undefined,
  });
  return { api, sender, store: new JsonlStore(dir), open: store };
}

describe('window.api over IPC to the real store', () => {
  let dir: string;
  beforeEach(() => {
    dir = corpusCopy();
  });

  it('lists, loads, opens, exports and searches', async () => {
    const { api, store, open } = connect(dir);
    expect(await api.storeInfo({})).toEqual({ dir, exists: true, mode: 'electron' });
    expect((await api.listSessions({})).sessions.map((s) => s.id).sort()).toEqual(fixtureIds().sort());
    expect(await api.loadSession({ id: TOOLS })).toEqual(await store.load(TOOLS));
    const { version: _version, ...page } = await api.openTranscript({ id: TOOLS });
    const { version: _full, ...whole } = fullPage(await store.load(TOOLS));
    expect(page).toEqual(whole);
    expect(await api.exportSession({ id: TOOLS })).toBe(await store.exportMarkdown(TOOLS));
    const { title } = await store.load(TOOLS);
    await open.search().refresh();
    const results = await api.searchSessions({ query: title, pageSize: 5 });
    expect(results.groups.some((g) => g.id === TOOLS)).toBe(true);
    expect(await api.searchMatches({ id: TOOLS, query: 'permission' })).toEqual([2]);
  });

  it('rejects with the one-line error for a bad or unknown id', async () => {
    const { api } = connect(dir);
    await expect(api.loadSession({ id: '../../etc/passwd' })).rejects.toThrow(/^id must be/);
    await expect(api.exportSession({ id: 'no-such-session' })).rejects.toThrow(
      'session no-such-session not found',
    );
  });

  it('deletes a session, and puts it back', async () => {
    const { api } = connect(dir);
    const { deleted, undo } = await api.deleteSession({ id: TOOLS });
    expect(deleted).toBe(true);
    expect((await api.listSessions({})).sessions.map((s) => s.id)).not.toContain(TOOLS);
    await expect(api.restoreSession({ undo })).resolves.toEqual({ id: TOOLS });
    expect((await api.listSessions({})).sessions.map((s) => s.id)).toContain(TOOLS);
  });

  it('saves and drags out the exact export', async () => {
    const { api, store, sender } = connect(dir);
    const { path } = await api.saveAs({ id: TOOLS });
    expect(readFileSync(path ?? '', 'utf8')).toBe(await store.exportMarkdown(TOOLS));
    const html = await api.saveAs({ id: TOOLS, format: 'html' });
    expect(html.path?.endsWith('.html')).toBe(true);
    expect(readFileSync(html.path ?? '', 'utf8')).toBe(renderSession(await store.load(TOOLS), 'html'));
    const zip = await api.saveZip({ ids: [TOOLS, TOOLS], format: 'json' });
    expect(zip.path?.endsWith('sessions-1.zip')).toBe(true);
    const files = unzipSync(readFileSync(zip.path ?? ''));
    expect(Object.keys(files)).toEqual(['Tool heavy alpha.json']);
    api.startDrag(TOOLS);
    await vi.waitFor(() => expect(sender.startDrag).toHaveBeenCalledOnce());
    const [{ file }] = sender.startDrag.mock.calls[0] as [{ file: string }];
    expect(readFileSync(file, 'utf8')).toBe(await store.exportMarkdown(TOOLS));
  });
});
