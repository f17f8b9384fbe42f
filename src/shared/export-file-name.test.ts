// Export file names from hostile titles: never a path, a device, a hidden file, a hidden
// direction change, a DownloadURL separator, or longer than 120 bytes of UTF-8 before ".md".
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportFileName, truncateUtf8, utf8Length } from './export-file-name';

const ID = '20261124-135052-b415e622ad0f2d67';
const FALLBACK = `session-${ID}.md`;
const bytes = (text: string) => new TextEncoder().encode(text).length;

describe('exportFileName', () => {
  it.each([
    ['Fix the login bug', 'Fix the login bug.md'],
    ['éé café 東京 שלום', 'éé café 東京 שלום.md'],
    ['caf\u0065\u0301', 'caf\u00e9.md'],
    ['../../etc/passwd', 'etc_passwd.md'],
    ['a/b\\c', 'a_b_c.md'],
    ['C:\\Windows\\x', 'C__Windows_x.md'],
    ['report: "draft" <v2>?*|', 'report_ _draft_ _v2____.md'],
    ['<img src=x onerror=alert(1)> title', 'img src=x onerror=alert(1)_ title.md'],
    ['.bashrc', 'bashrc.md'],
    [' ..hidden. ', 'hidden.md'],
    ['trailing dots...', 'trailing dots.md'],
    ['line one\nline two\ttab  \u00a0 end', 'line one line two tab end.md'],
    ['bell\u0007 esc\u001b del\u007f c1\u0085\u009b', 'bell_ esc_ del_ c1__.md'],
    ['lone \ud800 surrogate \udfff', 'lone _ surrogate _.md'],
  ])('%j -> %j', (title, expected) => {
    expect(exportFileName(title, ID)).toBe(expected);
  });

  it('ends in the extension asked for, the fallback and device names included', () => {
    expect(exportFileName('Fix the login bug', ID, 'html')).toBe('Fix the login bug.html');
    expect(exportFileName('Fix', ID, 'json')).toBe('Fix.json');
    expect(exportFileName('x'.repeat(300), ID, 'zip')).toBe(`${'x'.repeat(120)}.zip`);
    expect(exportFileName('', ID, 'html')).toBe(`session-${ID}.html`);
    expect(exportFileName('CON', ID, 'json')).toBe(`session-${ID}.json`);
  });

  it('removes bidi controls and zero-width characters instead of obeying them', () => {
    expect(exportFileName('Normal \u202Egnp.exe', ID)).toBe('Normal gnp.exe.md');
    expect(exportFileName('a\u200bb\u200c\u200dc\u2060d\ufeffe', ID)).toBe('abcde.md');
    expect(exportFileName('\u202b\u2066\u200f\u061c x \u2069\u202c', ID)).toBe('x.md');
    // A removed control cannot smuggle a leading dot past the check.
    expect(exportFileName('\u202e.secret', ID)).toBe('secret.md');
    // Hangul fillers and other blank letters render as nothing either.
    expect(exportFileName('a\u3164b\u115fc', ID)).toBe('abc.md');
  });

  it.each([
    '',
    '   ',
    '...',
    '/',
    '\u0000\u0001',
    '\u202e\u200b',
    'con',
    'CON',
    'Con.md',
    'nul.txt',
    'nul .txt',
    'Lpt1',
    'lpt¹',
    'COM²',
    'com³.tar.gz',
    'com9 ',
    'COM0',
    'aux.',
    'prn...',
    'CONIN$',
    'conout$.log',
    '\u202econ',
  ])('falls back to session-<id>.md for %j', (title) => {
    expect(exportFileName(title, ID)).toBe(FALLBACK);
  });

  it.each(['console', 'com10', 'lpt', 'nullable.txt', 'con_x', 'my con', 'com⁴'])(
    'keeps %j, which Windows does not reserve',
    (title) => {
      expect(exportFileName(title, ID)).toBe(`${title}.md`);
    },
  );

  it('caps the base at 120 bytes of UTF-8, not 120 characters', () => {
    expect(exportFileName('x'.repeat(300), ID)).toBe(`${'x'.repeat(120)}.md`);
    // 100 emoji are 400 bytes: 30 of them fit.
    expect(exportFileName('😀'.repeat(100), ID)).toBe(`${'😀'.repeat(30)}.md`);
    expect(exportFileName('é'.repeat(150), ID)).toBe(`${'é'.repeat(60)}.md`);
    expect(exportFileName('東'.repeat(50), ID)).toBe(`${'東'.repeat(40)}.md`);
    expect(exportFileName(`${'a'.repeat(118)}😀`, ID)).toBe(`${'a'.repeat(118)}.md`);
  });

  it('never cuts a character in two: not a surrogate pair, not a grapheme', () => {
    // A flag is two code points (8 bytes): half of it would be another letter.
    expect(exportFileName(`${'a'.repeat(115)}🇫🇷`, ID)).toBe(`${'a'.repeat(115)}.md`);
    // q with two accents (in canonical order) has no precomposed form: three code points, five bytes.
    expect(exportFileName(`${'a'.repeat(118)}q\u0323\u0307`, ID)).toBe(`${'a'.repeat(118)}.md`);
    expect(exportFileName(`${'a'.repeat(115)}q\u0323\u0307`, ID)).toBe(`${'a'.repeat(115)}q\u0323\u0307.md`);
  });

  it('cuts a single grapheme longer than the limit between its code points', () => {
    // One x carrying 200 accents (401 bytes): x and 59 accents are 119 bytes.
    expect(exportFileName(`x${'\u0301'.repeat(200)}`, ID)).toBe(`x${'\u0301'.repeat(59)}.md`);
  });

  it('spends no bytes on the leading dots it removes, and trims what the cut leaves at the end', () => {
    expect(exportFileName(`${'.'.repeat(200)}x`, ID)).toBe('x.md');
    expect(exportFileName(`${'a'.repeat(119)}. b`, ID)).toBe(`${'a'.repeat(119)}.md`);
  });

  it('never yields a separator, a control, a hidden direction change, a leading dot, too many bytes or a device', () => {
    const risky = fc.constantFrom(
      ...['.', ' ', '\t', '/', '\\', ':', '*', '\u0000', '\u0085', '\u202e', '\u2067', '\u200b'],
      ...['\u200d', '\ufeff', '\ud800', '\udc00', 'c', 'o', 'n', 'L', 'P', 'T', '1', '¹', '$'],
      ...['é', '\u0301', '😀', '🇫', '東', 'ש'],
    );
    // Device names with what Windows ignores or treats as an extension after them.
    const device = fc
      .tuple(
        fc.constantFrom('con', 'PRN', 'aux', 'Nul', 'com1', 'LPT9', 'com¹', 'lpt³', 'CONIN$', '.con'),
        fc.constantFrom('', '.', ' ', '  .', '.txt', '. x', '\u202e', '\u200b.md'),
        fc.string({ unit: 'binary', maxLength: 20 }),
      )
      .map((parts) => parts.join(''));
    const title = fc.oneof(
      device,
      // size 'max': lengths spread up to the maximum, so the byte cap is reached often.
      fc.string({ unit: 'binary', maxLength: 400, size: 'max' }),
      fc
        .array(fc.oneof(risky, fc.string({ unit: 'binary', maxLength: 1 })), { maxLength: 200 })
        .map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(title, (text) => {
        const name = exportFileName(text, ID);
        expect(name.endsWith('.md')).toBe(true);
        const base = name.slice(0, -3);
        expect(base).not.toMatch(/[/\\<>:"|?*\p{Cc}\p{Cf}\p{Cs}]/u);
        expect(base).not.toMatch(/^[. ]|[. ]$/);
        expect(bytes(name)).toBeLessThanOrEqual(123);
        expect(base).not.toMatch(/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])\s*(\..*)?$/iu);
        // A name passed through again stays the same: nothing half-cleaned is left for later.
        if (name !== FALLBACK) expect(exportFileName(base, ID)).toBe(name);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('utf8Length and truncateUtf8', () => {
  it('count bytes as TextEncoder encodes them', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 100 }), (text) => {
        expect(utf8Length(text)).toBe(bytes(text));
      }),
    );
  });

  it('return a prefix within the limit that a longer limit only extends', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.nat(200), (text, max) => {
        const cut = truncateUtf8(text, max);
        expect(text.startsWith(cut)).toBe(true);
        expect(bytes(cut)).toBeLessThanOrEqual(max);
        expect(truncateUtf8(text, max + 10).startsWith(cut)).toBe(true);
      }),
    );
  });
});
