// The search refresh waits for a run of changes to pause, but not forever, and stops when told.
import { describe, expect, it, vi } from 'vitest';
import type { SessionsChanged } from '../../shared/contract';
import { sleep } from '../../../test/support/live';
import { refreshSearchOnChanges } from './search-refresh';

function fakeLive() {
  const listeners = new Set<(c: SessionsChanged) => void>();
  return {
    onSessionsChanged: (l: (c: SessionsChanged) => void) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    change: () => listeners.forEach((l) => l({ ids: ['s'] })),
    listeners,
  };
}

describe('refreshSearchOnChanges', () => {
  it('refreshes once per pause, at least every maxWait while changes go on, never after stop', async () => {
    const live = fakeLive();
    const search = { refresh: vi.fn(() => Promise.resolve()) };
    const stop = refreshSearchOnChanges(live, search, 50, 200);
    for (let i = 0; i < 5; i++) live.change();
    await sleep(100);
    expect(search.refresh).toHaveBeenCalledOnce();

    for (let i = 0; i < 12; i++) {
      live.change();
      await sleep(30);
    }
    expect(search.refresh.mock.calls.length).toBeGreaterThanOrEqual(2);
    const before = search.refresh.mock.calls.length;
    live.change();
    stop();
    await sleep(100);
    expect(search.refresh).toHaveBeenCalledTimes(before);
    expect(live.listeners.size).toBe(0);
  });
});
