// Go `time.Time` as JSON text: RFC 3339 with up to nine fraction digits and the writer's offset.
// JavaScript's Date keeps neither, so the text is kept and only parsed to compare or format.

/** Go's zero time, as its encoder writes it. */
export const ZERO_TIME = '0001-01-01T00:00:00Z';

/** A parsed time: whole seconds since the Unix epoch, nanoseconds, and the offset in minutes. */
export interface GoTime {
  seconds: number;
  nanos: number;
  offsetMinutes: number;
}

// Days from 1970-01-01 to a civil date (proleptic Gregorian; valid for year 1 too, unlike Date.UTC).
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

// Digits at [at, at + n) as a number, or -1. A hand-written scan: a list of thousands of sessions
// parses tens of thousands of times, and a regular expression cost more than the rest of it.
function digits(text: string, at: number, n: number): number {
  let value = 0;
  for (let i = at; i < at + n; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}

const charIs = (text: string, i: number, a: string, b = a): boolean => text[i] === a || text[i] === b;

/** Parses RFC 3339 text as Go's time.UnmarshalJSON accepts it; null when it would refuse it. */
export function parseGoTime(text: string): GoTime | null {
  if (text.length < 20 || !charIs(text, 4, '-') || !charIs(text, 7, '-') || !charIs(text, 10, 'T', 't'))
    return null;
  if (!charIs(text, 13, ':') || !charIs(text, 16, ':')) return null;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return null;
  let i = 19;
  let nanos = 0;
  if (text[i] === '.') {
    const start = ++i;
    while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
    if (i === start) return null;
    nanos = Number(text.slice(start, Math.min(i, start + 9)).padEnd(9, '0'));
  }
  let offsetMinutes = 0;
  if (charIs(text, i, 'Z', 'z')) {
    if (i + 1 !== text.length) return null;
  } else if (charIs(text, i, '+', '-') && i + 6 === text.length && text[i + 3] === ':') {
    const oh = digits(text, i + 1, 2);
    const om = digits(text, i + 4, 2);
    if (oh < 0 || oh > 23 || om < 0 || om > 59) return null;
    offsetMinutes = (text[i] === '-' ? -1 : 1) * (oh * 60 + om);
  } else return null;
  const seconds =
    daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second - offsetMinutes * 60;
  return { seconds, nanos, offsetMinutes };
}

/** True for text that denotes Go's zero time (or cannot be parsed, which Go would not have written). */
export function isZeroTime(text: string | undefined): boolean {
  if (!text) return true;
  const t = parseGoTime(text);
  return t === null || (t.seconds === ZERO_SECONDS && t.nanos === 0);
}

const ZERO_SECONDS = daysFromCivil(1, 1, 1) * 86400;

/** Orders two time texts like Go's Time.Compare: negative when a is earlier. Unparseable sorts as zero. */
export function compareGoTime(a: string, b: string): number {
  const ta = parseGoTime(a) ?? { seconds: ZERO_SECONDS, nanos: 0 };
  const tb = parseGoTime(b) ?? { seconds: ZERO_SECONDS, nanos: 0 };
  return ta.seconds - tb.seconds || ta.nanos - tb.nanos;
}

/** Milliseconds since the epoch (for relative dates and cut-offs; loses sub-millisecond digits). */
export function goTimeToMillis(text: string): number {
  const t = parseGoTime(text);
  return t ? t.seconds * 1000 + Math.floor(t.nanos / 1e6) : ZERO_SECONDS * 1000;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function formatOffset(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'Z';
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Formats seconds+nanos in a given offset as Go's RFC3339Nano does (trailing zeros dropped). */
export function formatGoTime(seconds: number, nanos: number, offsetMinutes: number): string {
  const local = new Date((seconds + offsetMinutes * 60) * 1000);
  const date = `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
  const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
  const frac = nanos > 0 ? '.' + pad(nanos, 9).replace(/0+$/, '') : '';
  return `${date}T${time}${frac}${formatOffset(offsetMinutes)}`;
}

/** The current time in the machine's offset, as Go's time.Now() would be written (microseconds kept). */
export function nowGoTime(): string {
  const micros = Math.round((performance.timeOrigin + performance.now()) * 1000);
  return goTimeFromMillis(Math.floor(micros / 1000), (micros % 1000) * 1000);
}

/** A millisecond timestamp (plus optional extra nanoseconds) in the machine's local offset. */
export function goTimeFromMillis(millis: number, extraNanos = 0): string {
  const offsetMinutes = -new Date(millis).getTimezoneOffset();
  const seconds = Math.floor(millis / 1000);
  const nanos = (millis - seconds * 1000) * 1e6 + extraNanos;
  return formatGoTime(seconds, nanos, offsetMinutes);
}

/** RFC 3339 to the second in the time's own offset, as the Markdown export prints it. */
export function formatToSecond(text: string): string {
  const t = parseGoTime(text);
  if (!t) return text;
  return formatGoTime(t.seconds, 0, t.offsetMinutes);
}
