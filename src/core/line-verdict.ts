// What a session line adds to a list summary, read straight from its bytes: no UTF-8 decoding,
// no JSON.parse, no objects. It answers only when it is sure to answer as a full decode would
// (Go's trimming, JSON.parse's grammar, duplicate keys' last-wins, the record's field types and
// depth limit: see record.ts); anything else (a damaged line, a meta or cost record, an escape
// where a value or key matters, non-ASCII white space) it leaves to the full decode: such lines
// are rare, and a decode of them costs what it cost before.
import { constants } from 'node:buffer';
import { parseGoTime, ZERO_TIME } from '../shared/gotime';
import { MAX_DEPTH, type MetaFields } from './record';
import { BLOCK_FIELDS } from '../shared/types';

/** Verdicts: decode the line in full; the line adds nothing to a summary (it is not an object
 * once trimmed, or it is a valid record other than a meta, a cost or a non-null message); the
 * line is a valid message record (its id: verdictId); a valid meta record (verdictMeta). */
export const DECODE = 0;
export const NOTHING = 1;
export const MESSAGE = 2;
export const META = 3;
export type Verdict = typeof DECODE | typeof NOTHING | typeof MESSAGE | typeof META;

// A value the walk gave up on: invalid, or valid in a way it leaves to the decode.
const GIVE_UP = -1;

// Bytes that end a run of plain string bytes: controls (invalid unescaped), `"` and `\`.
const STOP = new Uint8Array(256);
for (let c = 0; c < 32; c++) STOP[c] = 1;
STOP[34] = 1;
STOP[92] = 1;

const table = (chars: string): Uint8Array => {
  const t = new Uint8Array(256);
  for (const c of chars) t[c.charCodeAt(0)] = 1;
  return t;
};
// Escapes other than \u.
const SHORT_ESCAPE = table('"\\/bfnrt');
const HEX = table('0123456789abcdefABCDEF');
// Go's unicode.IsSpace among ASCII bytes, which strings.TrimSpace removes around a line.
const GO_SPACE = table(' \t\n\v\f\r');

/** ASCII text to match: its bytes, and its whole 4-byte groups as little-endian numbers, which
 * are compared four bytes at a time. */
interface Word {
  bytes: Uint8Array;
  quads: Int32Array;
}
function bytesOf(s: string): Word {
  const bytes = Uint8Array.from(s, (c) => c.charCodeAt(0));
  const quads = new Int32Array(bytes.length >> 2);
  const dv = new DataView(bytes.buffer);
  for (let j = 0; j < quads.length; j++) quads[j] = dv.getInt32(4 * j, true);
  return { bytes, quads };
}
const ZERO = bytesOf(ZERO_TIME);
const QUOTED_ZERO = bytesOf(`"${ZERO_TIME}"`);
const QUOTED_MESSAGE = bytesOf('"message"');
const TRUE = bytesOf('true');
const FALSE = bytesOf('false');
const NULL = bytesOf('null');

/** Words to tell apart: the words starting with each byte, and each word as a key's text after
 * its opening quote (`type":`), to match keys in one pass. */
interface WordSet {
  words: Word[];
  byFirst: number[][];
  keyTails: Word[];
}

function wordSet(words: readonly string[]): WordSet {
  // One pass over the words, not one per byte: every process (and scan thread) builds these at
  // start, before anything is optimized.
  const byFirst = Array.from({ length: 256 }, (): number[] => []);
  words.forEach((w, i) => byFirst[w.charCodeAt(0)]!.push(i));
  return { words: words.map(bytesOf), byFirst, keyTails: words.map((w) => bytesOf(`${w}":`)) };
}

// The keys each checked level reads, and the types a record can have that matter here.
const TOP_KEYS = wordSet([
  'type',
  'session_id',
  'created_at',
  'updated_at',
  'message',
  'title',
  'vendor',
  'endpoint',
  'model',
  'workspace',
]);
const [TYPE, SESSION_ID, CREATED_AT, UPDATED_AT, TITLE, WORKSPACE] = [0, 1, 2, 3, 5, 9];
const MESSAGE_KEYS = wordSet(['role', 'content', 'id']);
const [ROLE, CONTENT] = [0, 1];
// Every block field but input, whose value may be anything.
const TYPED_BLOCK_FIELDS = BLOCK_FIELDS.filter((field) => field !== 'input');
const BLOCK_KEYS = wordSet(TYPED_BLOCK_FIELDS);
const IS_ERROR = TYPED_BLOCK_FIELDS.indexOf('is_error');
const TYPES = wordSet(['message', 'meta', 'cost']);
const [IS_MESSAGE, IS_META, OTHER_TYPE] = [0, 1, -1];

