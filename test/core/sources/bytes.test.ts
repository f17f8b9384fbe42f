// The byte-level member reader against JSON.parse: every wanted scalar it reads is what a parse
// gives, whichever values were decoded before (repeated values are kept and reused: a value that
// only looks like one kept must still be decoded afresh) and whichever keys look like wanted ones.
import { describe, expect, it } from 'vitest';
import { KeySet, readWholeObject, type Scalars } from '../../../src/core/sources/bytes';

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WANTED = ['id', 'type', 'role', 'model'];
/** Keys of a wanted one's length that differ from it at the first byte, the last or between. */
const LOOKALIKES = ['xd', 'ix', 'tYpe', 'typf', 'xype', 'rolf', 'Role', 'modex', 'mOdel'];
/** Characters of values: some that decoding treats apart (quote, backslash, non-ASCII). */
const CHARS = ['a', 'b', 'X', 'Y', 'c', '_', '-', '0', '"', '\\', 'é', '\n', ' ', '😀'];

function value(next: () => number): unknown {
  const r = next();
  if (r < 0.1) return Math.floor(next() * 1e6);
  if (r < 0.15) return next() < 0.5;
  if (r < 0.2) return null;
  if (r < 0.25) return { nested: 'x', n: [1, 2] };
  if (r < 0.3) return [{ type: 'inner' }];
  // Mostly short strings of one length that share their first, middle and last characters.
  if (r < 0.75) return `a${CHARS[Math.floor(next() * 5)]}b${CHARS[Math.floor(next() * 5)]}c`;
  const n = Math.floor(next() * 60);
  return Array.from({ length: n }, () => CHARS[Math.floor(next() * CHARS.length)]).join('');
}

describe('readWholeObject', () => {
  it('reads what JSON.parse reads, for repeated, plain and look-alike keys', () => {
    const next = random(20261203);
    const wanted = new KeySet(['id'], { repeated: ['type', 'role', 'model'] });
    for (let n = 0; n < 3000; n++) {
      const names = [...WANTED, ...LOOKALIKES].filter(() => next() < 0.6);
      const object = Object.fromEntries(names.map((k) => [k, value(next)]));
      const text = JSON.stringify(object, null, next() < 0.2 ? 1 : undefined);
      const out: Scalars = {};
      expect(readWholeObject(Buffer.from(text), 0, Buffer.byteLength(text), wanted, out)).toBe(true);
      const present = WANTED.filter((k) => k in object);
      expect(Object.keys(out).sort(), text).toEqual(present.sort());
      for (const k of present) {
        const v = object[k];
        // Objects and arrays are stepped over: their place is what is read.
        if (typeof v === 'object' && v !== null) expect(typeof out[k], text).toBe('number');
        else expect(out[k], text).toBe(v);
      }
    }
  });
});
