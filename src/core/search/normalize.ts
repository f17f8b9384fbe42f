// Case- and accent-folding that matches SQLite's unicode61 tokenizer with remove_diacritics 2,
// so snippets highlight exactly what the index matched.

/** A word of a text: its folded form and where it stands in the original string. */
export interface Token {
  word: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** Lowercase with diacritics removed ("Élan" -> "elan"). */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** The words of `text` (letters, digits and their marks; everything else separates), folded, with positions. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    tokens.push({ word: fold(m[0]), start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

/** The folded words of a query fragment, for matching. */
export function words(text: string): string[] {
  return tokenize(text).map((t) => t.word);
}
