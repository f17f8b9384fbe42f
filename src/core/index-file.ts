// index.json: a cache of per-session summaries the reference keeps for fast listing. It is
// read defensively (a damaged index never hides sessions) and written atomically under a lock.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic';
import { goMarshalIndent } from './gojson';
import { parseGoTime, ZERO_TIME } from './gotime';
import { isValidId } from './ids';

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

/** The index's entries, or null when there is no usable index (missing, truncated, not an array). */
export async function readIndex(dir: string): Promise<IndexEntry[] | null> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(join(dir, INDEX_FILE), 'utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed)) return null;
  return parsed.map(toEntry).filter((e): e is IndexEntry => e !== null);
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
