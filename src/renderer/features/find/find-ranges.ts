// Finding text in the rendered transcript: case-insensitive matches inside single text nodes of
// the given scopes, skipping the UI's own labels (marked data-find-skip).

/** More matches than this are not counted: the count would not help and the page would stall. */
export const MAX_MATCHES = 10_000;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A case-insensitive, literal pattern for `query`; null for an empty query. */
export function queryPattern(query: string): RegExp | null {
  return query === '' ? null : new RegExp(escapeRegExp(query), 'giu');
}

/** Text nodes under `scope` that find (and search-hit highlighting) look through, in document order. */
export function searchableTextNodes(scope: Element): Text[] {
  const nodes: Text[] = [];
  const walker = scope.ownerDocument.createTreeWalker(scope, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.nodeType === Node.ELEMENT_NODE && (node as Element).hasAttribute('data-find-skip')
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) nodes.push(node as Text);
  }
  return nodes;
}

/** Ranges of every match of `pattern` in `scope`, at most `limit` of them. */
export function findInScope(scope: Element, pattern: RegExp, limit = MAX_MATCHES): Range[] {
  const ranges: Range[] = [];
  for (const node of searchableTextNodes(scope)) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(node.data); match; match = pattern.exec(node.data)) {
      if (ranges.length >= limit) return ranges;
      const range = scope.ownerDocument.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      ranges.push(range);
    }
  }
  return ranges;
}
