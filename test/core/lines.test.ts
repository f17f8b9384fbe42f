// forEachLine: lines across the reader's 1 MiB chunks come out whole and in order, with their
// offsets; a visitor that throws ends the read with its error (the read ahead lands first).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forEachLine } from '../../src/core/lines';
import { tempDir } from '../support/fixtures';

describe('forEachLine', () => {
  it('gives every line of a multi-chunk file whole, in order, with its offset', async () => {
    const lines = Array.from({ length: 400 }, (_, i) => 'x'.repeat((i * 7919) % 30_000) + `#${i}`);
    lines.push('y'.repeat(2_500_000)); // one line longer than two chunks
    const path = join(tempDir(), 'many.jsonl');
    writeFileSync(path, lines.join('\n') + '\nlast without newline');
    const seen: { text: string; terminated: boolean; offset: number }[] = [];
    await forEachLine(path, (b, _n, terminated, offset) =>
      seen.push({ text: b.toString(), terminated, offset }),
    );
    const expected = [...lines, 'last without newline'];
    expect(seen.map((s) => s.text)).toEqual(expected);
    expect(seen.at(-1)!.terminated).toBe(false);
    let offset = 0;
    expected.forEach((text, i) => {
      expect(seen[i]!.offset).toBe(offset);
      offset += text.length + 1;
    });
  });

  it('rejects with the visitor’s error and leaves nothing unhandled', async () => {
    const path = join(tempDir(), 'big.jsonl');
    writeFileSync(path, ('z'.repeat(1000) + '\n').repeat(5000));
    await expect(
      forEachLine(path, () => {
        throw new Error('stop here');
      }),
    ).rejects.toThrow('stop here');
  });
});
