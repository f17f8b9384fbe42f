// Byte-level reading of JSON lines for the list's cheap scans: finding a key inside a window of
// a line and reading its string value, without parsing the line (a scan costs little more than
// reading the file; JSON.parse of every line would cost several times that).

/** Where `needle` starts in bytes[from, to), or -1. */
export function indexIn(bytes: Buffer, needle: Buffer, from: number, to: number): number {
  if (to - from < needle.length) return -1;
  const at = bytes.subarray(from, to).indexOf(needle);
  return at < 0 ? -1 : from + at;
}

/** Where the last `needle` starts in bytes[from, to), or -1. */
export function lastIndexIn(bytes: Buffer, needle: Buffer, from: number, to: number): number {
  if (to - from < needle.length) return -1;
  const at = bytes.subarray(from, to).lastIndexOf(needle);
  return at < 0 ? -1 : from + at;
}

/** The end (index after the closing quote) of the JSON string whose opening quote is at
 * `start`, or -1 when it does not end before `to`. */
export function stringEnd(bytes: Buffer, start: number, to: number): number {
  let i = start + 1;
  while (i < to) {
    const q = bytes.indexOf(34, i);
    if (q < 0 || q >= to) return -1;
    let backslashes = 0;
    for (let j = q - 1; j > start && bytes[j] === 92; j--) backslashes++;
    if (backslashes % 2 === 0) return q + 1;
    i = q + 1;
  }
  return -1;
}

/** The string value that follows `key` (a Buffer of `"name":"`) in bytes[from, to), decoded;
 * undefined when the key is not there or its value is cut off. */
export function stringAfter(
  bytes: Buffer,
  key: Buffer,
  from: number,
  to: number,
  last = false,
): string | undefined {
  const at = last ? lastIndexIn(bytes, key, from, to) : indexIn(bytes, key, from, to);
  if (at < 0) return undefined;
  const open = at + key.length - 1;
  const end = stringEnd(bytes, open, to);
  if (end < 0) return undefined;
  const raw = bytes.toString('utf8', open, end);
  if (!raw.includes('\\')) return raw.slice(1, -1);
  try {
    return JSON.parse(raw) as string;
  } catch {
    return undefined;
  }
}

/** The end (index after the closing brace) of the JSON object whose `{` is at `start`, or -1. */
export function objectEnd(bytes: Buffer, start: number, to: number): number {
  let depth = 0;
  for (let i = start; i < to; i++) {
    const c = bytes[i];
    if (c === 34) {
      const end = stringEnd(bytes, i, to);
      if (end < 0) return -1;
      i = end - 1;
    } else if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/** The object value that follows `key` (a Buffer of `"name":{`) in bytes[from, to), parsed; the
 * last occurrence with `last`. Undefined when absent or not valid JSON. */
export function objectAfter(bytes: Buffer, key: Buffer, from: number, to: number, last = false): unknown {
  const at = last ? lastIndexIn(bytes, key, from, to) : indexIn(bytes, key, from, to);
  if (at < 0) return undefined;
  const open = at + key.length - 1;
  const end = objectEnd(bytes, open, to);
  if (end < 0) return undefined;
  try {
    return JSON.parse(bytes.toString('utf8', open, end));
  } catch {
    return undefined;
  }
}

const isWs = (c: number | undefined): boolean => c === 32 || c === 9 || c === 13 || c === 10;

/** The line bytes[from, to) with surrounding whitespace trimmed, as [start, end); start === end
 * when blank. */
export function trimmed(bytes: Buffer, from: number, to: number): [number, number] {
  let s = from;
  let e = to;
  while (s < e && isWs(bytes[s])) s++;
  while (e > s && isWs(bytes[e - 1])) e--;
  return [s, e];
}

/** True when bytes[s, e) looks like one whole JSON object (starts with { and ends with }). */
export function looksLikeObject(bytes: Buffer, s: number, e: number): boolean {
  return e - s >= 2 && bytes[s] === 123 && bytes[e - 1] === 125;
}

/** The key pattern `"name":"` (for stringAfter). */
export const stringKey = (name: string): Buffer => Buffer.from(`"${name}":"`);
/** The key pattern `"name":{` (for objectAfter). */
export const objectKey = (name: string): Buffer => Buffer.from(`"${name}":{`);