// The line being walked, and a 32-bit view of its memory to pass plain string bytes four at a time.
let buf: Buffer = Buffer.alloc(0);
let words: Int32Array = new Int32Array(0);
let quads: DataView = new DataView(new ArrayBuffer(0));
let wordsOf: Uint8Array | null = null;
let base = 0;
let end = 0;
/** Containers open inside the value being skipped: 1 object, 2 array. */
const open = new Uint8Array(MAX_DEPTH + 1);

// What the last string walked was: its content bytes [strStart, strEnd) and whether it had escapes.
let escaped = false;
let strStart = 0;
let strEnd = 0;
// Whether the last value of a checked field had the wrong type (neither null nor the field's
// type), and whether it was a string.
let wrong = false;
let isString = false;
// The top level: bits of fields whose last value is wrong (bit = key index), the last type (index
// in TYPES, OTHER_TYPE for any other or none) and the last message (NO_MESSAGE, GOOD, BAD).
let topWrong = 0;
let type = OTHER_TYPE;
let message = 0;
const [NO_MESSAGE, GOOD, BAD] = [0, 1, 2];
let id: string | undefined;
// The message value being walked: role or content wrong, and its id.
let messageWrong = false;
let contentWrong = false;
let messageId: string | undefined;
// The block being walked: bits of fields whose last value is wrong.
let blockWrong = 0;
// What a meta record needs of the top level's strings, by key: the last value's kind and its
// content bytes. Bits of meta fields (title to model) whose last value is wrong.
const [ABSENT, PLAIN, ESCAPED, ZERO_TEXT, OTHER] = [0, 1, 2, 3, 4];
const kinds = new Uint8Array(TOP_KEYS.words.length);
const starts = new Int32Array(TOP_KEYS.words.length);
const ends = new Int32Array(TOP_KEYS.words.length);
let metaWrong = 0;

/** The id of the message of the last MESSAGE verdict (undefined: it has none). */
export function verdictId(): string | undefined {
  return id;
}

// The last value of top-level key `key` as a string ('' when null or absent); undefined when it
// is not a string. An escaped one is decoded as JSON.parse and the record's repair decode it.
function text(key: number): string | undefined {
  const kind = kinds[key];
  if (kind === ABSENT) return '';
  if (kind === ZERO_TEXT) return ZERO_TIME;
  if (kind === PLAIN) return buf.toString('utf8', starts[key], ends[key]);
  if (kind === OTHER) return undefined;
  return (JSON.parse(buf.toString('utf8', starts[key]! - 1, ends[key]! + 1)) as string).toWellFormed();
}

/** The fields of the meta record of the last META verdict (until the next verdict). */
export function verdictMeta(): MetaFields {
  const fields: MetaFields = {
    title: text(TITLE)!,
    vendor: text(TITLE + 1)!,
    endpoint: text(TITLE + 2)!,
    model: text(TITLE + 3)!,
    created_at: text(CREATED_AT)!,
    updated_at: text(UPDATED_AT)!,
  };
  if (kinds[WORKSPACE] === PLAIN || kinds[WORKSPACE] === ESCAPED) fields.workspace = text(WORKSPACE)!;
  return fields;
}

// Keeps where the last string `typed` walked lies, as the last value of top-level key `key`.
function keep(key: number): void {
  kinds[key] = wrong ? OTHER : !isString ? ABSENT : escaped ? ESCAPED : PLAIN;
  starts[key] = strStart;
  ends[key] = strEnd;
}

const JSON_WS = table(' \t\n\r');

function ws(k: number): number {
  while (k < end && JSON_WS[buf[k]!] === 1) k++;
  return k;
}

