import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { oneLine } from './format';
import { escapeForOneLine, escapeForTerminal, terminalSafeJson } from './terminal-safe';

// Every character a terminal acts on, one of each kind the escaping covers.
const UNSAFE =
  '\u0000\u0007\u0008\u000b\u000c\r\u001b\u007f\u0080\u009b\u009d\u009f\u061c\u200e\u200f\u202a\u202e\u2066\u2069';

// A raw terminal-acting character: C0 but tab and newline, DEL, C1, bidi controls.
// eslint-disable-next-line no-control-regex -- control characters are exactly what it looks for
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe('escapeForTerminal', () => {
  it('writes escape sequences as visible text', () => {
    expect(escapeForTerminal('a\u001b]52;c;eA==\u0007b\u001b[2J\u001b[8mc')).toBe(
      'a\\x1b]52;c;eA==\\x07b\\x1b[2J\\x1b[8mc',
    );
    expect(escapeForTerminal('\u009b2J \u009d0;t\u009c \u007f \r')).toBe('\\x9b2J \\x9d0;t\\x9c \\x7f \\x0d');
  });

  it('shows bidi overrides, isolates and marks instead of obeying them', () => {
    expect(escapeForTerminal('Normal \u202egnp.exe \u2066x\u2069\u200f')).toBe(
      'Normal \\u202egnp.exe \\u2066x\\u2069\\u200f',
    );
  });

  it('leaves newlines, tabs, Unicode text and emoji as they are', () => {
    const text = 'line 1\n\tindented 你好 мир مرحبا שלום 👩\u200d💻 é\n';
    expect(escapeForTerminal(text)).toBe(text);
  });

  it('leaves nothing raw, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(RAW.test(escapeForTerminal(text))).toBe(false);
      }),
    );
    expect(RAW.test(escapeForTerminal(UNSAFE))).toBe(false);
  });

  it('escapes a text split anywhere to the same pieces, so a stream can be escaped chunk by chunk', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.nat(), (text, at) => {
        const cut = at % (text.length + 1);
        expect(escapeForTerminal(text.slice(0, cut)) + escapeForTerminal(text.slice(cut))).toBe(
          escapeForTerminal(text),
        );
      }),
    );
  });
});

describe('escapeForOneLine and oneLine', () => {
  it('turns line breaks into spaces and escapes the rest', () => {
    expect(escapeForOneLine('a\nb\tc\r\nd\u2028e\u001b[2Jf\u202e')).toBe('a b c  d e\\x1b[2Jf\\u202e');
  });

  it('cuts after escaping, so no raw character survives a cut', () => {
    const cell = oneLine(`title \u001b]0;x\u0007 ${'long '.repeat(20)}`, 20);
    expect(cell).toBe('title \\x1b]0;x\\x07 …');
    expect(RAW.test(cell)).toBe(false);
  });
});

describe('terminalSafeJson', () => {
  it('keeps the JSON value and leaves no DEL, C1 or bidi character raw', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: 'binary' }), (value, text) => {
        const json = terminalSafeJson(JSON.stringify({ value, text }, null, 2));
        expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify({ value, text })));
        expect(RAW.test(json)).toBe(false);
      }),
    );
    expect(terminalSafeJson(JSON.stringify('\u202e\u009b\u007f\\\u007f'))).toBe(
      '"\\u202e\\u009b\\u007f\\\\\\u007f"',
    );
  });
});
