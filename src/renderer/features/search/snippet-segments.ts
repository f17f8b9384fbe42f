// A snippet's highlight ranges turned into plain and marked pieces, which the view renders as
// text nodes and <mark> elements: the snippet text never becomes markup.

/** One piece of a snippet. */
export interface Segment {
  text: string;
  marked: boolean;
}

/** Splits `text` by `ranges` ([start, end) in UTF-16 units). Ranges may come in any order, overlap
 * or reach past the text; they are clamped and merged, and empty ones are dropped. */
export function highlightSegments(text: string, ranges: readonly (readonly [number, number])[]): Segment[] {
  const clamp = (n: number) => Math.min(text.length, Math.max(0, Math.trunc(n)));
  const sorted = ranges
    .map(([start, end]) => [clamp(start), clamp(end)] as const)
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  const segments: Segment[] = [];
  let at = 0;
  for (const [start, end] of sorted) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    if (from > at) segments.push({ text: text.slice(at, from), marked: false });
    const last = segments[segments.length - 1];
    // Overlapping or touching ranges make one mark.
    if (last?.marked && from === at) last.text += text.slice(from, end);
    else segments.push({ text: text.slice(from, end), marked: true });
    at = end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), marked: false });
  return segments;
}
