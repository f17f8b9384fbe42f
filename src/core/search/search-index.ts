// The full-text index of the sessions read (every source): one FTS5 row per message (text and
// tools columns) and one per session title. Updated per session: unchanged ones are skipped by
// size and mtime; a ggcode file appended to is read from where the last update stopped, a
// rewritten one starts over; another source's session that changed is read again whole (its
// messages can grow in place, and its files can be several).
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database, Statement } from 'node-sqlite3-wasm';
import type { SessionSummary } from '../../shared/types';
import type { UsageRequest } from '../../shared/usage';
import { goTimeToMillis } from '../../shared/gotime';
import { Catalog } from '../sources/catalog';
import type { JsonlStore } from '../store';
import { compactIndex, isSound, openIndexDatabase } from './database';
import { extractMessages, ROW_FIELDS, type ExtractedFile, type ReadResult } from './extract';
import { indexText } from '../../shared/search/normalize';
import { PrefixWords } from './prefix-words';
import { createIndexReader } from './reader';
import { docRowid, msgOf, sessionRange } from './rowid';
import { decodeSpans } from './spans';
import { forgetUsage, recordUsage, renameUsage, usageReport } from './usage-table';

/** How far an update has come. */
export interface UpdateProgress {
  done: number;
  total: number;
}

/** What an update changed. */
export interface UpdateStats {
  files: number;
  added: number;
  appended: number;
  rebuilt: number;
  removed: number;
  unchanged: number;
  messages: number;
}

/** One indexed file, as the files table holds it. */
export interface FileRow {
  sid: number;
  id: string;
  size: number;
  mtime: number;
  tail: string;
  title: string;
  title_doc: number | null;
  model: string;
  vendor: string;
  updated_at: string;
  updated_ms: number;
  /** The source's name ('ggcode' for ggcode). */
  source: string;
  /** Every model the session used, space-separated (what `model:` looks in). */
  models: string;
}

/** Commit after this many message bytes, so a long first build is not one giant transaction (each
 * commit also writes out FTS5's pending words and waits for the disk: 16 MB cost more, bench/search). */
const BATCH_BYTES = 64 << 20;

/** Files read ahead of the one being written (and bytes of them at most, beyond the first). */
const READ_AHEAD = 8;
const READ_AHEAD_BYTES = 32 << 20;

/** Longest the update works without letting queued messages (queries) in, in ms. */
const SLICE_MS = 25;

/** Options of an index. */
export interface SearchIndexOptions {
  /** The bundled reader thread's script (reader-worker.ts); without it files are read on the
   * index's own thread. */
  readerFile?: string;
}

/** Thrown when an update is cancelled (a newer request, or shutdown). */
export class CancelledError extends Error {
  override name = 'CancelledError';
  constructor() {
    super('cancelled');
  }
}

type Settled = { ok: true; value: ReadResult } | { ok: false; error: unknown };

// A read never rejects: one left behind by a cancelled update must not go unhandled.
const settle = (p: Promise<ReadResult>): Promise<Settled> =>
  p.then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error }),
  );

const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** The index file of a store, kept outside the sessions directory. */
export class SearchIndex {
  /** True when the file was unusable and has been replaced by an empty one. */
  readonly rebuilt: boolean;
  private readonly db: Database;
  private filesCache: Map<number, FileRow> | null = null;
  private recentCache: FileRow[] | null = null;
  private readonly prefixes: PrefixWords;
  /** Usage-table writes of this batch (flushUsage). */
  private readonly usageWrites: (() => void)[] = [];
  /** Queries running (pausingUpdates), and the update waiting for them to end. */
  private queries = 0;
  private readonly paused: (() => void)[] = [];

  constructor(
    readonly file: string,
    private readonly options: SearchIndexOptions = {},
  ) {
    const opened = openIndexDatabase(file);
    this.db = opened.db;
    this.rebuilt = opened.rebuilt;
    this.prefixes = new PrefixWords(this.db);
  }

  /** True when the file reads back sound (reads every page: for after an error, not routine). */
  isSound(): boolean {
    return isSound(this.db);
  }

  /** Closes the database file. */
  close(): void {
    this.db.close();
  }

  /** Every indexed file, by sid (cached; an update keeps it current file by file, so a query
   * during a build sees every file written so far). */
  files(): Map<number, FileRow> {
    if (!this.filesCache) {
      const rows = this.db.all('SELECT * FROM files') as unknown as FileRow[];
      this.filesCache = new Map(rows.map((r) => [r.sid, r]));
    }
    return this.filesCache;
  }

