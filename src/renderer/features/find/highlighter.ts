// Showing find matches. Where the CSS Custom Highlight API exists (Chromium, Electron) matches
// are painted without touching the DOM; elsewhere each match is wrapped in a <mark>, and the
// marks are removed again before the next search, restoring the text nodes exactly.

/** Paints a set of match ranges and the current one. */
export interface Highlighter {
  /** Shows `ranges` with `ranges[current]` stressed; returns the element to scroll into view. */
  show(ranges: Range[], current: number): Element | null;
  /** Removes every highlight. */
  clear(): void;
  /** True when show() changes the DOM (marks), so ranges must be found again after clear(). */
  readonly mutatesDom: boolean;
}

/** Highlight names, styled by ::highlight(find-match) and ::highlight(find-current). */
const MATCH = 'find-match';
const CURRENT = 'find-current';

function elementOf(range: Range): Element | null {
  const node = range.startContainer;
  return node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
}

function cssHighlighter(): Highlighter {
  return {
    mutatesDom: false,
    show(ranges, current) {
      CSS.highlights.set(MATCH, new Highlight(...ranges));
      const active = ranges[current];
      if (!active) {
        CSS.highlights.delete(CURRENT);
        return null;
      }
      CSS.highlights.set(CURRENT, new Highlight(active));
      return elementOf(active);
    },
    clear() {
      CSS.highlights.delete(MATCH);
      CSS.highlights.delete(CURRENT);
    },
  };
}

function markHighlighter(doc: Document): Highlighter {
  let marks: HTMLElement[] = [];
  return {
    mutatesDom: true,
    show(ranges, current) {
      this.clear();
      // Last to first, so that splitting a text node leaves the earlier ranges' offsets valid.
      const created: HTMLElement[] = [];
      for (let i = ranges.length - 1; i >= 0; i--) {
        const mark = doc.createElement('mark');
        mark.className = i === current ? 'find-match find-current' : 'find-match';
        ranges[i]!.surroundContents(mark);
        created.push(mark);
      }
      marks = created.reverse();
      return marks[current] ?? null;
    },
    clear() {
      for (const mark of marks) {
        const parent = mark.parentNode;
        if (!parent) continue;
        mark.replaceWith(...Array.from(mark.childNodes));
        parent.normalize();
      }
      marks = [];
    },
  };
}

/** The best highlighter `doc`'s window supports. */
export function createHighlighter(doc: Document): Highlighter {
  const win = doc.defaultView;
  const supported =
    win !== null && 'Highlight' in win && typeof win.CSS !== 'undefined' && 'highlights' in win.CSS;
  return supported ? cssHighlighter() : markHighlighter(doc);
}
