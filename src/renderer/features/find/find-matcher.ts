// How find matches: the query as literal text, with or without regard to case (Unicode case
// folding as the browser's regular expressions do it).

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A global, literal pattern for `query`; null for an empty query. */
export function findPattern(query: string, caseSensitive: boolean): RegExp | null {
  return query === '' ? null : new RegExp(escapeRegExp(query), caseSensitive ? 'gu' : 'giu');
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
