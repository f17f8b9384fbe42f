// MainLive: what the window hears while a folder is open, which session it follows, and that a
// repoint or quit stops everything. The window is a recorded `send`; the search a counted stub,
// wired to the live store by core/backend.ts as the app wires it.
import { unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SESSION_APPENDED_EVENT, SESSIONS_CHANGED_EVENT } from '../shared/contract';
import type { SearchHandle } from '../core/search/search-handle';
import { JsonlStore } from '../core/store';
import { tempDir } from '../../test/support/fixtures';
import { appendMessage, Received, sleep, writeSession } from '../../test/support/live';
import { Trash } from '../core/app-data/trash';
import { wireBackend } from '../core/backend';
import { MainLive } from './live';

const FAST = { quietMs: 30, maxWaitMs: 100, pollMs: 50 };
const stops: (() => void)[] = [];

afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

function searchStub() {
  return {
    refresh: vi.fn(() => Promise.resolve()),
    close: () => Promise.resolve(),
  } as unknown as SearchHandle & {
    refresh: ReturnType<typeof vi.fn>;
  };
}

function setup(dir: string) {
  const sent = new Received<[string, unknown]>();
  const main = new MainLive((channel, payload) => sent.push([channel, payload]));
  const store = new JsonlStore(dir);
  const search = searchStub();
  const data = tempDir();
  const backend = wireBackend({
    store,
    search,
    mode: 'electron',
    dataDir: data,
    trash: new Trash(data),
    watcher: FAST,
  });
  const stop = main.open(store, backend.live);
  stops.push(stop, () => void backend.close());
  return { sent, main, store, search, stop };
}

const appendedTo = (id: string) => (e: [string, unknown]) =>
  e[0] === SESSION_APPENDED_EVENT && (e[1] as { id: string }).id === id;

describe('MainLive', () => {
  it('tells the window which sessions changed and refreshes the search', async () => {
    const dir = tempDir();
    const { sent, search } = setup(dir);
    await sleep(200); // the first look at the folder
    writeSession(dir, 'new');
    expect(await sent.next()).toEqual([SESSIONS_CHANGED_EVENT, { ids: ['new'] }]);
    unlinkSync(join(dir, 'new.jsonl'));
    expect(await sent.next()).toEqual([SESSIONS_CHANGED_EVENT, { ids: ['new'] }]);
    // Once at the start, then once after the changes pause: the window's update never waits on
    // the index.
    expect(search.refresh).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(search.refresh).toHaveBeenCalledTimes(2), 3000);
  });

  it('sends the followed session its appended messages until told to stop', async () => {
    const dir = tempDir();
    writeSession(dir, 'a', ['one']);
    writeSession(dir, 'b', ['one']);
    const { sent, main, store } = setup(dir);
    await main.watch(store, 'a');
    appendMessage(dir, 'a', 'two');
    const [, payload] = await sent.next(appendedTo('a'));
    expect(payload).toMatchObject({ id: 'a', from: 1, reset: false, session: { msg_count: 2 } });

    await main.watch(store, 'b');
    appendMessage(dir, 'a', 'three');
    appendMessage(dir, 'b', 'two');
    await sent.next(appendedTo('b'));
    await main.watch(store, null);
    appendMessage(dir, 'b', 'three');
    await sent.next((e) => e[0] === SESSIONS_CHANGED_EVENT && (e[1] as { ids: string[] }).ids.includes('b'));
    await sleep(100);
    expect(sent.all.filter(appendedTo('a'))).toHaveLength(1);
    expect(sent.all.filter(appendedTo('b'))).toHaveLength(1);
  });

  it('keeps only the latest of overlapping watch requests', async () => {
    const dir = tempDir();
    writeSession(dir, 'a');
    writeSession(dir, 'b');
    const { sent, main, store } = setup(dir);
    await Promise.all([main.watch(store, 'a'), main.watch(store, 'b')]);
    appendMessage(dir, 'a', 'x');
    appendMessage(dir, 'b', 'x');
    await sent.next(appendedTo('b'));
    await sleep(100);
    expect(sent.all.filter(appendedTo('a'))).toEqual([]);
  });

  it('stops watching and following when the folder is closed, and ignores its late requests', async () => {
    const dir = tempDir();
    writeSession(dir, 'a');
    const { sent, main, store, stop } = setup(dir);
    await main.watch(store, 'a');
    stop();
    await main.watch(store, 'a');
    appendMessage(dir, 'a', 'x');
    writeSession(dir, 'b');
    await sleep(200);
    expect(sent.all).toEqual([]);
  });
});
