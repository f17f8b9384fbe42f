// index.json: a cache of per-session summaries the reference keeps for fast listing. It is
// read defensively (a damaged index never hides sessions; one that is a FIFO, device or folder is
// never read) and written atomically under a lock, however deeply its entries nest.
import { join } from 'node:path';
import { writeFileAtomic } from './atomic';
import { goMarshalIndent } from './gojson';
import { parseGoTime, ZERO_TIME } from '../shared/gotime';
import { isValidId } from './ids';
import { SURROGATE_ESCAPE, wellFormedInPlace } from './json-walk';
import { isMissing, readRegularFile } from './regular-file';

/** One index entry; fields later ggcode versions add (preview, workspace, ...) are kept. */
export interface IndexEntry {
  id: string;
  title: string;
  created_at: string;
  updated_at: string;
  msg_count: number;
  vendor?: string;
  endpoint?: string;
  model?: string;
  workspace?: string;
  [extra: string]: unknown;
}

export const INDEX_FILE = 'index.json';

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const time = (v: unknown): string => (typeof v === 'string' && parseGoTime(v) ? v : ZERO_TIME);

function toEntry(raw: unknown): IndexEntry | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const o = raw as Record<string, unknown>;
  if (!isValidId(o.id)) return null;
  const count = typeof o.msg_count === 'number' && Number.isSafeInteger(o.msg_count) ? o.msg_count : 0;
  return {
    ...o,
    id: o.id,
    title: text(o.title),
    created_at: time(o.created_at),
    updated_at: time(o.updated_at),
    msg_count: count,
  };
}

/** What reading index.json found. */
export interface IndexRead {
  /** The entries, or null when there is no usable index (missing, truncated, not an array). */
  entries: IndexEntry[] | null;
  /** True when index.json exists but could not be read (not a regular file, no permission). */
  unreadable: boolean;
}

/** Reads index.json. Lone surrogates in its strings become U+FFFD, as Go's decoder makes them. */
export async function readIndex(dir: string): Promise<IndexRead> {
  let text: string;
  try {
    text = (await readRegularFile(join(dir, INDEX_FILE))).toString('utf8');
  } catch (error) {
    return { entries: null, unreadable: !isMissing(error) };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { entries: null, unreadable: false };
  }
  if (!Array.isArray(parsed)) return { entries: null, unreadable: false };
  if (SURROGATE_ESCAPE.test(text)) wellFormedInPlace(parsed);
  return { entries: parsed.map(toEntry).filter((e): e is IndexEntry => e !== null), unreadable: false };
}

// Go writes the struct fields in this order, omitting empty vendor, endpoint and model.
function ordered(e: IndexEntry): Record<string, unknown> {
  const { id, title, created_at, updated_at, msg_count, vendor, endpoint, model, ...rest } = e;
  return {
    id,
    title,
    created_at,
    updated_at,
    msg_count,
    vendor: vendor || undefined,
    endpoint: endpoint || undefined,
    model: model || undefined,
    ...rest,
  };
}

/** Replaces index.json atomically, formatted as the reference formats it. Callers hold the index lock. */
export async function writeIndex(dir: string, entries: IndexEntry[]): Promise<void> {
  await writeFileAtomic(join(dir, INDEX_FILE), goMarshalIndent(entries.map(ordered)));
}
