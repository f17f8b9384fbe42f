import { describe, expect, it } from 'vitest';
import { summary } from '../../test-support/transcripts';
import { anchoredScrollTop, rowInView, sameOrder } from './scroll-anchor';

const rows = (...ids: string[]) => ids.map((id) => summary(id));

describe('anchoredScrollTop', () => {
  const before = rows('a', 'b', 'c', 'd', 'e');

  it('keeps the top row in place when sessions appear or vanish above it', () => {
    // Scrolled 10 px into row "c" (index 2 of 64 px rows).
    expect(anchoredScrollTop(138, 64, before, rows('new1', 'new2', 'a', 'b', 'c', 'd', 'e'))).toBe(266);
    expect(anchoredScrollTop(138, 64, before, rows('b', 'c', 'd', 'e'))).toBe(74);
  });

  it('leaves the offset alone at the very top, for changes below, and when the top row vanished', () => {
    expect(anchoredScrollTop(0, 64, before, rows('new', 'a', 'b', 'c', 'd', 'e'))).toBe(0);
    expect(anchoredScrollTop(138, 64, before, rows('a', 'b', 'c', 'e'))).toBe(138);
    expect(anchoredScrollTop(138, 64, before, rows('a', 'b', 'd', 'e'))).toBe(138);
  });
});

describe('sameOrder', () => {
  it('tells a change of facts (nothing moves) from a change of rows or order', () => {
    expect(sameOrder(rows('a', 'b'), rows('a', 'b'))).toBe(true);
    expect(sameOrder(rows('a', 'b'), rows('b', 'a'))).toBe(false);
    expect(sameOrder(rows('a', 'b'), rows('a', 'b', 'c'))).toBe(false);
    expect(sameOrder(rows('a', 'b'), rows('a', 'c'))).toBe(false);
  });
});

describe('rowInView', () => {
  it('is true only for a row wholly inside the box, and false while the box is unknown', () => {
    // A 200 px box scrolled to 100, rows of 50 px: rows 2 and 3 are wholly in view.
    expect(rowInView(100, 200, 50, 2)).toBe(true);
    expect(rowInView(100, 200, 50, 5)).toBe(true);
    expect(rowInView(100, 200, 50, 1)).toBe(false);
    expect(rowInView(110, 200, 50, 2)).toBe(false);
    expect(rowInView(100, 200, 50, 6)).toBe(false);
    expect(rowInView(null, 200, 50, 2)).toBe(false);
    expect(rowInView(0, undefined, 50, 0)).toBe(false);
    expect(rowInView(0, 0, 50, 0)).toBe(false);
  });
});
