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
  // Short strings (keys, ids, times) end within a few bytes: a loop costs less than a native
  // call each; a long one is searched by indexOf from there.
  const near = Math.min(to, start + 64);
  for (let i = start + 1; i < near; i++) {
    const c = bytes[i]!;
    // Lowercase letters, most of the text, are past both a quote and a backslash.
    if (c > 92) continue;
    if (c === 92) i++;
    else if (c === 34) return i + 1;
  }
  let i = near;
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

// One comparison for the bytes that are not whitespace (nearly all: these lines have none).
const isWs = (c: number | undefined): boolean =>
  c !== undefined && c <= 32 && (c === 32 || c === 9 || c === 13 || c === 10);

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

/** Scalar values read from a line's members. */
export type Scalars = Record<string, string | number | boolean | null>;

/** Where member reading stopped: at a member whose value is an object or array (`key`, and `at`,
 * the index of its `{` or `[`), or at the end of the object (null). */
export interface MemberStop {
  key: string;
  at: number;
}

const isDigit = (c: number | undefined) => c !== undefined && ((c >= 48 && c <= 57) || c === 45);

function skipWs(bytes: Buffer, i: number, end: number): number {
  while (i < end && isWs(bytes[i])) i++;
  return i;
}

/** Short ASCII values of repeated keys (KeySet) decoded before, in slots picked by their length
 * and a few of their bytes: types, roles and models repeat line after line, and one found here
 * costs neither a pass over its bytes, a call into the runtime nor a new string. Values longer
 * than this are decoded each time. */
const INTERN_LENGTH = 48;
/** Slots (a power of two; a value whose slot is taken replaces the one there). */
const INTERN_SLOTS = 4096;
const interned = new Array<string | undefined>(INTERN_SLOTS);

function slotOf(bytes: Buffer, from: number, to: number): number {
  const n = to - from;
  return (n * 961 + bytes[from]! * 31 + bytes[to - 1]! * 7 + bytes[from + (n >> 1)]!) & (INTERN_SLOTS - 1);
}

function sameText(text: string, bytes: Buffer, from: number, to: number): boolean {
  if (text.length !== to - from) return false;
  for (let i = from; i < to; i++) if (text.charCodeAt(i - from) !== bytes[i]) return false;
  return true;
}

function decodeString(bytes: Buffer, open: number, close: number, repeated = false): string | undefined {
  const from = open + 1;
  const to = close - 1;
  const short = repeated && to > from && to - from <= INTERN_LENGTH;
  // A value kept is ASCII without escapes: the same bytes are that value.
  const slot = short ? slotOf(bytes, from, to) : -1;
  const known = short ? interned[slot] : undefined;
  if (known !== undefined && sameText(known, bytes, from, to)) return known;
  // No escape inside (a loop: the values are short, and indexOf would search on to the end of
  // the file when there is none); else JSON.parse decodes them.
  let ascii = true;
  for (let i = from; i < to; i++) {
    const c = bytes[i]!;
    if (c === 92) return decodeEscaped(bytes, open, close);
    if (c >= 128) ascii = false;
  }
  if (!short || !ascii) return bytes.toString('utf8', from, to);
  const text = bytes.toString('latin1', from, to);
  interned[slot] = text;
  return text;
}

function decodeEscaped(bytes: Buffer, open: number, close: number): string | undefined {
  try {
    return JSON.parse(bytes.toString('utf8', open, close)) as string;
  } catch {
    return undefined;
  }
}

/** The string whose opening quote is at bytes[at], decoded; undefined when it is not a whole
 * string before `end` (for a value readMembers gave the place of). */
export function stringAt(bytes: Buffer, at: number, end: number): string | undefined {
  if (bytes[at] !== 34) return undefined;
  const close = stringEnd(bytes, at, end);
  return close < 0 ? undefined : decodeString(bytes, at, close);
}

/** The number spelled by bytes[start, end): plain integers read digit by digit, anything else
 * (sign, fraction, exponent, many digits) as Number reads it. */
function numberAt(bytes: Buffer, start: number, end: number): number {
  if (end - start > 15) return Number(bytes.toString('latin1', start, end));
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = bytes[i]! - 48;
    if (d < 0 || d > 9) return Number(bytes.toString('latin1', start, end));
    n = n * 10 + d;
  }
  return n;
}

/** A key to read: its name and bytes; with `raw`, its value's place is what is read; with
 * `repeated`, its value is one of a few that recur (decoded once). */
interface Key {
  name: string;
  bytes: Buffer;
  raw: boolean;
  repeated: boolean;
}

/** Keys of a KeySet read in other ways than decoded each time. */
interface KeyModes {
  /** Read as the index their value starts at (for values seldom needed, or needed only from the
   * last line: unique strings such as times, not worth decoding on every line). */
  raw?: readonly string[];
  /** Values that recur line after line (types, roles, models): decoded once, then reused. */
  repeated?: readonly string[];
}

/** Keys to read, as bytes, so a line's keys are compared without making strings of them. */
export class KeySet {
  /** The keys by their length in bytes (most keys of a line have no wanted key's length). */
  private readonly byLength: (Key[] | undefined)[] = [];

  constructor(names: readonly string[], { raw = [], repeated = [] }: KeyModes = {}) {
    for (const name of [...names, ...raw, ...repeated]) {
      const key = {
        name,
        bytes: Buffer.from(name, 'latin1'),
        raw: raw.includes(name),
        repeated: repeated.includes(name),
      };
      (this.byLength[key.bytes.length] ??= []).push(key);
    }
  }

