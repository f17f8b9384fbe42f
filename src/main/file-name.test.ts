// Export file names from hostile titles: never a path, a device, a hidden file or too long.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownFileName } from './file-name';

const ID = '20261124-135052-b415e622ad0f2d67';

describe('markdownFileName', () => {
  it.each([
    ['Fix the login bug', 'Fix the login bug.md'],
    ['../../etc/passwd', 'etc_passwd.md'],
    ['a/b\\c', 'a_b_c.md'],
    ['.bashrc', 'bashrc.md'],
    ['report: "draft" <v2>?', 'report_ _draft_ _v2__.md'],
    ['line one\nline two\ttab', 'line one line two tab.md'],
    ['trailing dots...', 'trailing dots.md'],
    ['caf\u0065\u0301', 'caf\u00e9.md'],
    ['evil\u202egnp.md', 'evilgnp.md.md'],
  ])('%j -> %j', (title, expected) => {
    expect(markdownFileName(title, ID)).toBe(expected);
  });

  it.each(['', '   ', '...', '/', '\u0000\u0001', 'con', 'CON', 'nul.txt', 'Lpt1', 'com9 ', 'aux.'])(
    'falls back to session-<id>.md for %j',
    (title) => {
      expect(markdownFileName(title, ID)).toBe(`session-${ID}.md`);
    },
  );

  it('caps a 300-character title at 120 bytes of UTF-8 without splitting characters', () => {
    expect(markdownFileName('x'.repeat(300), ID)).toBe(`${'x'.repeat(120)}.md`);
    const emoji = markdownFileName('😀'.repeat(300), ID);
    expect(emoji).toBe(`${'😀'.repeat(30)}.md`);
  });

  it('never yields a separator, control character, leading dot or an over-long name', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (title) => {
        const name = markdownFileName(title, ID);
        expect(name.endsWith('.md')).toBe(true);
        // eslint-disable-next-line no-control-regex -- looking for control characters is the point
        expect(name).not.toMatch(/[/\\\u0000-\u001f\u007f]/);
        expect(name.startsWith('.')).toBe(false);
        expect(Buffer.byteLength(name, 'utf8')).toBeLessThanOrEqual(123);
        expect(name.slice(0, -3)).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i);
      }),
    );
  });
});
