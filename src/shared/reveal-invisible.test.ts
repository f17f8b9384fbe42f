import { describe, expect, it } from 'vitest';
import { hasInvisible, revealedParts, revealInvisible } from './reveal-invisible';

describe('revealInvisible', () => {
  it('shows a right-to-left override instead of obeying it', () => {
    expect(revealInvisible('Normal \u202Egnp.exe')).toBe('Normal ⟨U+202E⟩gnp.exe');
  });

  it('shows zero-width characters, isolates, marks and controls', () => {
    expect(revealInvisible('a\u200bb\u2066c\u200fd\u001be\nf\ufeff')).toBe(
      'a⟨U+200B⟩b⟨U+2066⟩c⟨U+200F⟩d⟨U+001B⟩e⟨U+000A⟩f⟨U+FEFF⟩',
    );
  });

  it('leaves ordinary text, right-to-left scripts and emoji (joiners, variation selectors) alone', () => {
    for (const text of [
      'plain title',
      'שלום עולם',
      'مرحبا',
      '👩\u200d💻 café 東京',
      '❤\ufe0f',
      'می\u200cخواهم',
    ]) {
      expect(hasInvisible(text)).toBe(false);
      expect(revealInvisible(text)).toBe(text);
    }
  });

  it('shows a joiner that only hides a break between ASCII letters', () => {
    expect(revealInvisible('pay\u200dpal')).toBe('pay⟨U+200D⟩pal');
    expect(revealInvisible('\u200cx')).toBe('⟨U+200C⟩x');
  });

  it('answers the same for repeated calls (no regex state carried over)', () => {
    expect(hasInvisible('x\u202e')).toBe(true);
    expect(hasInvisible('x\u202e')).toBe(true);
    expect(hasInvisible('plain')).toBe(false);
  });
});

describe('revealedParts', () => {
  it('cuts a name into text and tokens that join to revealInvisible', () => {
    expect(revealedParts('Normal \u202Egnp.exe')).toEqual([
      { text: 'Normal ', token: false },
      { text: '⟨U+202E⟩', token: true },
      { text: 'gnp.exe', token: false },
    ]);
    expect(revealedParts('\u200b\u200bx')).toEqual([
      { text: '⟨U+200B⟩', token: true },
      { text: '⟨U+200B⟩', token: true },
      { text: 'x', token: false },
    ]);
    expect(revealedParts('plain')).toEqual([{ text: 'plain', token: false }]);
    expect(revealedParts('')).toEqual([]);
    for (const text of ['a\u202bb\u2069', '\u0000', 'pay\u200dpal 👩\u200d💻']) {
      expect(
        revealedParts(text)
          .map((p) => p.text)
          .join(''),
      ).toBe(revealInvisible(text));
    }
  });
});
