import { describe, expect, it } from 'vitest';
import { hitPosition } from './HitNavigator';

describe('hitPosition', () => {
  it('counts the current hit among the matching messages', () => {
    expect(hitPosition([2, 5, 9], 5)).toBe('2/3');
    expect(hitPosition([2, 5, 9], -1)).toBe('–/3');
  });

  it('says when the matches are not known yet, or when only the title matched', () => {
    expect(hitPosition(null, 5)).toBe('…');
    expect(hitPosition([], -1)).toBe('no matching messages');
  });
});