/** Walks the string whose quote is at `k`: the index after its closing quote, or GIVE_UP. */
function skipString(k: number): number {
  // Locals, not the module's variables, in the loop that sees most of a session's bytes.
  const b = buf;
  const e = end;
  strStart = ++k;
  escaped = false;
  for (;;) {
    // Plain bytes one by one up to a word boundary, then four at a time, then one by one again
    // up to the byte that stopped the words.
    let c = 0;
    while (k < e && STOP[(c = b[k]!)] === 0 && ((base + k) & 3) !== 0) k++;
    if (k >= e) return GIVE_UP;
    if (STOP[c] === 0) {
      const w32 = words;
      let w = (base + k) >> 2;
      const last = (base + e) >> 2;
      while (w < last) {
        // Some byte below 0x20 or `"` (which xor 2 maps below 0x21), or `\`; exact for "some":
        // a borrow starts only at a byte that matches.
        const x = w32[w]! ^ 0x02020202;
        const y = x ^ 0x5e5e5e5e;
        if ((((x - 0x21212121) & ~x) | ((y - 0x01010101) & ~y)) & 0x80808080) break;
        w++;
      }
      k = w * 4 - base;
      while (k < e && STOP[(c = b[k]!)] === 0) k++;
      if (k >= e) return GIVE_UP;
    }
    if (c === 34) {
      strEnd = k;
      return k + 1;
    }
    if (c !== 92 || k + 1 >= e) return GIVE_UP;
    escaped = true;
    const x = b[k + 1]!;
    if (SHORT_ESCAPE[x] === 1) k += 2;
    else if (
      x === 117 &&
      k + 5 < e &&
      (HEX[b[k + 2]!]! & HEX[b[k + 3]!]! & HEX[b[k + 4]!]! & HEX[b[k + 5]!]!) === 1
    )
      k += 6;
    else return GIVE_UP;
  }
}

const isDigit = (k: number): boolean => k < end && buf[k]! >= 48 && buf[k]! <= 57;

// JSON's number grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? (any size: 1e400 parses).
function skipNumber(k: number): number {
  if (buf[k] === 45) k++;
  if (!isDigit(k)) return GIVE_UP;
  if (buf[k++] !== 48) while (isDigit(k)) k++;
  if (k < end && buf[k] === 46) {
    if (!isDigit(++k)) return GIVE_UP;
    while (isDigit(k)) k++;
  }
  if (k < end && (buf[k] === 101 || buf[k] === 69)) {
    k++;
    if (k < end && (buf[k] === 43 || buf[k] === 45)) k++;
    if (!isDigit(k)) return GIVE_UP;
    while (isDigit(k)) k++;
  }
  return k;
}

function equals(from: number, to: number, word: Word): boolean {
  const { bytes, quads: q } = word;
  const n = bytes.length;
  if (to - from !== n) return false;
  const dv = quads;
  const at = base + from;
  for (let j = 0; j < q.length; j++) if (dv.getInt32(at + 4 * j, true) !== q[j]) return false;
  for (let j = q.length * 4; j < n; j++) if (buf[from + j] !== bytes[j]) return false;
  return true;
}

/** Which word of `set` bytes[from, to) is, or -1. */
function which(from: number, to: number, set: WordSet): number {
  if (to === from) return -1;
  for (const i of set.byFirst[buf[from]!]!) if (equals(from, to, set.words[i]!)) return i;
  return -1;
}

function literal(k: number, word: Word): number {
  const to = k + word.bytes.length;
  return to <= end && equals(k, to, word) ? to : GIVE_UP;
}

// The scalar at `k`: the index after it, or GIVE_UP.
function skipScalar(k: number): number {
  const c = buf[k];
  if (c === 34) return skipString(k);
  if (c === 116) return literal(k, TRUE);
  if (c === 102) return literal(k, FALSE);
  if (c === 110) return literal(k, NULL);
  return skipNumber(k);
}

// A member's key and colon at `k`: the index of its value (white space skipped), or GIVE_UP.
function memberValue(k: number): number {
  if (k >= end || buf[k] !== 34 || (k = skipString(k)) < 0) return GIVE_UP;
  k = ws(k);
  return k < end && buf[k] === 58 ? ws(k + 1) : GIVE_UP;
}

/** Walks the value at `k` inside containers `depth` deep, with an explicit stack: the index
 * after it, or GIVE_UP (invalid, or nested deeper than MAX_DEPTH). */
