import { describe, expect, it } from 'vitest';
import { highlightSegments } from './snippet-segments';

const render = (text: string, ranges: [number, number][]) =>
  highlightSegments(text, ranges)
    .map((s) => (s.marked ? `[${s.text}]` : s.text))
    .join('');

describe('highlightSegments', () => {
  it('marks each range and keeps the text between', () => {
    expect(
      render('the quokka lives on an island', [
        [4, 10],
        [23, 29],
      ]),
    ).toBe('the [quokka] lives on an [island]');
    expect(highlightSegments('abc', [[0, 3]])).toEqual([{ text: 'abc', marked: true }]);
    expect(highlightSegments('abc', [])).toEqual([{ text: 'abc', marked: false }]);
  });

  it('sorts, merges overlapping or touching ranges, and clamps to the text', () => {
    expect(
      render('abcdefghij', [
        [6, 8],
        [1, 3],
        [2, 5],
        [5, 6],
      ]),
    ).toBe('a[bcdefgh]ij');
    expect(
      render('abcdef', [
        [-4, 2],
        [4, 99],
      ]),
    ).toBe('[ab]cd[ef]');
  });

  it('drops empty and inverted ranges', () => {
    expect(
      render('abcdef', [
        [3, 3],
        [5, 2],
      ]),
    ).toBe('abcdef');
  });

  it('counts in UTF-16 units, as the backend sends them', () => {
    const text = 'emoji 🚀 then café';
    const start = text.indexOf('café');
    expect(render(text, [[start, start + 4]])).toBe('emoji 🚀 then [café]');
  });
});