  /** Every indexed file, most recently updated first. */
  filesByRecency(): FileRow[] {
    this.recentCache ??= [...this.files().values()].sort(
      (a, b) => b.updated_ms - a.updated_ms || b.sid - a.sid,
    );
    return this.recentCache;
  }

  /** The indexed words starting with `prefix` (null: leave it to FTS5), remembered until the index changes. */
  prefixWords(prefix: string): string[] | null {
    return this.prefixes.wordsOf(prefix);
  }

  /** Runs `query`, during which a running update waits between two files: a query yields
   * between the sessions it reads snippets for (to let a newer query in), and an update going on
   * at each of those turns made a broad query take 0.8 s instead of 30 ms during a build. */
  async pausingUpdates<T>(query: () => Promise<T>): Promise<T> {
    this.queries++;
    try {
      return await query();
    } finally {
      if (--this.queries === 0) for (const resume of this.paused.splice(0)) resume();
    }
  }

  // Where an update lets queued messages in, and waits for the queries they started.
  private async letQueriesIn(): Promise<void> {
    await breathe();
    while (this.queries > 0) await new Promise<void>((resume) => this.paused.push(resume));
  }

  /** Writes the usage rows of the files written since the last call. They wait for the end of a
   * batch: a write to another table between two FTS5 inserts makes FTS5 write its pending words
   * out as a segment of its own (a first build of 40 files took 10 segments instead of 1). */
  private flushUsage(): void {
    for (const write of this.usageWrites.splice(0)) write();
  }

  /** Tokens and cost added up as `request` asks (from the usage table the updates fill). */
  usage(request: UsageRequest): ReturnType<typeof usageReport> {
    return usageReport(this.db, request);
  }

  /** The database, for the searcher (read-only use). */
  database(): Database {
    return this.db;
  }

  // What queries remember of the index is out of date once a file is written.
  private changed(row: FileRow | null, removed = false): void {
    if (row && removed) this.files().delete(row.sid);
    else if (row) this.files().set(row.sid, row);
    this.recentCache = null;
    this.prefixes.clear();
  }

  /** Removes a session's message rows (the spans say which messages have one). FTS5 is told
   * only of rows it has: a contentless table takes a delete's word counts off its totals. */
  private removeDocs(sid: number): void {
    const range = sessionRange(sid);
    const chunks = this.db.all('SELECT rowid, data FROM spans WHERE rowid BETWEEN ? AND ?', range) as {
      rowid: number;
      data: Uint8Array;
    }[];
    const remove = this.db.prepare('DELETE FROM fts WHERE rowid = ?');
    try {
      for (const c of chunks)
        for (const span of decodeSpans(msgOf(c.rowid), c.data)) remove.run([docRowid(sid, span.msg)]);
    } finally {
      remove.finalize();
    }
    this.db.run('DELETE FROM spans WHERE rowid BETWEEN ? AND ?', range);
  }

  private removeFile(row: FileRow): void {
    this.removeDocs(row.sid);
    if (row.title_doc !== null) this.db.run('DELETE FROM fts WHERE rowid = ?', [row.title_doc]);
    this.db.run('DELETE FROM files WHERE sid = ?', [row.sid]);
    this.usageWrites.push(() => forgetUsage(this.db, row.sid));
    this.changed(row, true);
  }

  // The title is a row of its own (message -1), so a title match ranks like any other.
  private insertTitle(sid: number, title: string): number | null {
    if (!title) return null;
    const rowid = docRowid(sid, -1);
    this.db.run("INSERT INTO fts(rowid, tools, text, title) VALUES (?, '', '', ?)", [
      rowid,
      indexText(title),
    ]);
    return rowid;
  }

  // Title, model, vendor and time come from the list (the index.json title the user knows).
  private updateSummary(row: FileRow, s: SessionSummary): void {
    if (row.title !== s.title || row.title_doc === null) {
      if (row.title_doc !== null) this.db.run('DELETE FROM fts WHERE rowid = ?', [row.title_doc]);
      row.title_doc = this.insertTitle(row.sid, s.title);
    }
    Object.assign(row, summaryOf(s));
    this.db.run(
      'UPDATE files SET title = ?, title_doc = ?, model = ?, vendor = ?, updated_at = ?, updated_ms = ?, source = ?, models = ? WHERE sid = ?',
      [
        row.title,
        row.title_doc,
        row.model,
        row.vendor,
        row.updated_at,
        row.updated_ms,
        row.source,
        row.models,
        row.sid,
      ],
    );
    this.usageWrites.push(() => renameUsage(this.db, row.sid, s));
    this.changed(row);
  }

