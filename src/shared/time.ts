// Time text as ggcode stores it (RFC 3339 with nanoseconds and any offset), turned into what the
// viewer and the CLI show. JS Date keeps milliseconds only, which is all a display needs; the zero
// time is Go's (gotime.ts), whatever offset it is written in.
import { goTimeToMillis, isZeroTime } from './gotime';

/** Milliseconds since the epoch, or -Infinity when the text is not a time (so it sorts last). */
export function parseTime(text: string | undefined): number {
  if (!text) return -Infinity;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? -Infinity : ms;
}

// Both formatters are made on first use: building one loads ICU data (about 10 ms), which a CLI
// command that never prints a date should not pay at start.
let relative: Intl.RelativeTimeFormat | undefined;

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.35],
  ['month', 12],
  ['year', Infinity],
];

/** How far back a time is, in words for the viewer ("5 minutes ago", "yesterday", "3 weeks ago";
 * '' for a missing or zero time) or, `short`, for a terminal column ("just now", "5m ago", "3h
 * ago", "yesterday", "4d ago", else the date as YYYY-MM-DD). */
export function relativeTime(
  text: string | undefined,
  now: number,
  style: 'words' | 'short' = 'words',
): string {
  if (style === 'short') return shortAge(text ?? '', now);
  if (isZeroTime(text)) return '';
  const ms = parseTime(text);
  if (ms === -Infinity) return '';
  let amount = (ms - now) / 1000;
  for (const [unit, size] of STEPS) {
    if (Math.abs(amount) < size) {
      relative ??= new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
      return relative.format(Math.round(amount), unit);
    }
    amount /= size;
  }
  return '';
}

let absolute: Intl.DateTimeFormat | undefined;

/** A local date and time for headers; the stored text when it cannot be read. */
export function absoluteTime(text: string | undefined): string {
  if (isZeroTime(text)) return '';
  const ms = parseTime(text);
  if (ms === -Infinity) return text ?? '';
  absolute ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return absolute.format(ms);
}

/** The terminal's compact age of `text` (a zero or unreadable time counts as Go's zero time). */
function shortAge(text: string, now: number): string {
  const ms = goTimeToMillis(text);
  const diff = Math.max(0, now - ms) / 1000;
  if (diff < 60) return 'just now';
  if (diff < 3600) return `${Math.floor(diff / 60)}m ago`;
  if (diff < 86400) return `${Math.floor(diff / 3600)}h ago`;
  if (diff < 2 * 86400) return 'yesterday';
  if (diff < 30 * 86400) return `${Math.floor(diff / 86400)}d ago`;
  return new Date(ms).toISOString().slice(0, 10);
}
