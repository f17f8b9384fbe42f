// Terminal formatting for the CLI: aligned columns and one-line cells.
import { escapeForOneLine } from './terminal-safe';

/** Rows as columns padded to their widest cell; the last column is not padded. */
export function columns(rows: string[][]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  return rows
    .map((row) =>
      row
        .map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat(widths[i]! - [...cell].length)))
        .join('  '),
    )
    .join('\n');
}

/** One terminal line of `text`: line breaks as spaces, control and bidi characters as visible
 * escapes, cut to `max` characters. */
export function oneLine(text: string, max: number): string {
  const flat = escapeForOneLine(text);
  const chars = [...flat];
  return chars.length > max ? chars.slice(0, max - 1).join('') + '…' : flat;
}
