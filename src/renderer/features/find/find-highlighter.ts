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

/** The two highlight names a highlighter paints under: styled by ::highlight(<name>) with the CSS
 * Highlight API, and as the class of each <mark> without it. */
export interface HighlightNames {
  match: string;
  current: string;
}

/** Find in transcript's names. */
export const FIND_HIGHLIGHT: HighlightNames = { match: 'find-match', current: 'find-current' };

function elementOf(range: Range): Element | null {
  const node = range.startContainer;
  return node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
}

function cssHighlighter({ match, current: currentName }: HighlightNames): Highlighter {
  return {
    mutatesDom: false,
    show(ranges, current) {
      CSS.highlights.set(match, new Highlight(...ranges));
      const active = ranges[current];
      if (!active) {
        CSS.highlights.delete(currentName);
        return null;
      }
      CSS.highlights.set(currentName, new Highlight(active));
      return elementOf(active);
    },
    clear() {
      CSS.highlights.delete(match);
      CSS.highlights.delete(currentName);
    },
  };
}

function markHighlighter(doc: Document, names: HighlightNames): Highlighter {
  let marks: HTMLElement[] = [];
  return {
    mutatesDom: true,
    show(ranges, current) {
      this.clear();
      // Last to first, so that splitting a text node leaves the earlier ranges' offsets valid.
      const created: HTMLElement[] = [];
      for (let i = ranges.length - 1; i >= 0; i--) {
        const range = ranges[i]!;
        // A mark can wrap text of one node only; a match across nodes goes unmarked here (the CSS
        // Highlight API, which browsers use, paints it).
        if (range.startContainer !== range.endContainer) continue;
        const mark = doc.createElement('mark');
        mark.className = i === current ? `${names.match} ${names.current}` : names.match;
        range.surroundContents(mark);
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

/** The best highlighter `doc`'s window supports, painting under `names`. */
export function createHighlighter(doc: Document, names: HighlightNames = FIND_HIGHLIGHT): Highlighter {
  const win = doc.defaultView;
  const supported =
    win !== null && 'Highlight' in win && typeof win.CSS !== 'undefined' && 'highlights' in win.CSS;
  return supported ? cssHighlighter(names) : markHighlighter(doc, names);
}
