// The one set of time helpers: the zero time is Go's (time.Time.IsZero: the instant 0001-01-01
// 00:00:00 UTC, in whatever offset it is written), for the viewer's words and the CLI's column.
import { describe, expect, it } from 'vitest';
import { isZeroTime } from './gotime';
import { absoluteTime, relativeTime } from './time';

const NOW = Date.parse('2026-03-10T12:00:00Z');

describe('the zero time', () => {
  it.each([
    ['0001-01-01T00:00:00Z', true],
    // The same instant in another offset is still Go's zero time.
    ['0000-12-31T23:00:00-01:00', true],
    ['0001-01-01T01:00:00+01:00', true],
    // The same date, but not the same instant: not zero.
    ['0001-01-01T00:00:00+01:00', false],
    ['0001-01-01T12:00:00Z', false],
    ['0001-01-01T00:00:00.000000001Z', false],
    ['2026-03-10T11:55:00Z', false],
  ])('%s is zero: %s', (text, zero) => {
    expect(isZeroTime(text)).toBe(zero);
    // The viewer shows nothing for the zero time, and a date for any other.
    expect(relativeTime(text, NOW) === '').toBe(zero);
    expect(absoluteTime(text) === '').toBe(zero);
  });

  it('is what a missing time counts as', () => {
    expect(isZeroTime(undefined)).toBe(true);
    expect(isZeroTime('')).toBe(true);
    expect(relativeTime(undefined, NOW)).toBe('');
  });
});

describe('relativeTime', () => {
  it('says how long ago in words for the viewer', () => {
    expect(relativeTime('2026-03-10T11:55:00Z', NOW)).toMatch(/5 minutes ago/);
    expect(relativeTime('2026-03-10T13:55:00+02:00', NOW)).toMatch(/5 minutes ago/);
  });

  it('says it in a few characters for a terminal column', () => {
    const at = (seconds: number) => new Date(NOW - seconds * 1000).toISOString();
    expect(relativeTime(at(30), NOW, 'short')).toBe('just now');
    expect(relativeTime(at(5 * 60), NOW, 'short')).toBe('5m ago');
    expect(relativeTime(at(3 * 3600), NOW, 'short')).toBe('3h ago');
    expect(relativeTime(at(30 * 3600), NOW, 'short')).toBe('yesterday');
    expect(relativeTime(at(4 * 86400), NOW, 'short')).toBe('4d ago');
    expect(relativeTime('2025-01-02T03:04:05Z', NOW, 'short')).toBe('2025-01-02');
  });
});
