// A session's list summary straight from its bytes, for files the index does not cover. Every line
// is decoded by the same rules as a full load (Go's trimming, JSON validity, field types, depth), so
// the message count is exactly the count a load finds; only tool inputs' stored text is not kept.
// Only regular files are read, and no further than the size they had when opened.
import type { Stats } from 'node:fs';
import fs from 'node:fs';
import { promisify } from 'node:util';
import type { Cost, SessionSummary } from '../shared/types';
import { goTimeFromMillis, isZeroTime } from './gotime';
import { goTrimSpace } from './gotrim';
import { forEachLine } from './lines';
import { decodeRecord, type MetaFields } from './record';
import { openRegularFd, openRegularSync } from './regular-file';

/** Files up to this size are read whole; larger ones line by line. */
const WHOLE_FILE = 32 << 20;
/** How much of a session's end is read for its cost record. */
const TAIL_BYTES = 64 << 10;

/** What the scan has learned so far. */
class Tally {
  meta: MetaFields | null = null;
  cost: Cost | null = null;
  /** The last workspace any meta line named (a later meta without one keeps it, as in a load). */
  workspace: string | undefined;
  count = 0;
  private readonly ids = new Set<string>();

  /** One line: bytes[from, to). */
  line(bytes: Buffer, from: number, to: number): void {
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
    if (rec.type === 'meta') {
      this.meta = rec.meta;
      this.workspace = rec.meta.workspace ?? this.workspace;
    } else if (rec.type === 'cost') this.cost = isCost(rec.cost) ? rec.cost : null;
    else if (rec.type === 'message' && rec.message) {
      const id = rec.message.id;
      if (id === undefined) this.count++;
      else if (!this.ids.has(id)) {
        this.ids.add(id);
        this.count++;
      }
    }
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
async function tallyBlocking(path: string, tally: Tally): Promise<Stats> {
  const { fd, stats } = openRegularSync(path);
  try {
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

/** The same as scanWithStats, reading small files with blocking calls: for scan threads, whose
 * event loop has nothing else to do. */
export async function scanWithStatsBlocking(
  path: string,
  id: string,
): Promise<{ summary: SessionSummary | null; stats: Stats }> {
  const tally = new Tally();
  return summarize(id, tally, await tallyBlocking(path, tally));
}

function summarize(id: string, tally: Tally, stats: Stats): { summary: SessionSummary | null; stats: Stats } {
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
