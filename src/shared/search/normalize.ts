// Case- and accent-folding that matches SQLite's unicode61 tokenizer with remove_diacritics 2,
// so snippets highlight exactly what the index matched. Chinese and Japanese are written without
// spaces, and unicode61 would take a whole run of them for one word: each of their characters is
// a word of its own instead (spaced out before indexing), and a query's run of them is a phrase.

/** A word of a text: its folded form and where it stands in the original string. */
export interface Token {
  word: string;
  start: number;
  end: number;
}

// One Han, Hiragana or Katakana character (with any marks typed after it), or a run of other
// letters, digits and marks.
const SPACELESS = '\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}';
const WORD = new RegExp(`[${SPACELESS}]\\p{M}*|(?:(?![${SPACELESS}])[\\p{L}\\p{N}\\p{M}])+`, 'gu');
const SPACELESS_CHAR = new RegExp(`[${SPACELESS}]\\p{M}*`, 'gu');
const HAS_SPACELESS = new RegExp(`[${SPACELESS}]`, 'u');

/** True when `text` has a character of a script written without spaces (Chinese, Japanese). */
export function hasSpaceless(text: string): boolean {
  return HAS_SPACELESS.test(text);
}

/** The text as the index is given it: NFC (SQLite does not normalize, and query words are NFC
 * too), with each Chinese or Japanese character spaced out into a word of its own. */
export function indexText(text: string): string {
  const nfc = text.normalize('NFC');
  return hasSpaceless(nfc) ? nfc.replace(SPACELESS_CHAR, ' $& ') : nfc;
}

const NON_ASCII = /[^\0-\x7f]/;

/** Lowercase with diacritics removed ("Élan" -> "elan"). */
export function fold(text: string): string {
  // Most words of code and logs are ASCII, which has nothing to decompose.
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

// ASCII letters and digits: the only ASCII characters WORD takes.
const isAsciiWordChar = (c: number): boolean =>
  (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);

/** The words of `text` one at a time (letters, digits and their marks; everything else
 * separates), folded, with positions: a reader that stops early skips the rest of a long text.
 * ASCII is read character by character, a word as WORD would take it (a third of a snippet's
 * time went to the regular expression, bench/search); from any other character on, the
 * expression finds the next word, so every word is exactly one of WORD's matches. */
export function* tokens(text: string): Generator<Token> {
  const word = new RegExp(WORD);
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c < 0x80 && !isAsciiWordChar(c)) {
      i++;
      continue;
    }
    if (c < 0x80) {
      let j = i + 1;
      while (j < text.length && isAsciiWordChar(text.charCodeAt(j))) j++;
      // A word going on past ASCII (a letter with an accent, a mark) is the expression's.
      if (j === text.length || text.charCodeAt(j) < 0x80) {
        yield { word: text.slice(i, j).toLowerCase(), start: i, end: j };
        i = j;
        continue;
      }
    }
    word.lastIndex = i;
    const m = word.exec(text);
    if (!m) return;
    yield { word: fold(m[0]), start: m.index, end: m.index + m[0].length };
    i = m.index + m[0].length;
  }
}

/** Every word of `text`, as tokens() finds them. */
export function tokenize(text: string): Token[] {
  return [...tokens(text)];
}

/** The folded words of a query fragment, for matching. */
export function words(text: string): string[] {
  return tokenize(text).map((t) => t.word);
}
