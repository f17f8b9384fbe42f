// Snippets for search hits: the part of a message around its first match, with every match in
// it marked. Matching folds case and accents exactly as the index does.
import { markupMask } from './markup';
import { tokens, type Token } from './normalize';
import type { ParsedQuery } from './query';

/** A snippet and the [start, end) ranges to highlight inside it. */
export interface Snippet {
  text: string;
  highlights: [number, number][];
}

const RADIUS = 80;

/** The [start, end) ranges in `text` that a word, prefix or phrase of `q` matches, in order,
 * found while reading the text word by word (phrases look a few words ahead). */
export function* matchesIn(text: string, q: ParsedQuery): Generator<[number, number]> {
  const ahead = Math.max(1, ...q.phrases.map((p) => p.length));
  const source = tokens(text);
  const window: Token[] = [];
  const fill = () => {
    while (window.length < ahead) {
      const next = source.next();
      if (next.done) return;
      window.push(next.value);
    }
  };
  for (fill(); window.length > 0; window.shift(), fill()) {
    const t = window[0]!;
    if (q.terms.some((term) => (term.prefix ? t.word.startsWith(term.word) : t.word === term.word))) {
      yield [t.start, t.end];
      continue;
    }
    for (const phrase of q.phrases) {
      if (phrase.every((w, k) => window[k]?.word === w.word)) {
        yield [t.start, window[phrase.length - 1]!.end];
        break;
      }
    }
  }
}

/** Every [start, end) in `text` that a word, prefix or phrase of `q` matches, in order. */
export function matchRanges(text: string, q: ParsedQuery): [number, number][] {
  return [...matchesIn(text, q)];
}

/** A one-line snippet around the first match (or the start of the text when none). Reading
 * stops at the snippet's end, so a match early in a huge tool output costs little. */
export function snippetFor(text: string, q: ParsedQuery): Snippet {
  let from = 0;
  let to = Math.min(text.length, 2 * RADIUS);
  const ranges: [number, number][] = [];
  for (const range of matchesIn(text, q)) {
    if (ranges.length === 0) {
      from = Math.max(0, range[0] - RADIUS);
      to = Math.min(text.length, Math.max(range[1] + RADIUS, from + 2 * RADIUS));
    }
    if (range[0] >= to) break;
    if (range[1] <= to) ranges.push(range);
  }
  const lead = from > 0 ? '…' : '';
  // Plain text on one line: Markdown markup left out, every run of whitespace one space. `at[i]`
  // is where the slice's character i lands in the snippet, so the highlights move with it.
  const slice = text.slice(from, to);
  const drop = markupMask(slice, from === 0 || text[from - 1] === '\n');
  const at = new Uint32Array(slice.length + 1);
  let flat = lead;
  for (let i = 0; i < slice.length; i++) {
    at[i] = flat.length;
    if (drop[i]) continue;
    const char = /\s/.test(slice[i]!) ? ' ' : slice[i]!;
    if (char === ' ' && (flat.length === lead.length || flat.endsWith(' '))) continue;
    flat += char;
  }
  at[slice.length] = flat.length;
  if (to < text.length) flat += '…';
  const highlights = ranges
    .map(([a, b]): [number, number] => [at[a - from]!, at[b - from]!])
    .filter(([a, b]) => b > a);
  return { text: flat, highlights };
}
