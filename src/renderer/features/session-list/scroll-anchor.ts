// Keeping the reader's place in the list when it reloads: sessions appearing or vanishing above
// the rows in view would otherwise push those rows around.
import type { SessionSummary } from '../../../shared/types';

/** The scroll offset that keeps the row that was at the top of the box there, after `previous`
 * became `rows` (rows of `rowHeight` px). */
export function anchoredScrollTop(
  scrollTop: number,
  rowHeight: number,
  previous: readonly SessionSummary[],
  rows: readonly SessionSummary[],
): number {
  // At the very top, new sessions should come into view, not be scrolled past.
  if (scrollTop <= 0) return scrollTop;
  const topIndex = Math.floor(scrollTop / rowHeight);
  const id = previous[topIndex]?.id;
  const now = id === undefined ? -1 : rows.findIndex((s) => s.id === id);
  return now < 0 ? scrollTop : scrollTop + (now - topIndex) * rowHeight;
}

/** Whether `previous` and `rows` list the same sessions in the same order. */
export function sameOrder(previous: readonly SessionSummary[], rows: readonly SessionSummary[]): boolean {
  return previous.length === rows.length && previous.every((s, i) => s.id === rows[i]!.id);
}

/** Whether row `index` (rows `rowHeight` tall) lies wholly inside a box scrolled to `top` and
 * `height` tall, both as the virtualizer last saw them; unknown counts as not in view. */
export function rowInView(
  top: number | null,
  height: number | undefined,
  rowHeight: number,
  index: number,
): boolean {
  if (top === null || !height) return false;
  const start = index * rowHeight;
  return start >= top && start + rowHeight <= top + height;
}
