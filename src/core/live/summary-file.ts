// The list's per-file summaries kept on disk (in the cache folder, never the sessions folder), so
// that a new process (a CLI run, an app start) does not read and decode every session that
// index.json lacks again: it checks each file's stat against the key its summary was taken at.
import { mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { tempPathFor } from '../atomic';
import { readRegularFile } from '../regular-file';
import type { CacheEntry } from './summary-cache';

/** Bumped whenever what a summary holds, or how it is computed, changes: older files are ignored. */
const FORMAT = 1;
/** A cache file larger than this is not read (it would be ~200 bytes per session). */
const MAX_BYTES = 256 << 20;

/** The two caches a store keeps, as stored: id -> [key, summary]. */
export interface SummarySnapshot {
  scanned: Record<string, CacheEntry<unknown>>;
  tails: Record<string, CacheEntry<unknown>>;
}

const isEntry = (v: unknown): v is CacheEntry<unknown> =>
  typeof v === 'object' && v !== null && typeof (v as CacheEntry<unknown>).key === 'string' && 'summary' in v;

function entries(v: unknown): Record<string, CacheEntry<unknown>> {
  const out: Record<string, CacheEntry<unknown>> = Object.create(null);
  if (typeof v !== 'object' || v === null) return out;
  for (const [id, e] of Object.entries(v)) if (isEntry(e)) out[id] = e;
  return out;
}

/** Reads the snapshot at `path`; an empty one when it is missing, damaged or of another format. */
export async function readSummaryFile(path: string): Promise<SummarySnapshot> {
  try {
    const o = JSON.parse((await readRegularFile(path, MAX_BYTES)).toString('utf8')) as Record<
      string,
      unknown
    >;
    if (o.format !== FORMAT) throw new Error('another format');
    return { scanned: entries(o.scanned), tails: entries(o.tails) };
  } catch {
    return { scanned: Object.create(null), tails: Object.create(null) };
  }
}

/** Replaces the snapshot at `path` (atomically; not fsynced: losing it only costs a rescan). */
export async function writeSummaryFile(path: string, snapshot: SummarySnapshot): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = tempPathFor(path);
  try {
    await writeFile(tmp, JSON.stringify({ format: FORMAT, ...snapshot }), { mode: 0o600, flag: 'wx' });
    await rename(tmp, path);
  } catch (error) {
    await unlink(tmp).catch(() => undefined);
    throw error;
  }
}
