// Go time text: parsing as Go accepts it, comparing, and formatting as Go writes it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareGoTime,
  formatGoTime,
  formatToSecond,
  isZeroTime,
  parseGoTime,
} from '../../src/shared/gotime';

describe('Go times', () => {
  it.each([
    [
      '2026-03-01T10:10:10.123456789+08:00',
      { seconds: Date.UTC(2026, 2, 1, 2, 10, 10) / 1000, nanos: 123456789, offsetMinutes: 480 },
    ],
    [
      '2026-03-02T09:00:00.987-05:00',
      { seconds: Date.UTC(2026, 2, 2, 14, 0, 0) / 1000, nanos: 987000000, offsetMinutes: -300 },
    ],
    [
      '2026-04-10T08:30:00.0000005Z',
      { seconds: Date.UTC(2026, 3, 10, 8, 30, 0) / 1000, nanos: 500, offsetMinutes: 0 },
    ],
  ])('parses %s', (text, expected) => {
    expect(parseGoTime(text)).toEqual(expected);
  });

  it.each([
    '',
    '2026-03-01',
    '2026-13-01T00:00:00Z',
    '2026-03-01T24:00:00Z',
    '2026-03-01T10:10:10',
    '2026-03-01T10:10:10.Z',
    '2026-03-01T10:10:10+0800',
    '2026-03-01 10:10:10Z',
    'x026-03-01T10:10:10Z',
    '2026-03-01T10:10:10Zjunk',
  ])('refuses %j', (text) => {
    expect(parseGoTime(text)).toBeNull();
  });

  it('knows the zero time and orders by the instant, not the text', () => {
    expect(isZeroTime('0001-01-01T00:00:00Z')).toBe(true);
    expect(isZeroTime('2026-01-01T00:00:00Z')).toBe(false);
    expect(compareGoTime('2026-03-01T10:00:00+08:00', '2026-03-01T03:00:00Z')).toBeLessThan(0);
    expect(compareGoTime('2026-03-01T10:00:00.5Z', '2026-03-01T10:00:00.25Z')).toBeGreaterThan(0);
  });

  it('round-trips any instant through Go formatting, and cuts to the second in its own offset', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -62135596800 + 86400, max: 253402300799 - 86400 }),
        fc.integer({ min: 0, max: 999999999 }),
        fc.integer({ min: -23 * 60, max: 23 * 60 }),
        (seconds, nanos, offset) => {
          const text = formatGoTime(seconds, nanos, offset);
          expect(parseGoTime(text)).toEqual({ seconds, nanos, offsetMinutes: offset });
          expect(parseGoTime(formatToSecond(text))).toEqual({ seconds, nanos: 0, offsetMinutes: offset });
        },
      ),
      { numRuns: 500 },
    );
  });
});
