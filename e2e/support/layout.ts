// Layout checks run inside the page: where text is painted (each text node's line boxes, cut by
// every ancestor that clips), which of those boxes overlap, and which spill out of their pane.
import type { Page } from '@playwright/test';

/** What the check found: one line per problem, empty when the layout is clean. */
export interface LayoutReport {
  overlaps: string[];
  /** Text painted outside the pane (sidebar, transcript, status line) it belongs to. */
  outside: string[];
  /** How far the page scrolls sideways, in px (0 when it does not). */
  scrollX: number;
}

/** Checks the page as it is painted now. Text inside inert or visually hidden parts is left out. */
export function checkLayout(page: Page): Promise<LayoutReport> {
  return page.evaluate(() => {
    type Box = { left: number; top: number; right: number; bottom: number };
    const intersect = (a: Box, b: Box): Box => ({
      left: Math.max(a.left, b.left),
      top: Math.max(a.top, b.top),
      right: Math.min(a.right, b.right),
      bottom: Math.min(a.bottom, b.bottom),
    });
    const empty = (b: Box) => b.right - b.left <= 0.5 || b.bottom - b.top <= 0.5;
    const viewport: Box = { left: 0, top: 0, right: innerWidth, bottom: innerHeight };
    const describe = (node: Text) => {
      const el = node.parentElement!;
      const id = el.closest('[data-testid]')?.getAttribute('data-testid') ?? el.tagName.toLowerCase();
      return `"${node.data.trim().slice(0, 40)}" (${id})`;
    };

    // The box an element lets its content be seen in: its padding box if it clips, else none.
    const clipOf = (el: Element): Box | null => {
      const style = getComputedStyle(el);
      if (style.overflowX === 'visible' && style.overflowY === 'visible') return null;
      const r = el.getBoundingClientRect();
      const html = el as HTMLElement;
      return {
        left: r.left + html.clientLeft,
        top: r.top + html.clientTop,
        right: r.left + html.clientLeft + html.clientWidth,
        bottom: r.top + html.clientTop + html.clientHeight,
      };
    };
    const hidden = (el: Element): boolean => {
      if (el.closest('[inert], [hidden]')) return true;
      // A closed <details> paints only its summary (the rest is skipped, yet keeps its boxes).
      const details = el.closest('details:not([open])');
      if (details && !el.closest('summary')) return true;
      for (let at: Element | null = el; at; at = at.parentElement) {
        const style = getComputedStyle(at);
        if (style.visibility === 'hidden' || style.clipPath !== 'none' || style.opacity === '0') return true;
      }
      return false;
    };

    const texts: { node: Text; boxes: Box[]; pane: Element | null }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const node = n as Text;
      const el = node.parentElement;
      if (!el || node.data.trim() === '' || hidden(el)) continue;
      let clip = viewport;
      for (let at: Element | null = el; at; at = at.parentElement) {
        const c = clipOf(at);
        if (c) clip = intersect(clip, c);
      }
      const range = document.createRange();
      range.selectNodeContents(node);
      const boxes = Array.from(range.getClientRects())
        .map((r) => intersect(r, clip))
        .filter((b) => !empty(b));
      if (boxes.length > 0) {
        texts.push({ node, boxes, pane: el.closest('.list-pane, .main-pane, .status-bar') });
      }
    }

    const overlaps: string[] = [];
    // Neighbouring glyph boxes may touch or share a subpixel; more than 2px either way is paint on paint.
    const SLACK = 2;
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        const hit = texts[i]!.boxes.some((a) =>
          texts[j]!.boxes.some((b) => {
            const o = intersect(a, b);
            return o.right - o.left > SLACK && o.bottom - o.top > SLACK;
          }),
        );
        if (hit) overlaps.push(`${describe(texts[i]!.node)} overlaps ${describe(texts[j]!.node)}`);
      }
    }
    const outside: string[] = [];
    for (const t of texts) {
      if (!t.pane) continue;
      const p = t.pane.getBoundingClientRect();
      const out = t.boxes.some(
        (b) => b.left < p.left - 1 || b.right > p.right + 1 || b.top < p.top - 1 || b.bottom > p.bottom + 1,
      );
      if (out) outside.push(`${describe(t.node)} is outside its pane`);
    }
    const scroller = document.scrollingElement ?? document.documentElement;
    return { overlaps, outside, scrollX: scroller.scrollWidth - scroller.clientWidth };
  });
}