  // A file new to the index: its row, then its title, whose rowid comes before its messages'
  // (FTS5 writes its pending words out whenever a rowid is lower than the one before: a title
  // inserted after the messages made every file a segment of its own, and the merging of those
  // took half of the build).
  private addFile(s: SessionSummary, read: ExtractedFile): FileRow {
    const summary = summaryOf(s);
    const r = this.db.run(
      `INSERT INTO files(id, size, mtime, tail, title, title_doc, model, vendor, updated_at, updated_ms, source, models)
       VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?)`,
      [
        s.id,
        s.size,
        read.mtime,
        read.tail,
        summary.title,
        summary.model,
        summary.vendor,
        summary.updated_at,
        summary.updated_ms,
        summary.source,
        summary.models,
      ],
    );
    const sid = Number(r.lastInsertRowid);
    const row: FileRow = {
      sid,
      id: s.id,
      size: s.size,
      mtime: read.mtime,
      tail: read.tail,
      ...summary,
      title_doc: null,
    };
    row.title_doc = this.insertTitle(sid, s.title);
    if (row.title_doc !== null)
      this.db.run('UPDATE files SET title_doc = ? WHERE sid = ?', [row.title_doc, sid]);
    this.changed(row);
    return row;
  }

  /** Writes what was read of one file. */
  private writeFile(
    s: SessionSummary,
    row: FileRow | undefined,
    read: ExtractedFile,
    message: Statement,
  ): void {
    let current = row;
    if (!current) current = this.addFile(s, read);
    else if (read.reset) this.removeDocs(current.sid);
    const { rows, bytes } = read;
    let from = 0;
    for (let i = 0; i < rows.length; i += ROW_FIELDS) {
      const toolsEnd = rows[i + 1]!;
      const textEnd = rows[i + 2]!;
      // Bytes, not strings: FTS5 reads a blob as the UTF-8 text it is (the index is the same).
      message.run([
        docRowid(current.sid, rows[i]!),
        bytes.subarray(from, toolsEnd),
        bytes.subarray(toolsEnd, textEnd),
      ]);
      from = textEnd;
    }
    const sid = current.sid;
    this.usageWrites.push(() =>
      recordUsage(this.db, sid, s, s.source ?? 'ggcode', { reset: read.reset || !row, ...read.usage }),
    );
    if (rows.length > 0)
      this.db.run('INSERT INTO spans(rowid, data) VALUES (?, ?)', [
        docRowid(current.sid, read.first),
        read.spans,
      ]);
    if (row) {
      Object.assign(row, { size: s.size, mtime: read.mtime, tail: read.tail });
      this.db.run('UPDATE files SET size = ?, mtime = ?, tail = ? WHERE sid = ?', [
        s.size,
        read.mtime,
        read.tail,
        row.sid,
      ]);
      this.updateSummary(row, s);
    }
  }