function skipValue(k: number, depth: number): number {
  let top = 0;
  for (;;) {
    if (k >= end) return GIVE_UP;
    const c = buf[k];
    if (c === 123 || c === 91) {
      if (depth + top >= MAX_DEPTH) return GIVE_UP;
      const object = c === 123;
      open[top++] = object ? 1 : 2;
      k = ws(k + 1);
      if (k >= end) return GIVE_UP;
      if (buf[k] !== (object ? 125 : 93)) {
        if (object && (k = memberValue(k)) < 0) return GIVE_UP;
        continue;
      }
      k++;
      top--;
    } else if ((k = skipScalar(k)) < 0) return GIVE_UP;
    // A value ends at k: close containers until one goes on.
    for (;;) {
      if (top === 0) return k;
      k = ws(k);
      if (k >= end) return GIVE_UP;
      const object = open[top - 1] === 1;
      if (buf[k] === 44) {
        k = ws(k + 1);
        if (object && (k = memberValue(k)) < 0) return GIVE_UP;
        break;
      }
      if (buf[k] !== (object ? 125 : 93)) return GIVE_UP;
      k++;
      top--;
    }
  }
}

// The value at `k` of a field that must be null, a string or (`boolean`) a boolean: sets `wrong`.
function typed(k: number, depth: number, boolean: boolean): number {
  const c = buf[k];
  wrong = false;
  isString = c === 34;
  if (c === 110) return literal(k, NULL);
  if (boolean ? c === 116 || c === 102 : isString) return skipScalar(k);
  wrong = true;
  isString = false;
  return skipValue(k, depth);
}

/** Walks the object at `k` (its `{`), `depth` deep, handing the value of each member whose key
 * is one of `keys` to `onValue` (which returns the index after it) and skipping the others. An
 * escaped key could be any of them: the walk gives up on it. */
function members(
  k: number,
  keys: WordSet,
  depth: number,
  onValue: (key: number, k: number) => number,
): number {
  k = ws(k + 1);
  if (k < end && buf[k] === 125) return k + 1;
  for (;;) {
    if (k + 1 >= end || buf[k] !== 34) return GIVE_UP;
    let key = -1;
    for (const i of keys.byFirst[buf[k + 1]!]!) {
      const to = k + 1 + keys.keyTails[i]!.bytes.length;
      if (to <= end && equals(k + 1, to, keys.keyTails[i]!)) {
        key = i;
        k = ws(to);
        break;
      }
    }
    if (key < 0) {
      if ((k = skipString(k)) < 0 || escaped) return GIVE_UP;
      key = which(strStart, strEnd, keys);
      k = ws(k);
      if (k >= end || buf[k] !== 58) return GIVE_UP;
      k = ws(k + 1);
    }
    if (k >= end) return GIVE_UP;
    k = key < 0 ? skipValue(k, depth) : onValue(key, k);
    if (k < 0) return GIVE_UP;
    k = ws(k);
    if (k >= end) return GIVE_UP;
    if (buf[k] === 125) return k + 1;
    if (buf[k] !== 44) return GIVE_UP;
    k = ws(k + 1);
  }
}

function blockValue(key: number, k: number): number {
  k = typed(k, 4, key === IS_ERROR);
  blockWrong = wrong ? blockWrong | (1 << key) : blockWrong & ~(1 << key);
  return k;
}

// A message's content array at `k`: sets `contentWrong` unless every element is a valid block.
function content(k: number): number {
  let bad = false;
  k = ws(k + 1);
  if (k < end && buf[k] === 93) {
    contentWrong = false;
    return k + 1;
  }
  for (;;) {
    if (k >= end) return GIVE_UP;
    if (buf[k] === 123) {
      blockWrong = 0;
      k = members(k, BLOCK_KEYS, 4, blockValue);
      if (blockWrong !== 0) bad = true;
    } else {
      bad = true;
      k = skipValue(k, 3);
    }
    if (k < 0) return GIVE_UP;
    k = ws(k);
    if (k >= end) return GIVE_UP;
    if (buf[k] === 93) {
      contentWrong = bad;
      return k + 1;
    }
    if (buf[k] !== 44) return GIVE_UP;
    k = ws(k + 1);
  }
}

function messageValue(key: number, k: number): number {
  if (key === ROLE) {
    k = typed(k, 2, false);
    messageWrong = wrong;
    return k;
  }
  if (key === CONTENT) {
    if (buf[k] === 91) return content(k);
    contentWrong = buf[k] !== 110;
    return contentWrong ? skipValue(k, 2) : literal(k, NULL);
  }
  // id: kept when it is a string (decoded alone: its bytes lie between quotes, which end any
  // UTF-8 sequence, so they decode as they would within the line).
  if (buf[k] !== 34) {
    messageId = undefined;
    return skipValue(k, 2);
  }
  k = skipString(k);
  if (k < 0 || escaped) return GIVE_UP;
  messageId = buf.toString('utf8', strStart, strEnd);
  return k;
}

