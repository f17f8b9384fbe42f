// The search index's SQLite file (FTS5, through SQLite compiled to WebAssembly: no native module
// to rebuild for Electron). A missing or foreign file is replaced by a fresh one at open; damage
// deeper in the file shows as an error when a page is read (checking every page at each start
// took 15 s for a 650 MB index), and the search service then checks and replaces it.
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database } from 'node-sqlite3-wasm';
// A CommonJS package: its default import works from ESM (Electron main) and CJS bundles alike.
import sqlite from 'node-sqlite3-wasm';
import { USAGE_SCHEMA } from './usage-table';

/** Bumped whenever the schema or what is indexed changes: older files are rebuilt. */
export const SCHEMA_VERSION = 6;

// Rowids encode session and message (rowid.ts); spans holds where messages' lines are, one blob
// per file read (spans.ts), its rowid that of the first message read.
// No FTS5 prefix index: measured (bench/search), it doubled build time and index size to make
// two-letter prefix queries about 1.5x faster. Tools come first: FTS5 marks every hit outside
// column 0 with two more bytes, and most hits are in tool output (18% smaller, bench/search).
const SCHEMA = `
CREATE TABLE IF NOT EXISTS files(
  sid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  size INTEGER NOT NULL,
  mtime REAL NOT NULL,
  tail TEXT NOT NULL,
  title TEXT NOT NULL,
  title_doc INTEGER,
  model TEXT NOT NULL,
  vendor TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_ms INTEGER NOT NULL,
  source TEXT NOT NULL DEFAULT 'ggcode',
  models TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS spans(
  rowid INTEGER PRIMARY KEY,
  data BLOB NOT NULL
);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(
  tools, text, title,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2'
);
`;

/** SQLite's page cache for the index, in KB. */
const CACHE_KB = 32 << 10;

function openChecked(file: string): Database {
  const db = new sqlite.Database(file);
  try {
    // Another process (the CLI beside the app) may hold the file's lock for one batch: wait.
    db.exec('PRAGMA busy_timeout = 10000; PRAGMA journal_mode = TRUNCATE; PRAGMA synchronous = NORMAL;');
    // A query reads the same hit lists several times (its count, BM25's per-word row counts, its
    // scan) and BM25 looks up each hit's length: SQLite's default 2 MB of pages re-read most of
    // them from the file at each pass (4,000 page reads for one two-word query on 1 GB, none with
    // 32 MB; a third off its time, bench/search). Pages are taken only as they are read.
    db.exec(`PRAGMA cache_size = -${CACHE_KB}`);
    // Only takes effect in a new file: lets compactIndex() give back the pages merges free.
    db.exec('PRAGMA auto_vacuum = INCREMENTAL');
    db.exec('CREATE TABLE IF NOT EXISTS info(key TEXT PRIMARY KEY, value TEXT NOT NULL)');
    const version = db.get("SELECT value FROM info WHERE key = 'schema'") as { value: string } | null;
    if (version && version.value !== String(SCHEMA_VERSION)) throw new Error('old schema');
    db.exec(SCHEMA);
    db.exec(USAGE_SCHEMA);
    // FTS5 merges its segments 16 at a time rather than 4: each word's hits are rewritten fewer
    // times as the index grows (a quarter less build time, bench/search). Kept in the file.
    if (!version) db.exec("INSERT INTO fts(fts, rank) VALUES ('automerge', 16)");
    db.run("INSERT OR REPLACE INTO info(key, value) VALUES ('schema', ?)", [String(SCHEMA_VERSION)]);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** The WASM SQLite's lock is a directory beside the file; a crash leaves it behind. Batches
 * commit within seconds, so one older than this is stale. */
const STALE_LOCK_MS = 120_000;

function clearStaleLock(file: string): void {
  try {
    if (Date.now() - statSync(`${file}.lock`).mtimeMs > STALE_LOCK_MS)
      rmSync(`${file}.lock`, { recursive: true, force: true });
  } catch {
    // no lock: nothing to clear
  }
}

/** Past this share of free pages, compactIndex() returns them to the file system. */
const MOST_FREE = 1 / 16;

/** Gives free pages back to the file system when they are more than a few. FTS5 frees a
 * merge's input segments only once the merge is done, so a build can end with a fifth of its
 * file free (123 MB of a 1 GB corpus's index, bench/search); the pages after them are moved into
 * them, which takes a few seconds for that many, so fewer are left to be reused by later writes. */
export function compactIndex(db: Database): void {
  const free = (db.get('PRAGMA freelist_count') as { freelist_count: number }).freelist_count;
  const pages = (db.get('PRAGMA page_count') as { page_count: number }).page_count;
  if (free > pages * MOST_FREE) db.exec('PRAGMA incremental_vacuum');
}

/** Deletes the index file and its journals. */
export function removeIndexFiles(file: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(file + suffix, { force: true });
}

/** Opens (or creates) the index at `file`; a file that cannot be used is deleted and rebuilt. */
export function openIndexDatabase(file: string): { db: Database; rebuilt: boolean } {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  clearStaleLock(file);
  try {
    return { db: openChecked(file), rebuilt: false };
  } catch {
    removeIndexFiles(file);
    return { db: openChecked(file), rebuilt: true };
  }
}

// What SQLite says of a file that is not a database, or a damaged one (FTS5 says "corruption").
const DAMAGE = /malformed|not a database|corrupt/i;

/** False when the file is damaged: quick_check (which reads every page) finds a fault, or
 * cannot read it for damage. Any other failure (a lock another process holds) is no damage. */
export function isSound(db: Database): boolean {
  try {
    const check = db.get('PRAGMA quick_check') as Record<string, string> | null;
    return check !== null && Object.values(check)[0] === 'ok';
  } catch (error) {
    return !DAMAGE.test(String(error));
  }
}
