// Scrolling the transcript's own box (never the page) to a message or a match in it.

/** Space kept above a message scrolled to the top, in px. */
const TOP_GAP = 12;
/** A match closer than this to the box's edge is scrolled further in, in px. */
const EDGE = 40;

/** Scrolls `body` so that `element` starts near its top. */
export function scrollElementToTop(body: HTMLElement, element: Element): void {
  body.scrollTop += element.getBoundingClientRect().top - body.getBoundingClientRect().top - TOP_GAP;
}

/** Scrolls `body` so that `range` is in its upper third, unless it is well inside already. */
export function scrollRangeIntoView(body: HTMLElement, range: Range): void {
  // jsdom has no range geometry; browsers all do.
  if (typeof range.getBoundingClientRect !== 'function' || !range.startContainer.isConnected) return;
  const match = range.getBoundingClientRect();
  const box = body.getBoundingClientRect();
  if (match.top < box.top + EDGE || match.bottom > box.bottom - EDGE) {
    body.scrollTop += match.top - box.top - box.height / 3;
  }
}
