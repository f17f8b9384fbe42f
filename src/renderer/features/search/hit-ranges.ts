// Where a search query matches inside rendered message bodies, found the way the backend finds
// it: the same query parser and the same case- and accent-folding word matcher (shared with the
// core search code, which is plain TypeScript with no Node dependency).
import { isEmptyQuery, parseQuery, type ParsedQuery } from '../../../shared/search/query';
import { matchRanges, matchesIn } from '../../../shared/search/snippet';
import { searchableTextNodes } from '../find/section-range';

/** `text` parsed as the search parsed it (a last word typed without a space is a prefix); null
 * when it has nothing to look for. */
export function hitQuery(text: string): ParsedQuery | null {
  const query = parseQuery(text);
  return isEmptyQuery(query) ? null : query;
}

/** True when `query` matches somewhere in `text` (a block's data, drawn or not). */
export function matchesText(text: string, query: ParsedQuery): boolean {
  return !matchesIn(text, query).next().done;
}

/** Ranges of every match of `query` in the text of `scope`, word by word within each text node;
 * `in:tools` looks only inside tool calls and results, `in:text` only outside them. */
export function hitRanges(scope: Element, query: ParsedQuery): Range[] {
  const ranges: Range[] = [];
  for (const node of searchableTextNodes(scope)) {
    if (query.field !== 'all') {
      const inTool = node.parentElement?.closest('.tool-card') != null;
      if (inTool !== (query.field === 'tools')) continue;
    }
    for (const [start, end] of matchRanges(node.data, query)) {
      const range = scope.ownerDocument.createRange();
      range.setStart(node, start);
      range.setEnd(node, end);
      ranges.push(range);
    }
  }
  return ranges;
}
