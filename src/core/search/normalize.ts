// Case- and accent-folding that matches SQLite's unicode61 tokenizer with remove_diacritics 2,
// so snippets highlight exactly what the index matched.

/** A word of a text: its folded form and where it stands in the original string. */
export interface Token {
  word: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

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

/** The words of `text` one at a time (letters, digits and their marks; everything else
 * separates), folded, with positions: a reader that stops early skips the rest of a long text. */
export function* tokens(text: string): Generator<Token> {
  for (const m of text.matchAll(WORD)) yield { word: fold(m[0]), start: m.index, end: m.index + m[0].length };
}

/** Every word of `text`, as tokens() finds them. */
export function tokenize(text: string): Token[] {
  return [...tokens(text)];
}

/** The folded words of a query fragment, for matching. */
export function words(text: string): string[] {
  return tokenize(text).map((t) => t.word);
}
