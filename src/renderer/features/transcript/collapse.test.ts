import { describe, expect, it } from 'vitest';
import { COLLAPSE_BYTES, COLLAPSE_LINES, planCollapse, showAllLabel } from './collapse';

const lines = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}`).join('\n');

describe('planCollapse', () => {
  it('keeps up to 30 lines whole and collapses from 31', () => {
    expect(planCollapse(lines(COLLAPSE_LINES))).toEqual({ lines: 30, collapsed: false, preview: lines(30) });
    const plan = planCollapse(lines(31));
    expect(plan).toMatchObject({ lines: 31, collapsed: true });
    expect(plan.preview).toBe(lines(30));
  });

  it('does not count a final newline as a line', () => {
    expect(planCollapse(`${lines(30)}\n`).collapsed).toBe(false);
    expect(planCollapse('').lines).toBe(1);
  });

  it('collapses over 4 KB of UTF-8, counting multi-byte characters as bytes', () => {
    expect(planCollapse('a'.repeat(COLLAPSE_BYTES)).collapsed).toBe(false);
    expect(planCollapse('a'.repeat(COLLAPSE_BYTES + 1)).collapsed).toBe(true);
    // 2,000 three-byte characters: 6,000 bytes in 2,000 UTF-16 units.
    expect(planCollapse('€'.repeat(2000)).collapsed).toBe(true);
    expect(planCollapse('€'.repeat(1365)).collapsed).toBe(false);
  });

  it('caps a one-line preview at 4 KB without splitting a surrogate pair', () => {
    const text = `${'a'.repeat(COLLAPSE_BYTES - 1)}😀${'b'.repeat(100)}`;
    const plan = planCollapse(text);
    expect(plan.collapsed).toBe(true);
    expect(plan.preview).toBe('a'.repeat(COLLAPSE_BYTES - 1));
  });

  it('handles multi-megabyte outputs without trouble', () => {
    const big = `${'x'.repeat(99)}\n`.repeat(50_000);
    const plan = planCollapse(big);
    expect(plan.lines).toBe(50_000);
    expect(plan.preview.split('\n')).toHaveLength(30);
  });
});

describe('showAllLabel', () => {
  it('names the full line count', () => {
    expect(showAllLabel(1234)).toBe('Show all (1,234 lines)');
    expect(showAllLabel(1)).toBe('Show all (1 line)');
  });
});
