// The rows of an edit's diff, old text against new, line by line (jsdiff's diffLines): what a
// reader sees, and what find searches in an edit.
import { diffLines } from 'diff';

/** One line of the diff. */
export interface DiffRow {
  kind: 'add' | 'del' | 'same';
  text: string;
}

/** Inputs larger than this (UTF-16 units, old and new together) are not diffed: shown as removed
 * then added, since diffing them would hold up the page. */
export const DIFF_MAX_CHARS = 400_000;

function lines(value: string): string[] {
  const parts = value.split('\n');
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** The diff of `before` against `after`, one row per line. */
export function diffRows(before: string, after: string): DiffRow[] {
  if (before.length + after.length > DIFF_MAX_CHARS) {
    return [
      ...lines(before).map((text) => ({ kind: 'del' as const, text })),
      ...lines(after).map((text) => ({ kind: 'add' as const, text })),
    ];
  }
  return diffLines(before, after).flatMap((change) =>
    lines(change.value).map((text) => ({
      kind: change.added ? ('add' as const) : change.removed ? ('del' as const) : ('same' as const),
      text,
    })),
  );
}

/** The text of the rows as find searches it: each row's text and a newline. */
export function diffText(rows: readonly DiffRow[]): string {
  return rows.map((row) => `${row.text}\n`).join('');
}
