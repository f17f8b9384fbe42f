// The full-text index of a session directory: one FTS5 row per message (text and tools columns)
// and one per session title. Updated per file: unchanged files are skipped by size and mtime,
// appended files are read from where the last update stopped, rewritten files start over.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from 'node-sqlite3-wasm';
import type { SessionSummary } from '../../shared/types';
import type { UsageRequest } from '../../shared/usage';
import { goTimeToMillis } from '../gotime';
import type { JsonlStore } from '../store';
import { SessionTail, type TailState } from '../tail';
import { isSound, openIndexDatabase } from './database';
import { messageFields } from './fields';
import { indexText } from './normalize';
import { PrefixWords } from './prefix-words';
import { docRowid, MAX_MESSAGE, sessionRange } from './rowid';
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
}

/** Commit after this many message bytes, so a long first build is not one giant transaction. */
const BATCH_BYTES = 16 << 20;

/** Thrown when an update is cancelled (a newer request, or shutdown). */
export class CancelledError extends Error {
  override name = 'CancelledError';
  constructor() {
    super('cancelled');
  }
}

/** The index file of a store, kept outside the sessions directory. */
export class SearchIndex {
  /** True when the file was unusable and has been replaced by an empty one. */
  readonly rebuilt: boolean;
  private readonly db: Database;
  private filesCache: Map<number, FileRow> | null = null;
  private recentCache: FileRow[] | null = null;
  private readonly prefixes: PrefixWords;

