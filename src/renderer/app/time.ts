// Time text as ggcode stores it (RFC 3339 with nanoseconds and any offset), turned into what the
// UI shows. JS Date keeps milliseconds only, which is all a display needs.

/** Milliseconds since the epoch, or -Infinity when the text is not a time (so it sorts last). */
export function parseTime(text: string | undefined): number {
  if (!text) return -Infinity;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? -Infinity : ms;
}

/** True for the zero time ggcode writes when it has none (0001-01-01). */
export function isZeroTime(text: string | undefined): boolean {
  return !text || text.startsWith('0001-01-01');
}

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.35],
  ['month', 12],
  ['year', Infinity],
];

/** "5 minutes ago", "yesterday", "3 weeks ago"; '' for a missing or zero time. */
export function relativeTime(text: string | undefined, now: number): string {
  if (isZeroTime(text)) return '';
  const ms = parseTime(text);
  if (ms === -Infinity) return '';
  let amount = (ms - now) / 1000;
  for (const [unit, size] of STEPS) {
    if (Math.abs(amount) < size) return relative.format(Math.round(amount), unit);
    amount /= size;
  }
  return '';
}

const absolute = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A local date and time for headers; the stored text when it cannot be read. */
export function absoluteTime(text: string | undefined): string {
  if (isZeroTime(text)) return '';
  const ms = parseTime(text);
  return ms === -Infinity ? (text ?? '') : absolute.format(ms);
}
