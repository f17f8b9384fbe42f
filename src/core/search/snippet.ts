// Snippets for search hits: the part of a message around its first match, with every match in
// it marked. Matching folds case and accents exactly as the index does.
import { tokenize, type Token } from './normalize';
import type { ParsedQuery } from './query';

/** A snippet and the [start, end) ranges to highlight inside it. */
export interface Snippet {
  text: string;
  highlights: [number, number][];
}

const RADIUS = 80;

/** Every [start, end) in `text` that a word, prefix or phrase of `q` matches, in order. */
export function matchRanges(text: string, q: ParsedQuery): [number, number][] {
  const tokens: Token[] = tokenize(text);
  const ranges: [number, number][] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (q.terms.some((term) => (term.prefix ? t.word.startsWith(term.word) : t.word === term.word))) {
      ranges.push([t.start, t.end]);
      continue;
    }
    for (const phrase of q.phrases) {
      if (phrase.every((w, k) => tokens[i + k]?.word === w.word)) {
        ranges.push([t.start, tokens[i + phrase.length - 1]!.end]);
        break;
      }
    }
  }
  return ranges;
}

/** A one-line snippet around the first match (or the start of the text when none). */
export function snippetFor(text: string, q: ParsedQuery): Snippet {
  const ranges = matchRanges(text, q);
  const first = ranges[0] ?? [0, 0];
  const from = Math.max(0, first[0] - RADIUS);
  const to = Math.min(text.length, Math.max(first[1] + RADIUS, from + 2 * RADIUS));
  const lead = from > 0 ? '…' : '';
  const flat = lead + text.slice(from, to).replace(/\s/g, ' ') + (to < text.length ? '…' : '');
  const highlights = ranges
    .filter(([a, b]) => a >= from && b <= to)
    .map(([a, b]): [number, number] => [a - from + lead.length, b - from + lead.length]);
  return { text: flat, highlights };
}
