// Day-key arithmetic of the Usage view: spans back from today, the days a bar covers.
import { describe, expect, it } from 'vitest';
import { addDays, keySeconds, periodOf, spanStart } from './usage-period';

describe('usage periods', () => {
  it('covers a day, a week from its Monday, a whole month (leap years too)', () => {
    expect(periodOf('2026-04-10', 'day')).toEqual({ from: '2026-04-10', to: '2026-04-10' });
    expect(periodOf('2026-12-28', 'week')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
    expect(periodOf('2026-02', 'month')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodOf('2028-02', 'month')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodOf('2026-12', 'month')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('starts a span the right number of local days back, today included', () => {
    const now = new Date(2026, 3, 20, 15, 0);
    expect(spanStart('30d', now)).toBe('2026-03-22');
    expect(spanStart('365d', now)).toBe('2025-04-21');
    expect(spanStart('all', now)).toBeUndefined();
  });

  it('adds days across month ends and puts bars at their first day', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(keySeconds('2026-04', 'month')).toBe(Date.UTC(2026, 3, 1) / 1000);
    expect(keySeconds('2026-04-06', 'week')).toBe(Date.UTC(2026, 3, 6) / 1000);
  });
});
