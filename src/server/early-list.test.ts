import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Handlers } from '../shared/dispatch';
import type { SessionsChanged } from '../shared/contract';
import type { SessionList } from '../shared/types';
import { KEEP_MS, withEarlyList } from './early-list';

/** Handlers whose list answers with how many lists were made so far. */
function counting() {
  let lists = 0;
  const handlers = {
    'sessions:list': () => Promise.resolve({ sessions: [], unreadable: ++lists } satisfies SessionList),
  } as unknown as Handlers;
  const listeners: ((change: SessionsChanged) => void)[] = [];
  const live = {
    onSessionsChanged: (listener: (change: SessionsChanged) => void) => {
      listeners.push(listener);
      return () => void listeners.splice(listeners.indexOf(listener), 1);
    },
  };
  const early = withEarlyList(handlers, live);
  const list = async () => (await early.handlers['sessions:list']({})).unreadable;
  return { early, list, changed: () => listeners.forEach((l) => l({} as SessionsChanged)), listeners };
}

describe('withEarlyList', () => {
  afterEach(() => vi.useRealTimers());

  it('gives the list started for the page to its first list call only', async () => {
    const { early, list } = counting();
    early.startList();
    expect(await list()).toBe(1);
    expect(await list()).toBe(2);
  });

  it('lists anew when nothing was started', async () => {
    const { list } = counting();
    expect(await list()).toBe(1);
  });

  it('drops the started list when the folder changes meanwhile', async () => {
    const { early, list, changed } = counting();
    early.startList();
    changed();
    expect(await list()).toBe(2);
  });

  it('drops the started list once it waited KEEP_MS', async () => {
    vi.useFakeTimers();
    const { early, list } = counting();
    early.startList();
    vi.advanceTimersByTime(KEEP_MS);
    expect(await list()).toBe(2);
  });

  it('stops listening to changes when closed', () => {
    const { early, listeners } = counting();
    early.close();
    expect(listeners).toHaveLength(0);
  });
});
