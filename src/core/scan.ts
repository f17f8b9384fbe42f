// A session's list summary straight from its bytes, for files the index does not cover. Message
// lines as ggcode writes them are counted from their first bytes without being parsed; only meta
// lines and unusually shaped lines are decoded, so a scan costs little more than one read.
import fs, { type Stats } from 'node:fs';
import { promisify } from 'node:util';
import type { Cost, SessionSummary } from '../shared/types';
import { goTimeFromMillis, isZeroTime } from './gotime';
import { forEachLine } from './lines';
import { decodeRecord, type MetaFields } from './record';

const MESSAGE_PREFIX = Buffer.from('{"type":"message"');
const META_PREFIX = Buffer.from('{"type":"meta"');
const COST_PREFIX = Buffer.from('{"type":"cost"');
const MESSAGE_KEY = Buffer.from('"message":');
const ID_KEY = Buffer.from('"id":"');
/** How far into a message line its id can stand (after type, session_id and times). */
const HEAD = 512;
/** Files up to this size are read whole; larger ones line by line. */
const WHOLE_FILE = 32 << 20;
/** How much of a session's end is read for its cost record. */
const TAIL_BYTES = 64 << 10;

const isWs = (c: number | undefined): boolean => c === 32 || c === 9 || c === 13 || c === 10;

// A byte loop: far cheaper per line than Buffer.compare or a Buffer-needle indexOf call.
function startsWith(bytes: Buffer, at: number, prefix: Buffer): boolean {
  if (bytes.length - at < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[at + i] !== prefix[i]) return false;
  return true;
}

/** Where `needle` starts in bytes[from, to), by a byte loop; -1 when absent. */
function findIn(bytes: Buffer, from: number, to: number, needle: Buffer): number {
  const first = needle[0];
  for (let i = from; i <= to - needle.length; i++) {
    if (bytes[i] === first && startsWith(bytes, i, needle)) return i;
  }
  return -1;
}

function lastNonWs(bytes: Buffer, from: number, to: number): number {
  let e = to - 1;
  while (e >= from && isWs(bytes[e])) e--;
  return e >= from ? bytes[e]! : -1;
}

/** What the scan has learned so far. Works on bytes: decoding every line to a string would
 * cost a copy of the whole file on the JS heap. */
class Tally {
  meta: MetaFields | null = null;
  cost: Cost | null = null;
  count = 0;
  private readonly ids = new Set<string>();

  message(id: string | undefined): void {
    if (id === undefined) this.count++;
    else if (!this.ids.has(id)) {
      this.ids.add(id);
      this.count++;
    }
  }

  /** One line: bytes[from, to). */
  line(bytes: Buffer, from: number, to: number): void {
    let s = from;
    while (s < to && isWs(bytes[s])) s++;
    if (s >= to || bytes[s] !== 123 || lastNonWs(bytes, s, to) !== 125) return;
    if (startsWith(bytes, s, MESSAGE_PREFIX)) {
      // ggcode writes type, session_id and times, then the message: its key is in the line's head.
      const key = findIn(bytes, s + MESSAGE_PREFIX.length, Math.min(to, s + HEAD), MESSAGE_KEY);
      if (key >= 0) {
        let v = key + MESSAGE_KEY.length;
        while (isWs(bytes[v])) v++;
        if (bytes[v] !== 123) return; // null: not a message, as in a full load
        if (!startsWith(bytes, v + 1, ID_KEY)) return this.message(undefined);
        const idStart = v + 1 + ID_KEY.length;
        const idEnd = bytes.indexOf(34, idStart);
        return this.message(bytes.toString('utf8', idStart, idEnd));
      }
      if (to - s <= HEAD) return; // a short message line without a message
    }
    const text = bytes.toString('utf8', s, to);
    const known =
      startsWith(bytes, s, META_PREFIX) ||
      startsWith(bytes, s, MESSAGE_PREFIX) ||
      startsWith(bytes, s, COST_PREFIX);
    if (!known && !text.includes('"meta"') && !text.includes('"message"') && !text.includes('"cost"')) return;
    try {
      const rec = decodeRecord(text);
      if (rec.type === 'meta') this.meta = rec.meta;
      else if (rec.type === 'cost') this.cost = isCost(rec.cost) ? rec.cost : null;
      else if (rec.type === 'message' && rec.message) this.message(rec.message.id);
    } catch {
      // A damaged line counts for nothing, exactly as in a full load.
    }
  }
}

