import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, tokens } from './normalize';

// The words as unicode61 takes them (with Chinese and Japanese characters one word each),
// straight from the expression: what tokens() must give whichever way it reads a text.
const SPACELESS = '\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}';
const WORD = new RegExp(`[${SPACELESS}]\\p{M}*|(?:(?![${SPACELESS}])[\\p{L}\\p{N}\\p{M}])+`, 'gu');
const expected = (text: string) =>
  [...text.matchAll(WORD)].map((m) => ({ word: fold(m[0]), start: m.index, end: m.index + m[0].length }));

// ASCII words and separators beside accented letters, combining marks, Greek, Cyrillic, Han,
// kana, Hangul, an emoji (a surrogate pair), a lone surrogate and non-ASCII punctuation.
const PIECES = [
  'ab',
  'Z9',
  '_',
  ' ',
  '-',
  '.',
  '\n',
  'é',
  'É',
  'e\u0301',
  '\u0301',
  'ß',
  'İ',
  'Ω',
  'й',
  '中',
  '文',
  'カ',
  'ナ',
  '한',
  '😀',
  '\ud800',
  '…',
  '·',
  '٣',
];

describe('tokens', () => {
  it('gives exactly the words the expression matches, folded, on mixed scripts', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect([...tokens(text)]).toEqual(expected(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads ASCII words whole and hands a word going on past ASCII to the expression', () => {
    expect([...tokens('Parse_ERROR café x1')].map((t) => t.word)).toEqual(['parse', 'error', 'cafe', 'x1']);
    expect([...tokens('naïve中文')].map((t) => [t.word, t.start, t.end])).toEqual([
      ['naive', 0, 5],
      ['中', 5, 6],
      ['文', 6, 7],
    ]);
  });
});
