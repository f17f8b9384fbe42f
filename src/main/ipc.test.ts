// IPC registration: every channel checks the sender and validates its arguments before any store
// call, and answers with a one-line envelope.
import { describe, expect, it, vi } from 'vitest';
import type { IpcMain, WebContents } from 'electron';
import { CHANNELS, DRAG_CHANNEL } from '../shared/contract';
import type { Handlers } from '../core/service';
import { registerIpc, type IpcDeps } from './ipc';
import { FORBIDDEN_SENDER, type SenderEvent } from './sender';

type Handler = (event: unknown, raw?: unknown) => unknown;

const GOOD_ID = '20261124-135052-d23db7e55539ac33';
const trustedEvent = { sender: { id: 1 }, senderFrame: {}, trusted: true };
const foreignEvent = { sender: { id: 2 }, senderFrame: {}, trusted: false };

/** A store-less handler set whose every method records its calls. */
function fakeHandlers() {
  return {
    'store:info': vi.fn(async () => ({ dir: '/s', exists: true, mode: 'electron' as const })),
    'sessions:list': vi.fn(async () => ({ sessions: [], unreadable: 0 })),
    'sessions:load': vi.fn(async () => {
      throw new Error('session x not found\nat stack line');
    }),
    'sessions:transcript': vi.fn(async () => ({}) as never),
    'sessions:messages': vi.fn(async () => ({}) as never),
    'sessions:outline': vi.fn(async () => ({}) as never),
    'sessions:image': vi.fn(async () => ({}) as never),
    'sessions:text': vi.fn(async () => ({ text: '', next: null })),
    'sessions:export': vi.fn(async () => '# md'),
    'sessions:delete': vi.fn(async () => ({ deleted: true, undo: 'T1' })),
    'sessions:restore': vi.fn(async () => ({ id: 'x' })),
    'sessions:search': vi.fn(async () => ({
      query: '',
      groups: [],
      total_sessions: 0,
      total_hits: 0,
      capped: false,
      has_more: false,
      page: 0,
      page_size: 20,
      took_ms: 0,
      progress: { state: 'ready' as const, done: 0, total: 0 },
      partial: false,
    })),
    'search:matches': vi.fn(async () => []),
    'search:progress': vi.fn(async () => ({ state: 'ready' as const, done: 0, total: 0 })),
    'annotations:list': vi.fn(async () => ({})),
    'annotations:set': vi.fn(async () => null),
    'sessions:watch': vi.fn(async ({ id }: { id: string | null }) => ({ watching: id })),
    'sessions:redact-preview': vi.fn(async () => []),
    'usage:report': vi.fn(async () => {
      throw new Error('not used here');
    }),
  } satisfies Handlers;
}

function setup() {
  const invokeHandlers = new Map<string, Handler>();
  const onHandlers = new Map<string, Handler>();
  const ipcMain = {
    handle: vi.fn((channel: string, h: Handler) => invokeHandlers.set(channel, h)),
    on: vi.fn((channel: string, h: Handler) => onHandlers.set(channel, h)),
  };
  const handlers = fakeHandlers();
  const deps = {
    isTrusted: vi.fn((event: SenderEvent) => (event as unknown as { trusted: boolean }).trusted),
    handlers: () => handlers,
    saveAs: vi.fn(async () => ({ path: '/docs/a.md' })),
    saveZip: vi.fn(async () => ({ path: '/docs/sessions-2.zip' })),
    openFolder: vi.fn(async () => null),
    drag: vi.fn(async () => '/tmp/x/a.md'),
    reportError: vi.fn(),
  } satisfies IpcDeps;
  registerIpc(ipcMain as unknown as Pick<IpcMain, 'handle' | 'on'>, deps);
  const invoke = (channel: string, raw: unknown, event: unknown = trustedEvent) =>
    invokeHandlers.get(channel)?.(event, raw);
  const send = (raw: unknown, event: unknown = trustedEvent) => onHandlers.get(DRAG_CHANNEL)?.(event, raw);
  return { invokeHandlers, onHandlers, handlers, deps, invoke, send };
}

const storeCalls = (handlers: ReturnType<typeof fakeHandlers>) =>
  Object.values(handlers).reduce((n, fn) => n + fn.mock.calls.length, 0);

