// Where a text too long to draw at once is split into pages: about PAGE_CHARS each, cut after a
// line end when one is near, never inside a surrogate pair. Find uses the same split to open the
// page its match is on.

/** About how many UTF-16 units one page holds. */
export const PAGE_CHARS = 256 * 1024;

/** The offset each page starts at: [0, ...]; one page for a text of PAGE_CHARS or less. */
export function pageStarts(text: string, pageChars = PAGE_CHARS): number[] {
  const starts = [0];
  let start = 0;
  while (text.length - start > pageChars) {
    const newline = text.lastIndexOf('\n', start + pageChars - 1);
    let next = newline >= start + pageChars / 2 ? newline + 1 : start + pageChars;
    const code = text.charCodeAt(next - 1);
    if (code >= 0xd800 && code <= 0xdbff) next--;
    starts.push(next);
    start = next;
  }
  return starts;
}

/** The page `offset` falls on. */
export function pageOf(starts: readonly number[], offset: number): number {
  let page = 0;
  while (page + 1 < starts.length && starts[page + 1]! <= offset) page++;
  return page;
}
