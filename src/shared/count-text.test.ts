import { describe, expect, it } from 'vitest';
import { countText } from './count-text';

describe('countText', () => {
  it('writes whole numbers as toLocaleString("en-US") does', () => {
    for (const n of [0, 1, 12, 999, 1000, 10_001, 123_456, 1_234_567, -1, -1234, -999_999, 2 ** 53 - 1])
      expect(countText(n)).toBe(n.toLocaleString('en-US'));
  });

  it('leaves other numbers to toLocaleString', () => {
    for (const n of [1.5, -0.25, 1234.5678, 2 ** 60, Infinity, NaN])
      expect(countText(n)).toBe(n.toLocaleString('en-US'));
  });
});
