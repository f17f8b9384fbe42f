// Index progress for the app, thinned out: one report per 100 ms at most, the latest one held back
// until its turn (so the last always arrives), a change of state at once.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PROGRESS_EVERY_MS, throttledProgress } from '../../src/core/search/progress-throttle';
import type { IndexProgress } from '../../src/shared/types';

afterEach(() => {
  vi.useRealTimers();
});

const indexing = (done: number): IndexProgress => ({ state: 'indexing', done, total: 1000 });

describe('throttledProgress', () => {
  it('sends one report per interval, the latest of those held back, and a change of state at once', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const sent: IndexProgress[] = [];
    const report = throttledProgress((p) => sent.push(p));
    for (let done = 0; done < 50; done++) report(indexing(done));
    expect(sent).toEqual([indexing(0)]);
    vi.advanceTimersByTime(PROGRESS_EVERY_MS);
    expect(sent).toEqual([indexing(0), indexing(49)]);
    vi.advanceTimersByTime(PROGRESS_EVERY_MS * 5);
    expect(sent).toHaveLength(2); // nothing new to send
    report(indexing(50));
    report(indexing(51));
    report({ state: 'ready', done: 1000, total: 1000 });
    vi.advanceTimersByTime(PROGRESS_EVERY_MS * 5);
    expect(sent.slice(2)).toEqual([indexing(50), { state: 'ready', done: 1000, total: 1000 }]);
  });
});
