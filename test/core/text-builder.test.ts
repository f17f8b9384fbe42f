// The export's text builder joins its parts every MB or so: the text must be every part, in order,
// across those joins.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextBuilder } from '../../src/core/text-builder';

describe('TextBuilder', () => {
  it('is the concatenation of every part, across chunk joins', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), fc.nat(700_000))), (specs) => {
        const parts = specs.map(([s, n]) => s + 'x'.repeat(n % 3 === 0 ? n : 0));
        const b = new TextBuilder();
        for (const p of parts) b.append(p);
        expect(b.text()).toBe(parts.join(''));
      }),
      { numRuns: 40 },
    );
  });
});
