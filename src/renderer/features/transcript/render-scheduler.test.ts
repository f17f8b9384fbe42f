import { describe, expect, it } from 'vitest';
import { RenderScheduler } from './render-scheduler';

/** A scheduler on a fake clock (each render takes 1 ms) and a manual task queue. */
function setup(total: number, budgetMs = 3) {
  let clock = 0;
  const tasks: (() => void)[] = [];
  const done = new Set<number>();
  const slices: number[][] = [];
  const scheduler = new RenderScheduler({
    total,
    isDone: (i) => done.has(i),
    render: (i) => {
      clock += 1;
      done.add(i);
    },
    onRendered: (indices) => slices.push(indices),
    budgetMs,
    now: () => clock,
    schedule: (run) => {
      tasks.push(run);
      return () => tasks.splice(tasks.indexOf(run), 1);
    },
  });
  const runNext = () => tasks.shift()?.();
  return { scheduler, tasks, done, slices, runNext };
}

describe('RenderScheduler', () => {
  it('renders in time-boxed slices, yielding between them, until all are done', () => {
    const { scheduler, slices, runNext, tasks } = setup(8);
    scheduler.start();
    expect(slices).toEqual([]);
    runNext();
    expect(slices).toEqual([[0, 1, 2]]);
    while (tasks.length > 0) runNext();
    expect(slices).toEqual([
      [0, 1, 2],
      [3, 4, 5],
      [6, 7],
    ]);
  });

  it('renders messages near the viewport first', () => {
    const { scheduler, slices, runNext } = setup(100);
    scheduler.start();
    scheduler.prioritize(90);
    scheduler.prioritize(91);
    runNext();
    expect(slices[0]).toEqual([90, 91, 0]);
  });

  it('skips messages that are already rendered', () => {
    const { scheduler, done, slices, runNext, tasks } = setup(5);
    done.add(0).add(1).add(3);
    scheduler.prioritize(3);
    scheduler.start();
    while (tasks.length > 0) runNext();
    expect(slices).toEqual([[2, 4]]);
  });

  it('does nothing more once stopped', () => {
    const { scheduler, slices, tasks } = setup(5);
    scheduler.start();
    scheduler.stop();
    expect(tasks).toHaveLength(0);
    scheduler.prioritize(2);
    expect(tasks).toHaveLength(0);
    expect(slices).toEqual([]);
  });

  it('renders messages appended after it finished, and only those', () => {
    const { scheduler, slices, runNext, tasks } = setup(2);
    scheduler.start();
    while (tasks.length > 0) runNext();
    scheduler.prioritize(3);
    expect(tasks).toHaveLength(0);
    scheduler.grow(4);
    while (tasks.length > 0) runNext();
    expect(slices).toEqual([
      [0, 1],
      [2, 3],
    ]);
    scheduler.grow(3);
    expect(tasks).toHaveLength(0);
  });
});