  constructor(readonly file: string) {
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

  /** Every indexed file, by sid (cached until the next update). */
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

  /** The indexed words starting with `prefix` (null: leave it to FTS5), remembered until the next update. */
  prefixWords(prefix: string): string[] | null {
    return this.prefixes.wordsOf(prefix);
  }

  /** Tokens and cost added up as `request` asks (from the usage table the updates fill). */
  usage(request: UsageRequest): ReturnType<typeof usageReport> {
    return usageReport(this.db, request);
  }

  /** The database, for the searcher (read-only use). */
  database(): Database {
    return this.db;
  }

  /** Removes a session's message rows (title row too when `withTitle`). */
  private removeDocs(sid: number, withTitle: boolean): void {
    const [first, last] = sessionRange(sid);
    const range = [withTitle ? first : docRowid(sid, 0), last];
    this.db.run('DELETE FROM fts WHERE rowid IN (SELECT rowid FROM docs WHERE rowid BETWEEN ? AND ?)', range);
    this.db.run('DELETE FROM docs WHERE rowid BETWEEN ? AND ?', range);
  }

  private removeFile(row: FileRow): void {
    this.removeDocs(row.sid, true);
    forgetUsage(this.db, row.sid);
    this.db.run('DELETE FROM files WHERE sid = ?', [row.sid]);
  }

  // The title is a row of its own (message -1), so a title match ranks like any other.
  private insertTitle(sid: number, title: string): number | null {
    if (!title) return null;
    const rowid = docRowid(sid, -1);
    this.db.run("INSERT INTO fts(rowid, title, text, tools) VALUES (?, ?, '', '')", [
      rowid,
      indexText(title),
    ]);
    this.db.run('INSERT INTO docs(rowid, offset, length) VALUES (?, 0, 0)', [rowid]);
    return rowid;
  }

  // Title, model, vendor and time come from the list (the index.json title the user knows).
  private updateSummary(row: FileRow, s: SessionSummary): void {
    if (row.title !== s.title || row.title_doc === null) {
      if (row.title_doc !== null) {
        this.db.run('DELETE FROM fts WHERE rowid = ?', [row.title_doc]);
        this.db.run('DELETE FROM docs WHERE rowid = ?', [row.title_doc]);
      }
      row.title_doc = this.insertTitle(row.sid, s.title);
    }
    this.db.run(
      'UPDATE files SET title = ?, title_doc = ?, model = ?, vendor = ?, updated_at = ?, updated_ms = ? WHERE sid = ?',
      [s.title, row.title_doc, s.model, s.vendor, s.updated_at, goTimeToMillis(s.updated_at), row.sid],
    );
    renameUsage(this.db, row.sid, s);
  }

  /** Reads new bytes of one file into the index; returns how many message bytes it added. */
  private async indexFile(
    store: JsonlStore,
    s: SessionSummary,
    size: number,
    mtime: number,
    row: FileRow | undefined,
  ) {
    const path = join(store.dir(), `${s.id}.jsonl`);
    const resume = row ? (JSON.parse(row.tail) as TailState) : undefined;
    const tail = new SessionTail(path, s.id, resume);
    const update = await tail.read();
    let sid = row?.sid;
    if (sid === undefined) {
      const r = this.db.run(
        `INSERT INTO files(id, size, mtime, tail, title, title_doc, model, vendor, updated_at, updated_ms)
         VALUES (?, 0, 0, '{}', '', NULL, '', '', '', 0)`,
        [s.id],
      );
      sid = Number(r.lastInsertRowid);
    } else if (update.reset) {
      this.removeDocs(sid, false);
    }
    let bytes = 0;
    for (const { message, index, span } of update.messages) {
      if (index > MAX_MESSAGE) break;
      const f = messageFields(message);
      if (!f.text && !f.tools) continue;
      // NFC, as the query words are: SQLite does not normalize, so a Korean syllable spelled in
      // letters or a kana with its voicing mark apart (as macOS spells file names) would not match.
      // Chinese and Japanese characters spaced out: each is a word (normalize.ts).
      const rowid = docRowid(sid, index);
      this.db.run("INSERT INTO fts(rowid, title, text, tools) VALUES (?, '', ?, ?)", [
        rowid,
        indexText(f.text),
        indexText(f.tools),
      ]);
      this.db.run('INSERT INTO docs(rowid, offset, length) VALUES (?, ?, ?)', [
        rowid,
        span.offset,
        span.length,
      ]);
      bytes += span.length;
    }
    recordUsage(this.db, sid, s, 'ggcode', {
      reset: update.reset || !row,
      entries: update.session.usage,
      cost: update.session.cost,
    });
    this.db.run('UPDATE files SET size = ?, mtime = ?, tail = ? WHERE sid = ?', [
      size,
      mtime,
      JSON.stringify(tail.state()),
      sid,
    ]);
    const current = row ?? ({ sid, title: '', title_doc: null } as FileRow);
    this.updateSummary(current, s);
    return { bytes, messages: update.messages.length, reset: update.reset };
  }

  /** Brings the index up to date with `store`. `signal` cancels between files (work done so far is kept). */
  async update(
    store: JsonlStore,
    options: { onProgress?: (p: UpdateProgress) => void; signal?: AbortSignal } = {},
  ): Promise<UpdateStats> {
    const summaries = await store.list();
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
    let batch = 0;
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
        const row = byId.get(s.id);
        const mtime = await fileMtime(store, s.id);
        if (mtime === null) continue;
        if (row && row.size === s.size && row.mtime === mtime) {
          if (
            row.title !== s.title ||
            row.model !== s.model ||
            row.vendor !== s.vendor ||
            row.updated_at !== s.updated_at
          ) {
            this.updateSummary(row, s);
          }
          stats.unchanged++;
          continue;
        }
        let result;
        try {
          result = await this.indexFile(store, s, s.size, mtime, row);
        } catch {
          continue; // vanished or unreadable now; the next update sees it again
        }
        stats.messages += result.messages;
        if (!row) stats.added++;
        else if (result.reset) stats.rebuilt++;
        else stats.appended++;
        batch += result.bytes;
        if (batch > BATCH_BYTES) {
          this.db.exec('COMMIT; BEGIN');
          batch = 0;
        }
      }
      this.db.exec('COMMIT');
    } catch (error) {
      this.db.exec('COMMIT'); // keep what was indexed: every file's row matches its docs
      throw error;
    } finally {
      this.filesCache = null;
      this.recentCache = null;
      this.prefixes.clear();
    }
    options.onProgress?.({ done: summaries.length, total: summaries.length });
    return stats;
  }
}

async function fileMtime(store: JsonlStore, id: string): Promise<number | null> {
  try {
    return (await stat(join(store.dir(), `${id}.jsonl`))).mtimeMs;
  } catch {
    return null;
  }
}