function topValue(key: number, k: number): number {
  if (key === TYPE) {
    const quoted = k + QUOTED_MESSAGE.bytes.length;
    if (quoted <= end && equals(k, quoted, QUOTED_MESSAGE)) {
      type = IS_MESSAGE;
      topWrong &= ~(1 << key);
      return quoted;
    }
    k = typed(k, 1, false);
    if (k < 0 || (isString && escaped)) return GIVE_UP;
    type = OTHER_TYPE;
    if (isString) type = which(strStart, strEnd, TYPES);
  } else if (key === SESSION_ID) {
    k = typed(k, 1, false);
  } else if (key === CREATED_AT || key === UPDATED_AT) {
    // Every record but a meta carries the zero time: its quoted text is matched whole.
    const zero = k + QUOTED_ZERO.bytes.length;
    if (zero <= end && equals(k, zero, QUOTED_ZERO)) {
      topWrong &= ~(1 << key);
      kinds[key] = ZERO_TEXT;
      return zero;
    }
    k = typed(k, 1, false);
    if (k < 0) return GIVE_UP;
    // A time must be empty, the zero time or RFC 3339 text.
    if (isString && strEnd > strStart && !equals(strStart, strEnd, ZERO)) {
      if (escaped) return GIVE_UP;
      wrong = parseGoTime(buf.toString('utf8', strStart, strEnd)) === null;
    }
    keep(key);
  } else if (key === WORKSPACE) {
    // Kept when a string, ignored otherwise.
    k = typed(k, 1, false);
    if (isString) keep(key);
    else kinds[key] = OTHER;
    return k;
  } else if (key >= TITLE) {
    k = typed(k, 1, false);
    keep(key);
    metaWrong = wrong ? metaWrong | (1 << key) : metaWrong & ~(1 << key);
    return k;
  } else {
    // message: null, or an object (anything else is wrong)
    if (buf[k] !== 123) {
      message = buf[k] === 110 ? NO_MESSAGE : BAD;
      return message === BAD ? skipValue(k, 1) : literal(k, NULL);
    }
    messageWrong = false;
    contentWrong = false;
    messageId = undefined;
    k = members(k, MESSAGE_KEYS, 2, messageValue);
    message = messageWrong || contentWrong ? BAD : GOOD;
    id = messageId;
    return k;
  }
  topWrong = wrong ? topWrong | (1 << key) : topWrong & ~(1 << key);
  return k;
}

/** The verdict on the line bytes[from, to). */
export function lineVerdict(bytes: Buffer, from: number, to: number): Verdict {
  if (to - from > constants.MAX_STRING_LENGTH) return DECODE; // too long to decode: the decode says so
  // A file's lines come in one buffer: its view is made once.
  if (bytes !== wordsOf) {
    words = new Int32Array(bytes.buffer, 0, bytes.buffer.byteLength >>> 2);
    quads = new DataView(bytes.buffer);
    wordsOf = bytes;
  }
  buf = bytes;
  base = bytes.byteOffset;
  end = to;
  let k = from;
  while (k < end && GO_SPACE[buf[k]!] === 1) k++;
  if (k === end) return NOTHING;
  if (buf[k] !== 123) return buf[k]! >= 128 ? DECODE : NOTHING; // non-ASCII could be Go space
  topWrong = 0;
  metaWrong = 0;
  kinds.fill(ABSENT);
  type = OTHER_TYPE;
  message = NO_MESSAGE;
  id = undefined;
  k = members(k, TOP_KEYS, 1, topValue);
  if (k < 0) return DECODE;
  while (k < end && GO_SPACE[buf[k]!] === 1) k++;
  if (k < end || topWrong !== 0) return DECODE;
  if (type === IS_META) return metaWrong === 0 ? META : DECODE;
  if (type !== IS_MESSAGE) return type === OTHER_TYPE ? NOTHING : DECODE;
  if (message === BAD) return DECODE;
  return message === GOOD ? MESSAGE : NOTHING;
}