  /** The key spelled by bytes[from, to), or undefined. */
  find(bytes: Buffer, from: number, to: number): Key | undefined {
    const keys = this.byLength[to - from];
    if (keys === undefined) return undefined;
    // Indexed loops, the first byte first: most keys of a wanted length differ there.
    for (let n = 0; n < keys.length; n++) {
      const k = keys[n]!;
      const b = k.bytes;
      if (bytes[from] !== b[0]) continue;
      let j = 1;
      while (j < b.length && bytes[from + j] === b[j]) j++;
      if (j === b.length) return k;
    }
    return undefined;
  }
}

/** The object members the scans stop at, named without making a string of each. */
const CONTAINERS = new KeySet(['message', 'payload', 'content', 'snapshot', 'toolUseResult']);

/** Reads the members starting at bytes[i] (a `"key"`), one pass and no parse, until a member
 * whose value is an object or array, the end of the object, or anything unexpected (null).
 * Scalars of the keys in `wanted` are put in `out` (strings decoded); others are skipped. With
 * `step`, object and array members are stepped over instead (a wanted one's start index is put
 * in `out`). */
export function readMembers(
  bytes: Buffer,
  i: number,
  end: number,
  wanted: KeySet,
  out: Scalars,
  step = false,
): MemberStop | null {
  const stop = members(bytes, i, end, wanted, out, step);
  return stop === END ? null : stop;
}

/** Reads every member of the object whose `{` is at bytes[s] as readMembers does with `step`;
 * true when they are well formed up to its closing brace (else what was read is partial). */
export function readWholeObject(
  bytes: Buffer,
  s: number,
  end: number,
  wanted: KeySet,
  out: Scalars,
): boolean {
  if (bytes[s] !== 123) return false;
  if (bytes[skipWs(bytes, s + 1, end)] === 125) return true; // {}
  return members(bytes, s + 1, end, wanted, out, true) === END;
}

/** What members() answers when the object's members end at its closing brace. */
const END = Symbol('end');

function members(
  bytes: Buffer,
  i: number,
  end: number,
  wanted: KeySet,
  out: Scalars,
  step = false,
): MemberStop | null | typeof END {
  for (;;) {
    i = skipWs(bytes, i, end);
    if (bytes[i] !== 34) return null;
    const keyEnd = stringEnd(bytes, i, end);
    if (keyEnd < 0) return null;
    const keyStart = i + 1;
    const found = wanted.find(bytes, keyStart, keyEnd - 1);
    // A raw key's value is not decoded: its place is all that is read.
    const key = found?.raw === false ? found.name : undefined;
    i = skipWs(bytes, keyEnd, end);
    if (bytes[i] !== 58) return null;
    i = skipWs(bytes, i + 1, end);
    const c = bytes[i];
    if (found?.raw) out[found.name] = i;
    if ((c === 123 || c === 91) && step) {
      // Stepped over; a wanted one's place is kept in `out` (its index) for the caller to read.
      const close = objectEnd(bytes, i, end);
      if (close < 0) return null;
      if (key !== undefined) out[key] = i;
      i = close;
    } else if (c === 123 || c === 91)
      return {
        key:
          CONTAINERS.find(bytes, keyStart, keyEnd - 1)?.name ??
          bytes.toString('latin1', keyStart, keyEnd - 1),
        at: i,
      };
    else if (c === 34) {
      const close = stringEnd(bytes, i, end);
      if (close < 0) return null;
      if (key !== undefined) {
        const value = decodeString(bytes, i, close, found!.repeated);
        if (value !== undefined) out[key] = value;
      }
      i = close;
    } else if (c === 116 || c === 102 || c === 110) {
      if (key !== undefined) out[key] = c === 116 ? true : c === 102 ? false : null;
      i += c === 102 ? 5 : 4;
    } else if (isDigit(c)) {
      const start = i;
      while (i < end && !isWs(bytes[i]) && bytes[i] !== 44 && bytes[i] !== 125) i++;
      if (key !== undefined) out[key] = numberAt(bytes, start, i);
    } else return null;
    i = skipWs(bytes, i, end);
    if (bytes[i] === 44) i++;
    else return bytes[i] === 125 ? END : null; // the end, or something unexpected
  }
}

/** readMembers over the object whose `{` is at bytes[s]. */
export function readObjectHead(
  bytes: Buffer,
  s: number,
  end: number,
  wanted: KeySet,
  out: Scalars,
  step?: boolean,
): MemberStop | null {
  return bytes[s] === 123 ? readMembers(bytes, s + 1, end, wanted, out, step) : null;
}

/** Where the object that the members starting at bytes[i] belong to closes (its `}`), the
 * members stepped over (values of any kind); -1 when they are not well formed before `end`. */
export function membersEnd(bytes: Buffer, i: number, end: number): number {
  for (;;) {
    i = skipWs(bytes, i, end);
    if (bytes[i] !== 34) return -1;
    i = skipWs(bytes, stringEnd(bytes, i, end), end);
    if (i < 0 || bytes[i] !== 58) return -1;
    i = skipWs(bytes, i + 1, end);
    const c = bytes[i];
    if (c === 123 || c === 91) i = objectEnd(bytes, i, end);
    else if (c === 34) i = stringEnd(bytes, i, end);
    else while (i < end && bytes[i] !== 44 && bytes[i] !== 125 && !isWs(bytes[i])) i++;
    if (i < 0) return -1;
    i = skipWs(bytes, i, end);
    if (bytes[i] === 125) return i;
    if (bytes[i] !== 44) return -1;
    i++;
  }
}
