// How find matches: the query as literal text, with or without regard to case (Unicode case
// folding as the browser's regular expressions do it).

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A global, literal pattern for `query`; null for an empty query. Case folding is the
 * non-Unicode kind unless the query has characters beyond the BMP: it folds every BMP letter the
 * same and runs twice as fast. */
export function findPattern(query: string, caseSensitive: boolean): RegExp | null {
  if (query === '') return null;
  const astral = /[\ud800-\udfff]/.test(query);
  return new RegExp(escapeRegExp(query), `g${caseSensitive ? '' : 'i'}${astral ? 'u' : ''}`);
}

/** `pattern` anchored where it is asked to match (for matchesAt). */
export function stickyOf(pattern: RegExp): RegExp {
  return new RegExp(pattern.source, pattern.flags.replace('g', '') + 'y');
}

/** Where a match of `sticky` (see stickyOf) that starts at `at` in `text` ends, or null. */
export function matchesAt(text: string, sticky: RegExp, at: number): number | null {
  sticky.lastIndex = at;
  const m = sticky.exec(text);
  return m ? at + m[0].length : null;
}

/** Calls `found(start, end)` for every match of `pattern` in `text`, in order. */
export function eachMatch(text: string, pattern: RegExp, found: (start: number, end: number) => void): void {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    found(m.index, m.index + m[0].length);
    // A match can only be empty for an empty pattern, which findPattern never makes.
    if (m[0].length === 0) pattern.lastIndex++;
  }
}
