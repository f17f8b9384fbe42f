// What a source's list took from each of its files, kept in the app's cache folder (never beside
// the agent's files), so that a new process (a CLI run, an app start) scans again only the files
// that changed: each stored entry is checked against its file's stat before use, exactly as the
// in-memory cache checks it. A missing, damaged or other-format file, or an ill-shaped entry, is
// ignored (it only costs a scan); writes are atomic and not fsynced.
import { mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { tempPathFor } from '../atomic';
import type { CacheEntry, SummaryCache } from '../live/summary-cache';
import type { SessionSummary } from '../../shared/types';
import { readRegularFile } from '../regular-file';
import { sha256Hex } from '../lazy-crypto';

/** A stored file larger than this is not read (an entry is a few hundred bytes). */
const MAX_BYTES = 256 << 20;

/** One cache of a source as stored: how its facts become JSON and back (null: not usable). */
export interface StoredCache<T> {
  cache: SummaryCache<T>;
  encode(facts: T): unknown;
  decode(value: unknown): T | null;
}

/** Where source `name` reading `roots` keeps its facts under `cacheDir`. */
export function storedFactsFile(cacheDir: string, name: string, roots: readonly string[]): string {
  const key = sha256Hex(roots.map((r) => resolve(r)).join('\0'), 16);
  return join(cacheDir, 'summaries', `${name}-${key}.json`);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** A text, or the function that works it out. */
type Lazy = string | (() => string);

/** The caches of one source, read from `file` once and written back after a list changed them. */
export class StoredFacts {
  private seeded = false;
  private fileName: Lazy | undefined;
  private stampText: Lazy;

  /** `stamp` names what the facts were computed with beyond the files (a price table): facts
   * stored under another stamp, or another `format`, are not used. Either may be given as a
   * function, called on first use: both are hashes, and a source opened for a command that never
   * lists (an export) then never loads node:crypto. */
  constructor(
    file: Lazy | undefined,
    private readonly format: number,
    stamp: Lazy,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each cache has its own facts type
    private readonly caches: Record<string, StoredCache<any>>,
  ) {
    this.fileName = file;
    this.stampText = stamp;
  }

  private get file(): string | undefined {
    if (typeof this.fileName === 'function') this.fileName = this.fileName();
    return this.fileName;
  }

  private get stamp(): string {
    if (typeof this.stampText === 'function') this.stampText = this.stampText();
    return this.stampText;
  }

  /** Adds the stored entries to the caches (once; every entry is still checked against its file);
   * true when this call found any. */
  async seed(): Promise<boolean> {
    if (this.seeded || this.file === undefined) return false;
    this.seeded = true;
    let found = false;
    let stored: Record<string, unknown>;
    try {
      stored = JSON.parse((await readRegularFile(this.file, MAX_BYTES)).toString('utf8')) as Record<
        string,
        unknown
      >;
    } catch {
      return false;
    }
    if (!isObject(stored) || stored.format !== this.format || stored.stamp !== this.stamp) return false;
    const all = isObject(stored.caches) ? stored.caches : {};
    for (const [name, { cache, decode }] of Object.entries(this.caches)) {
      const entries = all[name];
      if (!isObject(entries)) continue;
      const out: Record<string, CacheEntry<unknown>> = {};
      for (const [path, entry] of Object.entries(entries)) {
        if (!isObject(entry) || typeof entry.key !== 'string') continue;
        if (entry.summary === null) out[path] = { key: entry.key, summary: null };
        else {
          const facts = decode(entry.summary);
          if (facts !== null) out[path] = { key: entry.key, summary: facts };
        }
      }
      cache.seed(out);
      found ||= Object.keys(out).length > 0;
    }
    return found;
  }

  /** Writes the caches back when they changed since read or last written; failing only costs a scan. */
  async store(): Promise<void> {
    const file = this.file;
    if (file === undefined || !Object.values(this.caches).some((c) => c.cache.changed())) return;
    const caches: Record<string, Record<string, CacheEntry<unknown>>> = {};
    for (const [name, { cache, encode }] of Object.entries(this.caches)) {
      const entries: Record<string, CacheEntry<unknown>> = {};
      for (const [path, entry] of Object.entries(cache.snapshot()))
        entries[path] = { key: entry.key, summary: entry.summary === null ? null : encode(entry.summary) };
      caches[name] = entries;
    }
    const text = JSON.stringify({ format: this.format, stamp: this.stamp, caches });
    await mkdir(dirname(file), { recursive: true, mode: 0o700 })
      .then(async () => {
        const tmp = tempPathFor(file);
        try {
          await writeFile(tmp, text, { mode: 0o600, flag: 'wx' });
          await rename(tmp, file);
        } catch (error) {
          await unlink(tmp).catch(() => undefined);
          throw error;
        }
      })
      .catch(() => undefined);
  }
}

const count = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const text = (v: unknown): v is string => typeof v === 'string';
const optionalText = (v: unknown): v is string | undefined => v === undefined || typeof v === 'string';

/** A session summary as stored: the fields every row has, and the optional ones of the right type. */
function isSummary(v: unknown): v is SessionSummary {
  if (!isObject(v) || !text(v.id) || !count(v.msg_count) || !count(v.size)) return false;
  const texts = ['title', 'created_at', 'updated_at', 'vendor', 'endpoint', 'model'] as const;
  if (!texts.every((k) => text(v[k]))) return false;
  const optional = ['workspace', 'git_branch', 'source', 'parent_id'] as const;
  if (!optional.every((k) => optionalText(v[k]))) return false;
  if (v.models !== undefined && !(Array.isArray(v.models) && v.models.every(text))) return false;
  if (v.read_only !== undefined && typeof v.read_only !== 'boolean') return false;
  return v.cost === undefined || v.cost === null || isObject(v.cost);
}

/** Type checks for decoders. */
export const stored = { isObject, count, text, optionalText, isSummary };
