// A session's list summary straight from its bytes, for files the index does not cover. Every line
// is judged by the same rules as a full load (Go's trimming, JSON validity, field types, depth), so
// the message count is exactly the count a load finds: most lines from their bytes alone
// (line-verdict.ts), the others decoded as a load decodes them.
// Only regular files are read, and no further than the size they had when opened.
import type { Stats } from 'node:fs';
import fs from 'node:fs';
import { promisify } from 'node:util';
import type { Cost, SessionSummary } from '../shared/types';
import { goTimeFromMillis, isZeroTime } from '../shared/gotime';
import { goTrimSpace } from './gotrim';
import { forEachLine } from './lines';
import { keyOf } from './live/summary-cache';
import { lineVerdict, MESSAGE, META, NOTHING, verdictId, verdictMeta } from './line-verdict';
import { decodeRecord, type MetaFields } from './record';
import { openRegularFd, openRegularSync } from './regular-file';

/** Files up to this size are read whole; larger ones line by line. */
const WHOLE_FILE = 32 << 20;
/** How much of a session's end is read for its cost record. */
const TAIL_BYTES = 64 << 10;

/** What a scan of part of a file learned (plain data, to cross threads): parts merge in file
 * order into the file's summary. */
export interface PartTally {
  meta: MetaFields | null;
  workspace: string | undefined;
  /** Whether a cost line was seen (the last one wins, even when it is not an object). */
  costSeen: boolean;
  cost: Cost | null;
  /** Messages without an id. */
  idless: number;
  /** Distinct message ids, first seen first. */
  ids: string[];
}

/** What the scan has learned so far. */
class Tally {
  meta: MetaFields | null = null;
  cost: Cost | null = null;
  costSeen = false;
  /** The last workspace any meta line named (a later meta without one keeps it, as in a load). */
  workspace: string | undefined;
  idless = 0;
  private readonly ids = new Set<string>();

  /** Messages counted: each id once. */
  get count(): number {
    return this.idless + this.ids.size;
  }

  /** One line: bytes[from, to). Most lines are decided from their bytes; the rest are decoded. */
  line(bytes: Buffer, from: number, to: number): void {
    const verdict = lineVerdict(bytes, from, to);
    if (verdict === NOTHING) return;
    if (verdict === MESSAGE) {
      const id = verdictId();
      if (id === undefined) this.idless++;
      else this.ids.add(id);
      return;
    }
    if (verdict === META) this.takeMeta(verdictMeta());
    else this.decode(bytes, from, to);
  }

  private takeMeta(meta: MetaFields): void {
    this.meta = meta;
    this.workspace = meta.workspace ?? this.workspace;
  }

  /** One line, decoded as a full load decodes it. */
  private decode(bytes: Buffer, from: number, to: number): void {
    let text: string;
    try {
      text = goTrimSpace(bytes.toString('utf8', from, to));
    } catch {
      return; // longer than a string can be: a full load skips it too
    }
    // A JSON object starts with `{` once Go's white space is trimmed; anything else is skipped
    // by a full load, so it is not even parsed here.
    if (text.charCodeAt(0) !== 123) return;
    let rec;
    try {
      rec = decodeRecord(text, false);
    } catch {
      return; // a damaged line counts for nothing, exactly as in a full load
    }
    if (rec.type === 'meta') this.takeMeta(rec.meta);
    else if (rec.type === 'cost') {
      this.cost = isCost(rec.cost) ? rec.cost : null;
      this.costSeen = true;
    } else if (rec.type === 'message' && rec.message) {
      const id = rec.message.id;
      if (id === undefined) this.idless++;
      else this.ids.add(id);
    }
  }

  /** This tally as a part of a file. */
  part(): PartTally {
    const { meta, workspace, costSeen, cost, idless } = this;
    return { meta, workspace, costSeen, cost, idless, ids: [...this.ids] };
  }

  /** Adds the part of the file that comes after everything tallied so far. */
  absorb(p: PartTally): void {
    if (p.meta) this.meta = p.meta;
    if (p.workspace !== undefined) this.workspace = p.workspace;
    if (p.costSeen) {
      this.cost = p.cost;
      this.costSeen = true;
    }
    this.idless += p.idless;
    for (const id of p.ids) this.ids.add(id);
  }
}

// Plain file descriptors, not FileHandle: measured 15-20% less time per small file, which is
// what a list of thousands of unindexed sessions is made of.
const readFd = promisify(fs.read);
const closeFd = promisify(fs.close);

// Every line of bytes[0, filled) into the tally.
function tallyBytes(bytes: Buffer, filled: number, tally: Tally): void {
  for (let from = 0; from < filled;) {
    let to = bytes.indexOf(10, from);
    if (to < 0 || to > filled) to = filled;
    tally.line(bytes, from, to);
    from = to + 1;
  }
}

async function tallyWhole(path: string, tally: Tally): Promise<Stats> {
  const { fd, stats } = await openRegularFd(path);
  try {
    if (stats.size > WHOLE_FILE) return await forEachLine(path, (b) => tally.line(b, 0, b.length));
    const bytes = Buffer.allocUnsafe(stats.size);
    let filled = 0;
    for (let n = -1; n !== 0 && filled < bytes.length; filled += n) {
      ({ bytesRead: n } = await readFd(fd, bytes, filled, bytes.length - filled, filled));
    }
    tallyBytes(bytes, filled, tally);
    return stats;
  } finally {
    await closeFd(fd);
  }
}

/** One buffer reused by the blocking scans of a thread, grown to the largest file it read. */
let shared = Buffer.alloc(0);