describe('registerIpc', () => {
  it('registers every shared channel, the Electron-only channels and the drag channel', () => {
    const { invokeHandlers, onHandlers } = setup();
    expect([...invokeHandlers.keys()].sort()).toEqual(
      [...CHANNELS, 'sessions:save-as', 'sessions:save-zip', 'store:open-folder'].sort(),
    );
    expect([...onHandlers.keys()]).toEqual([DRAG_CHANNEL]);
  });

  it('dispatches a valid request to the current store', async () => {
    const { invoke, handlers } = setup();
    await expect(invoke('sessions:export', { id: GOOD_ID })).resolves.toEqual({ ok: true, value: '# md' });
    expect(handlers['sessions:export']).toHaveBeenCalledExactlyOnceWith({ id: GOOD_ID });
  });

  it('returns a store error as its first line only', async () => {
    const { invoke } = setup();
    await expect(invoke('sessions:load', { id: 'x' })).resolves.toEqual({
      ok: false,
      error: 'session x not found',
    });
  });

  it.each([['../../etc/passwd'], ['-rf'], [''], ['a'.repeat(129)], [42], [null]])(
    'rejects id %j with a one-line error and no store call',
    async (id) => {
      const { invoke, handlers } = setup();
      for (const channel of [
        'sessions:load',
        'sessions:transcript',
        'sessions:export',
        'sessions:delete',
      ] as const) {
        const reply = (await invoke(channel, { id })) as { ok: boolean; error: string };
        expect(reply.ok).toBe(false);
        expect(reply.error).toMatch(/^id must be/);
        expect(reply.error).not.toContain('\n');
      }
      expect(storeCalls(handlers)).toBe(0);
    },
  );

  it.each([
    ['sessions:list', { extra: 1 }],
    ['sessions:search', { query: 7 }],
    ['sessions:search', { query: 'x', limit: -1 }],
    ['sessions:watch', { id: GOOD_ID, known: -1 }],
    ['sessions:watch', { id: GOOD_ID, known: 1.5 }],
    ['sessions:load', 'just-a-string'],
    ['sessions:load', { id: GOOD_ID, path: '/etc' }],
  ])('rejects malformed %s request %j without calling the store', async (channel, raw) => {
    const { invoke, handlers } = setup();
    const reply = (await invoke(channel, raw)) as { ok: boolean };
    expect(reply.ok).toBe(false);
    expect(storeCalls(handlers)).toBe(0);
  });

  it('answers "forbidden sender" on every channel to an untrusted sender, touching nothing', async () => {
    const { invokeHandlers, invoke, handlers, deps } = setup();
    for (const channel of invokeHandlers.keys()) {
      expect(await invoke(channel, { id: GOOD_ID }, foreignEvent)).toEqual({
        ok: false,
        error: FORBIDDEN_SENDER,
      });
    }
    expect(storeCalls(handlers)).toBe(0);
    expect(deps.saveAs).not.toHaveBeenCalled();
    expect(deps.openFolder).not.toHaveBeenCalled();
  });

  it('validates save-as and open-folder requests', async () => {
    const { invoke, deps } = setup();
    await expect(invoke('sessions:save-as', { id: GOOD_ID })).resolves.toEqual({
      ok: true,
      value: { path: '/docs/a.md' },
    });
    expect(deps.saveAs).toHaveBeenCalledExactlyOnceWith({ id: GOOD_ID });
    const bad = (await invoke('sessions:save-as', { id: '../x' })) as { ok: boolean };
    expect(bad.ok).toBe(false);
    await expect(invoke('sessions:save-zip', { ids: [GOOD_ID, GOOD_ID], format: 'html' })).resolves.toEqual({
      ok: true,
      value: { path: '/docs/sessions-2.zip' },
    });
    expect(deps.saveZip).toHaveBeenCalledExactlyOnceWith({ ids: [GOOD_ID, GOOD_ID], format: 'html' });
    for (const ids of [[], ['../x'], 'a,b', Array.from({ length: 501 }, () => GOOD_ID)])
      expect(await invoke('sessions:save-zip', { ids })).toMatchObject({ ok: false });
    const badFormat = await invoke('sessions:save-as', { id: GOOD_ID, format: 'exe' });
    expect(badFormat).toEqual({ ok: false, error: 'format must be one of md, html, json' });
    expect((await invoke('store:open-folder', { dir: '/etc' })) as { ok: boolean }).toMatchObject({
      ok: false,
    });
    expect(deps.saveAs).toHaveBeenCalledOnce();
    expect(deps.openFolder).not.toHaveBeenCalled();
    await expect(invoke('store:open-folder', {})).resolves.toEqual({ ok: true, value: null });
  });

  it('turns a save-as failure into a one-line error', async () => {
    const { invoke, deps } = setup();
    deps.saveAs.mockRejectedValueOnce(new Error('EACCES: permission denied\n    at write'));
    await expect(invoke('sessions:save-as', { id: GOOD_ID })).resolves.toEqual({
      ok: false,
      error: 'EACCES: permission denied',
    });
  });

  it('starts a drag for a valid id from a trusted sender', () => {
    const { send, deps } = setup();
    send({ id: GOOD_ID });
    expect(deps.drag).toHaveBeenCalledExactlyOnceWith(trustedEvent.sender as unknown as WebContents, GOOD_ID);
  });

  it.each([[{ id: '../../etc/passwd' }], [{ id: GOOD_ID, name: 'x.md' }], [GOOD_ID], [null], [[GOOD_ID]]])(
    'ignores drag request %j and reports it',
    (raw) => {
      const { send, deps } = setup();
      send(raw);
      expect(deps.drag).not.toHaveBeenCalled();
      expect(deps.reportError).toHaveBeenCalledOnce();
    },
  );

  it('ignores a drag from an untrusted sender', () => {
    const { send, deps } = setup();
    send({ id: GOOD_ID }, foreignEvent);
    expect(deps.drag).not.toHaveBeenCalled();
    expect(deps.reportError).toHaveBeenCalledWith(`drag-out: ${FORBIDDEN_SENDER}`);
  });

  it('reports a failed drag as one line', async () => {
    const { send, deps } = setup();
    deps.drag.mockRejectedValueOnce(new Error('session missing not found'));
    send({ id: 'missing' });
    await vi.waitFor(() =>
      expect(deps.reportError).toHaveBeenCalledWith('drag-out: session missing not found'),
    );
  });
});
