// From a match in a section's data to the drawn text: the section's element (data-section) holds
// that text, or a page of it (data-section-offset), in its text nodes, the UI's own labels
// (data-find-skip) aside. Markdown is drawn as HTML, so there the n-th match of the section is
// found again in the drawn text instead.
import { eachMatch } from './find-matcher';

/** The text nodes find looks through under `root`, in order. */
export function searchableTextNodes(root: Element): Text[] {
  const nodes: Text[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
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

/** A range over [start, end) of the text drawn in `element`; null when it is not drawn there. */
export function rangeIn(element: Element, start: number, end: number): Range | null {
  const shift = Number(element.getAttribute('data-section-offset') ?? 0);
  let from = start - shift;
  let to = end - shift;
  if (from < 0) return null;
  const range = element.ownerDocument.createRange();
  let started = false;
  for (const node of searchableTextNodes(element)) {
    const length = node.data.length;
    // A match starts in the node that holds its first character (not at the end of the one before).
    if (!started && from < length) {
      range.setStart(node, from);
      started = true;
    }
    if (started && to <= length) {
      range.setEnd(node, to);
      return range;
    }
    from -= length;
    to -= length;
  }
  return null;
}

/** Ranges of every match of `pattern` in the text drawn in `element` (across its text nodes). */
export function drawnMatches(element: Element, pattern: RegExp): Range[] {
  const nodes = searchableTextNodes(element);
  const text = nodes.map((n) => n.data).join('');
  const ranges: Range[] = [];
  const shift = Number(element.getAttribute('data-section-offset') ?? 0);
  eachMatch(text, pattern, (start, end) => {
    const range = rangeIn(element, start + shift, end + shift);
    if (range) ranges.push(range);
  });
  return ranges;
}