// Reads a file of at most WHOLE_FILE bytes with blocking calls (no thread-pool round trip per
// call: a third of the time of the asynchronous path on thousands of small files); larger files
// take the line-by-line path.
async function tallyBlocking(path: string, tally: Tally, splitAt: number): Promise<Stats> {
  const { fd, stats } = openRegularSync(path);
  try {
    if (stats.size >= splitAt) return stats; // left to the caller, to be scanned in parts
    if (stats.size > WHOLE_FILE) return await forEachLine(path, (b) => tally.line(b, 0, b.length));
    if (shared.length < stats.size) shared = Buffer.allocUnsafe(Math.max(stats.size, 1 << 16));
    let filled = 0;
    for (let n = -1; n !== 0 && filled < stats.size; filled += n) {
      n = fs.readSync(fd, shared, filled, stats.size - filled, filled);
    }
    tallyBytes(shared, filled, tally);
    return stats;
  } finally {
    fs.closeSync(fd);
  }
}

/** Bytes read at a time by a part's scan. */
const PART_CHUNK = 4 << 20;

// The lines of a file that start in bytes [from, to): a line belongs to the part its first byte
// is in, so parts that tile the file see every line exactly once, as one whole scan would.
function tallyLinesStartingIn(fd: number, size: number, from: number, to: number, tally: Tally): void {
  const chunk = Buffer.allocUnsafe(Math.min(PART_CHUNK, Math.max(size, 1)));
  let pending: Buffer[] = [];
  // Where the line being read starts; -1 until the part's first line is found.
  let lineStart = from === 0 ? 0 : -1;
  for (let pos = from === 0 ? 0 : from - 1; pos < size;) {
    const n = fs.readSync(fd, chunk, 0, Math.min(chunk.length, size - pos), pos);
    if (n === 0) break;
    const view = chunk.subarray(0, n);
    let at = 0;
    if (lineStart < 0) {
      const nl = view.indexOf(10);
      if (nl < 0) {
        pos += n;
        continue;
      }
      at = nl + 1;
      lineStart = pos + at;
    }
    if (lineStart >= to) return;
    for (let nl = view.indexOf(10, at); nl >= 0; nl = view.indexOf(10, at)) {
      if (pending.length) {
        const line = Buffer.concat([...pending, view.subarray(at, nl)]);
        pending = [];
        tally.line(line, 0, line.length);
      } else tally.line(view, at, nl);
      at = nl + 1;
      lineStart = pos + at;
      if (lineStart >= to) return;
    }
    if (at < n) pending.push(Buffer.from(view.subarray(at))); // a copy: the chunk is read into again
    pos += n;
  }
  if (pending.length && lineStart >= 0 && lineStart < to) {
    const line = Buffer.concat(pending);
    tally.line(line, 0, line.length);
  }
}

/** Tallies the lines of `path` that start in bytes [from, to), with blocking reads (for scan
 * threads), when the file is still in the state `key` names (its cache key); else throws. */
export function tallyPartBlocking(path: string, from: number, to: number, key: string): PartTally {
  const { fd, stats } = openRegularSync(path);
  try {
    if (keyOf(stats) !== key) throw new Error(`${path} changed while it was scanned`);
    const tally = new Tally();
    tallyLinesStartingIn(fd, stats.size, from, Math.min(to, stats.size), tally);
    return tally.part();
  } finally {
    fs.closeSync(fd);
  }
}

/** The summary of a file tallied in parts (in file order), as scanWithStats would give it. */
export function summaryOfParts(
  id: string,
  parts: PartTally[],
  stats: Pick<Stats, 'size' | 'mtimeMs'>,
): SessionSummary | null {
  const tally = new Tally();
  for (const p of parts) tally.absorb(p);
  return summarize(id, tally, stats).summary;
}

function isCost(value: unknown): value is Cost {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The last cost record among the final `TAIL_BYTES` of a session file (ggcode writes it last),
 * with the file's size; for sessions the index lists, whose other fields come from the index. */
export async function tailCost(
  path: string,
): Promise<{ summary: { size: number; cost: Cost | null } | null; stats: Stats }> {
  const { fd, stats } = await openRegularFd(path);
  try {
    if (stats.size === 0) return { summary: null, stats };
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
        const rec = decodeRecord(goTrimSpace(text.slice(start, end < 0 ? undefined : end)), false);
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

/** Summarizes the session file at `path` (its id is `id`); the summary is null for an empty file.
 * The stats are the file's as the scan opened it: a cache key at no extra stat. Throws
 * NotRegularFileError for a FIFO, socket, device or directory (or a symlink to one). */
export async function scanWithStats(
  path: string,
  id: string,
): Promise<{ summary: SessionSummary | null; stats: Stats }> {
  const tally = new Tally();
  return summarize(id, tally, await tallyWhole(path, tally));
}

/** The same as scanWithStats with blocking reads (for scan threads, whose event loop has nothing
 * else to do), except that a file of `splitAt` bytes or more is not read: its stats come back
 * alone (`whole` false), for it to be scanned in parts (tallyPartBlocking). */
export async function scanSmallBlocking(
  path: string,
  id: string,
  splitAt: number,
): Promise<{ whole: true; summary: SessionSummary | null; stats: Stats } | { whole: false; stats: Stats }> {
  const tally = new Tally();
  const stats = await tallyBlocking(path, tally, splitAt);
  if (stats.size >= splitAt) return { whole: false, stats };
  return { whole: true, ...summarize(id, tally, stats) };
}

function summarize<S extends Pick<Stats, 'size' | 'mtimeMs'>>(
  id: string,
  tally: Tally,
  stats: S,
): { summary: SessionSummary | null; stats: S } {
  if (stats.size === 0) return { summary: null, stats };
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
  if (tally.workspace !== undefined) summary.workspace = tally.workspace;
  if (tally.cost) summary.cost = tally.cost;
  return { summary, stats };
}
