// Terminal formatting for the CLI: relative dates and aligned columns.
import { goTimeToMillis } from '../core/gotime';
import { escapeForOneLine } from './terminal-safe';

/** "just now", "5m ago", "3h ago", "yesterday", "4d ago", else the date (YYYY-MM-DD). */
export function relativeTime(text: string, now = Date.now()): string {
  const ms = goTimeToMillis(text);
  const diff = Math.max(0, now - ms) / 1000;
  if (diff < 60) return 'just now';
  if (diff < 3600) return `${Math.floor(diff / 60)}m ago`;
  if (diff < 86400) return `${Math.floor(diff / 3600)}h ago`;
  if (diff < 2 * 86400) return 'yesterday';
  if (diff < 30 * 86400) return `${Math.floor(diff / 86400)}d ago`;
  return new Date(ms).toISOString().slice(0, 10);
}

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
