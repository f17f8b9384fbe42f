// When a code block or tool output is long enough to collapse, and what shows while it is.

/** Outputs longer than this many lines start collapsed. */
export const COLLAPSE_LINES = 30;
/** Outputs larger than this many UTF-8 bytes start collapsed. */
export const COLLAPSE_BYTES = 4096;

/** What to show of one output. */
export interface CollapsePlan {
  /** Lines in the whole text (a final newline does not start another line). */
  lines: number;
  collapsed: boolean;
  /** The text to show while collapsed (the whole text when not collapsed). */
  preview: string;
}

function lineCount(text: string): number {
  if (text === '') return 1;
  let count = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  return text.endsWith('\n') ? count - 1 : count;
}

function utf8Bytes(text: string): number {
  // Each UTF-16 unit is at most 3 UTF-8 bytes, so the encoder runs only when it could matter.
  if (text.length * 3 <= COLLAPSE_BYTES) return text.length;
  if (text.length > COLLAPSE_BYTES) return text.length + 1;
  return new TextEncoder().encode(text).length;
}

/** Cuts `text` to at most `max` UTF-16 units without splitting a surrogate pair. */
function cutAt(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** Decides whether `text` collapses (> 30 lines or > 4 KB) and what its preview is. */
export function planCollapse(text: string): CollapsePlan {
  const lines = lineCount(text);
  const collapsed = lines > COLLAPSE_LINES || utf8Bytes(text) > COLLAPSE_BYTES;
  if (!collapsed) return { lines, collapsed, preview: text };
  let end = -1;
  for (let i = 0; i < COLLAPSE_LINES; i++) {
    const next = text.indexOf('\n', end + 1);
    if (next < 0) {
      end = text.length;
      break;
    }
    end = next;
  }
  return { lines, collapsed, preview: cutAt(text.slice(0, end), COLLAPSE_BYTES) };
}

/** The label of the button that expands a collapsed output. */
export function showAllLabel(lines: number): string {
  return `Show all (${lines.toLocaleString('en-US')} ${lines === 1 ? 'line' : 'lines'})`;
}
