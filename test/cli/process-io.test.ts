// The CLI's Io over process streams: escapes for terminals only, and stderr made on first use.
import { describe, expect, it } from 'vitest';
import { processIo, type OutStream } from '../../src/cli/process-io';

const HOSTILE = 'title \u001b]0;pwned\u0007 \u202eevil';

function stream(isTTY: boolean): OutStream & { written: string[] } {
  const written: string[] = [];
  return { isTTY, written, write: (text: string) => written.push(text) };
}

describe('processIo', () => {
  it('escapes what a terminal would act on, on stdout and stderr', () => {
    const [out, err] = [stream(true), stream(true)];
    const io = processIo(out, () => err);
    io.out(HOSTILE);
    io.err(HOSTILE);
    for (const text of [...out.written, ...err.written]) {
      expect([...text].filter((ch) => '\u001b\u0007\u202e'.includes(ch))).toEqual([]);
      expect(text).toContain('pwned');
    }
    expect(err.written[0]!.endsWith('\n')).toBe(true);
  });

  it('gives a pipe or a file the exact bytes', () => {
    const [out, err] = [stream(false), stream(false)];
    const io = processIo(out, () => err);
    io.out(HOSTILE);
    io.err(HOSTILE);
    expect(out.written).toEqual([HOSTILE]);
    expect(err.written).toEqual([HOSTILE + '\n']);
  });

  it('asks for stderr only when an error is written', () => {
    let asked = 0;
    const err = stream(false);
    const io = processIo(stream(false), () => (asked++, err));
    io.out('export text');
    expect(asked).toBe(0);
    io.err('sessions: no such session');
    expect(asked).toBe(1);
  });
});