  /** Brings the index up to date with `from` (ggcode's store, or a catalog of sources), newest
   * sessions first. `signal` cancels between files (work done so far is kept). Queries may run
   * while it does, and see what it has written: files are read ahead (on the reader thread, when
   * there is one) while earlier ones are written, and queued messages are let in every few
   * milliseconds. */
  async update(
    from: JsonlStore | Catalog,
    options: { onProgress?: (p: UpdateProgress) => void; signal?: AbortSignal } = {},
  ): Promise<UpdateStats> {
    const catalog = Catalog.of(from);
    const store = catalog.store();
    const summaries = await catalog.list();
    const byId = new Map([...this.files().values()].map((r) => [r.id, r]));
    const stats: UpdateStats = {
      files: summaries.length,
      added: 0,
      appended: 0,
      rebuilt: 0,
      removed: 0,
      unchanged: 0,
      messages: 0,
    };
    const present = new Set(summaries.map((s) => s.id));
    // A thread for this update only: an idle app keeps no second heap.
    const reader = createIndexReader(this.options.readerFile);
    const ahead: Promise<Settled>[] = [];
    let next = 0;
    let aheadBytes = 0;
    const readAhead = () => {
      while (next < summaries.length && ahead.length < READ_AHEAD) {
        const s = summaries[next]!;
        if (ahead.length > 0 && aheadBytes + s.size > READ_AHEAD_BYTES) break;
        next++;
        aheadBytes += s.size;
        const row = byId.get(s.id);
        const known = row && { size: row.size, mtime: row.mtime, tail: row.tail };
        // ggcode's files are read on from where the index stopped; other sources' sessions whole.
        const read =
          s.source === undefined && store
            ? reader.read({ path: join(store.dir(), `${s.id}.jsonl`), id: s.id, size: s.size, known })
            : readLoaded(catalog, s, row);
        ahead.push(settle(read));
      }
    };
    // Prepared once: the statement run for every message.
    const message = this.db.prepare("INSERT INTO fts(rowid, tools, text, title) VALUES (?, ?, ?, '')");
    let batch = 0;
    let slice = performance.now();
    this.db.exec('BEGIN');
    try {
      for (const row of byId.values()) {
        if (!present.has(row.id)) {
          this.removeFile(row);
          stats.removed++;
        }
      }
      for (const [done, s] of summaries.entries()) {
        if (options.signal?.aborted) throw new CancelledError();
        options.onProgress?.({ done, total: summaries.length });
        readAhead();
        const got = await ahead.shift()!;
        aheadBytes -= s.size;
        if (this.queries > 0 || performance.now() - slice > SLICE_MS) {
          await this.letQueriesIn();
          slice = performance.now();
          if (options.signal?.aborted) throw new CancelledError();
        }
        if (!got.ok) throw got.error;
        const read = got.value;
        const row = byId.get(s.id);
        if (read.kind === 'gone') continue;
        if (read.kind === 'unchanged') {
          if (
            row!.title !== s.title ||
            row!.model !== s.model ||
            row!.vendor !== s.vendor ||
            row!.updated_at !== s.updated_at ||
            row!.source !== (s.source ?? 'ggcode') ||
            row!.models !== modelsOf(s)
          ) {
            this.updateSummary(row!, s);
          }
          stats.unchanged++;
          continue;
        }
        this.writeFile(s, row, read, message);
        batch += read.lineBytes;
        stats.messages += read.messages;
        if (!row) stats.added++;
        else if (read.reset) stats.rebuilt++;
        else stats.appended++;
        if (batch > BATCH_BYTES) {
          this.flushUsage();
          this.db.exec('COMMIT; BEGIN');
          batch = 0;
        }
      }
      this.flushUsage();
      this.db.exec('COMMIT');
    } catch (error) {
      this.flushUsage();
      this.db.exec('COMMIT'); // keep what was indexed: every file's row matches its rows and spans
      throw error;
    } finally {
      reader.close();
      message.finalize();
      this.filesCache = null;
      this.recentCache = null;
      this.prefixes.clear();
    }
    compactIndex(this.db);
    options.onProgress?.({ done: summaries.length, total: summaries.length });
    return stats;
  }
}

/** What the files table keeps of a session's summary. */
function summaryOf(
  s: SessionSummary,
): Pick<FileRow, 'title' | 'model' | 'vendor' | 'updated_at' | 'updated_ms' | 'source' | 'models'> {
  return {
    title: s.title,
    model: s.model,
    vendor: s.vendor,
    updated_at: s.updated_at,
    updated_ms: goTimeToMillis(s.updated_at),
    source: s.source ?? 'ggcode',
    models: modelsOf(s),
  };
}

/** What `model:` looks in: every model the session used. */
function modelsOf(s: SessionSummary): string {
  return (s.models?.length ? s.models : [s.model]).join(' ');
}

/** Another source's session for the index: unchanged when its files are (total size, latest
 * mtime), else all of its messages, replacing what the index had. */
async function readLoaded(
  catalog: Catalog,
  s: SessionSummary,
  row: FileRow | undefined,
): Promise<ReadResult> {
  const files = await catalog.files(s.id).catch(() => null);
  let mtime = 0;
  for (const file of files ?? []) mtime = Math.max(mtime, (await stat(file).catch(() => null))?.mtimeMs ?? 0);
  if (mtime === 0) return { kind: 'gone' };
  if (row && row.size === s.size && row.mtime === mtime) return { kind: 'unchanged', mtime };
  let session;
  try {
    session = await catalog.load(s.id);
  } catch {
    return { kind: 'gone' }; // vanished or unreadable now; the next update sees it again
  }
  return extractMessages(
    session.messages.map((message, index) => ({ message, index, span: { offset: 0, length: 0 } })),
    // Read whole every time: its usage replaces what the index had (recordUsage resets it).
    { mtime, reset: row !== undefined, tail: '{}', usage: { entries: session.usage, cost: session.cost } },
  );
}
