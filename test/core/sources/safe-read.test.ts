// Whole-file reads into reused buffers: each file's bytes are exactly its own, whatever was read
// before into the same buffer, and at most the size given (a file that grows is read up to it).
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forEachLine, withRegularFile, withWholeFile } from '../../../src/core/sources/safe-read';
import { tempDir } from '../../support/fixtures';

const bytesOf = (path: string) =>
  withRegularFile(path, ({ fd, stats }) => withWholeFile(fd, stats.size, (b) => Buffer.from(b)));

describe('withWholeFile', () => {
  it("gives each file its own bytes, though the buffer is reused (a short file after a long one's)", async () => {
    const dir = tempDir();
    const long = join(dir, 'long.jsonl');
    const short = join(dir, 'short.jsonl');
    writeFileSync(long, 'x'.repeat(300_000) + '\n');
    writeFileSync(short, '{"a":1}\n');
    expect((await bytesOf(long)).length).toBe(300_001);
    expect((await bytesOf(short)).toString()).toBe('{"a":1}\n');
    // Read at once: no two reads share a buffer.
    const both = await Promise.all([bytesOf(long), bytesOf(short), bytesOf(long), bytesOf(short)]);
    expect(both.map((b) => b.length)).toEqual([300_001, 8, 300_001, 8]);
    expect(both[1]!.toString()).toBe('{"a":1}\n');
    expect(both[0]!.every((c, i) => c === (i === 300_000 ? 10 : 120))).toBe(true);
  });

  it('reads no further than the size given', async () => {
    const path = join(tempDir(), 's.jsonl');
    writeFileSync(path, 'one\n');
    const got = await withRegularFile(path, ({ fd, stats }) => {
      appendFileSync(path, 'two\n');
      return withWholeFile(fd, stats.size, (b) => b.toString());
    });
    expect(got).toBe('one\n');
  });
});

describe('forEachLine', () => {
  it('gives each line without its newline, and says whether a newline ended it', () => {
    const seen: [string, boolean][] = [];
    const bytes = Buffer.from('a\n\nbc\nd');
    forEachLine(bytes, (from, to, terminated) => seen.push([bytes.toString('utf8', from, to), terminated]));
    expect(seen).toEqual([
      ['a', true],
      ['', true],
      ['bc', true],
      ['d', false],
    ]);
  });
});
