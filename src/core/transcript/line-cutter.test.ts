// The line cutter: long strings keep a head that never splits an escape or a character, the rest
// is where it says in the line, short strings and structure pass as they are, whatever the chunks.
import { describe, expect, it } from 'vitest';
import { LineCutter, decodeStringContent, safeEnd } from './line-cutter';

function cut(line: string, head: number, chunk: number) {
  const bytes = Buffer.from(line, 'utf8');
  const cutter = new LineCutter(head);
  for (let at = 0; at < bytes.length; at += chunk) cutter.feed(bytes.subarray(at, at + chunk), at);
  return { bytes, shrunk: cutter.finish().toString('utf8'), cuts: cutter.cuts };
}

// Text with every kind of character that makes cutting hard: escapes, \u escapes (surrogates too),
// two-, three- and four-byte UTF-8.
function tricky(length: number, seed: number): string {
  const parts = ['a', '\n', '"', '\\', 'é', '€', '😀', '\u0001', '}', ']', ',', '{'];
  let text = '';
  let x = seed;
  while (text.length < length) {
    x = (x * 1103515245 + 12345) % 2147483648;
    text += parts[x % parts.length];
  }
  return text;
}

describe('LineCutter', () => {
  it('keeps short strings and the structure as they are', () => {
    const line = JSON.stringify({ type: 'message', n: [1, 2, { k: 'v' }], t: true, s: 'short' });
    const { shrunk, cuts } = cut(line, 64, 7);
    expect(shrunk).toBe(line);
    expect(cuts).toEqual([]);
  });

  it.each([1, 3, 64, 4096])('cuts long strings to a head, the rest where it says (chunks of %i)', (chunk) => {
    for (let seed = 1; seed <= 20; seed++) {
      const output = tricky(400 + seed * 37, seed);
      const input = { command: tricky(300, seed + 100), short: 'x' };
      const record = {
        type: 'message',
        message: {
          role: 'user',
          content: [
            { type: 'text', text: 'hi' },
            { type: 'tool_result', output },
          ],
        },
        input,
      };
      const { bytes, shrunk, cuts } = cut(JSON.stringify(record), 100, chunk);
      const parsed = JSON.parse(shrunk);
      const head: string = parsed.message.content[1].output;
      expect(Buffer.byteLength(JSON.stringify(head)) - 2).toBeLessThanOrEqual(100);
      expect(output.startsWith(head)).toBe(true);
      expect(parsed.message.content[0].text).toBe('hi');
      expect(parsed.input.short).toBe('x');
      expect(cuts.map((c) => c.path)).toEqual([
        ['message', 'content', 1, 'output'],
        ['input', 'command'],
      ]);
      const [outCut] = cuts;
      expect(decodeStringContent(bytes.subarray(outCut!.start, outCut!.end))).toBe(output);
      expect(head + decodeStringContent(bytes.subarray(outCut!.next, outCut!.end))).toBe(output);
    }
  });

  it('follows array indexes and keys that hold escapes and brackets', () => {
    const line = JSON.stringify({ 'a"{[,': [0, 'x', ['y'.repeat(50)]] });
    const { cuts } = cut(line, 10, 5);
    expect(cuts.map((c) => c.path)).toEqual([['a"{[,', 2, 0]]);
  });

  it('leaves a line with an unterminated string invalid', () => {
    const { shrunk } = cut(`{"a":"${'x'.repeat(100)}`, 10, 9);
    expect(() => JSON.parse(shrunk)).toThrow();
  });
});

describe('safeEnd', () => {
  it('never ends inside an escape or a UTF-8 sequence', () => {
    const raw = Buffer.from(JSON.stringify('a\\n\u00e9\u{1F600}\u0001').slice(1, -1), 'utf8');
    for (let max = 0; max <= raw.length; max++) {
      const end = safeEnd(raw, max);
      expect(end).toBeLessThanOrEqual(max);
      const text = decodeStringContent(raw.subarray(0, end));
      expect(text).not.toContain('\ufffd');
      expect(decodeStringContent(raw).startsWith(text)).toBe(true);
    }
  });
});