// Plain file descriptors, not FileHandle: measured 15-20% less time per small file, which is
// what a list of thousands of unindexed sessions is made of.
const openFd = promisify(fs.open);
const fstatFd = promisify(fs.fstat);
const readFd = promisify(fs.read);
const closeFd = promisify(fs.close);

async function tallyWhole(path: string, tally: Tally): Promise<Stats> {
  const fd = await openFd(path, 'r');
  try {
    const stats = await fstatFd(fd);
    if (stats.size > WHOLE_FILE || !stats.isFile()) return stats.isFile() ? tallyByLine(path, tally) : stats;
    const bytes = Buffer.allocUnsafe(stats.size);
    let filled = 0;
    for (let n = -1; n !== 0 && filled < bytes.length; filled += n) {
      ({ bytesRead: n } = await readFd(fd, bytes, filled, bytes.length - filled, filled));
    }
    for (let from = 0; from < filled;) {
      let to = bytes.indexOf(10, from);
      if (to < 0 || to > filled) to = filled;
      tally.line(bytes, from, to);
      from = to + 1;
    }
    return stats;
  } finally {
    await closeFd(fd);
  }
}

function tallyByLine(path: string, tally: Tally): Promise<Stats> {
  return forEachLine(path, (bytes) => tally.line(bytes, 0, bytes.length));
}

function isCost(value: unknown): value is Cost {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The last cost record among the final `TAIL_BYTES` of a session file (ggcode writes it last),
 * with the file's size; for sessions the index lists, whose other fields come from the index. */
export async function tailCost(
  path: string,
): Promise<{ summary: { size: number; cost: Cost | null } | null; stats: Stats }> {
  const fd = await openFd(path, 'r');
  try {
    const stats = await fstatFd(fd);
    if (!stats.isFile() || stats.size === 0) return { summary: null, stats };
    const length = Math.min(stats.size, TAIL_BYTES);
    const bytes = Buffer.allocUnsafe(length);
    const { bytesRead } = await readFd(fd, bytes, 0, length, stats.size - length);
    const text = bytes.toString('utf8', 0, bytesRead);
    const at = text.lastIndexOf('\n{"type":"cost"');
    const start = at >= 0 ? at + 1 : text.startsWith('{"type":"cost"') && length === stats.size ? 0 : -1;
    let cost: Cost | null = null;
    if (start >= 0) {
      const end = text.indexOf('\n', start);
      try {
        const rec = decodeRecord(text.slice(start, end < 0 ? undefined : end).trim());
        if (rec.type === 'cost' && isCost(rec.cost)) cost = rec.cost;
      } catch {
        // a damaged cost line: no cost shown
      }
    }
    return { summary: { size: stats.size, cost }, stats };
  } finally {
    await closeFd(fd);
  }
}

/** Summarizes the session file at `path` (its id is `id`); the summary is null for an empty or
 * non-regular file. The stats are the file's as the scan opened it: a cache key at no extra stat. */
export async function scanWithStats(
  path: string,
  id: string,
): Promise<{ summary: SessionSummary | null; stats: Stats }> {
  const tally = new Tally();
  const stats = await tallyWhole(path, tally);
  if (!stats.isFile() || stats.size === 0) return { summary: null, stats };
  const m = tally.meta;
  let created = m?.created_at ?? '';
  if (isZeroTime(created)) created = goTimeFromMillis(Math.floor(stats.mtimeMs));
  const updated = m && !isZeroTime(m.updated_at) ? m.updated_at : created;
  const summary: SessionSummary = {
    id,
    title: m?.title ?? '',
    created_at: created,
    updated_at: updated,
    msg_count: tally.count,
    vendor: m?.vendor ?? '',
    endpoint: m?.endpoint ?? '',
    model: m?.model ?? '',
    size: stats.size,
  };
  if (m?.workspace !== undefined) summary.workspace = m.workspace;
  if (tally.cost) summary.cost = tally.cost;
  return { summary, stats };
}
