// The full-text index of the sessions read (every source): one FTS5 row per message (text and
// tools columns) and one per session title. Updated per session: unchanged ones are skipped by
// size and mtime; a ggcode file appended to is read from where the last update stopped, a
// rewritten one starts over; another source's session that changed is read again whole (its
// messages can grow in place, and its files can be several).
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from 'node-sqlite3-wasm';
import type { Message, SessionSummary } from '../../shared/types';
import { goTimeToMillis } from '../gotime';
import { Catalog } from '../sources/catalog';
import type { JsonlStore } from '../store';
import { SessionTail, type TailState } from '../tail';
import { isSound, openIndexDatabase } from './database';
import { messageFields } from './fields';
import { indexText } from './normalize';
import { PrefixWords } from './prefix-words';
import { docRowid, MAX_MESSAGE, sessionRange } from './rowid';

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
      'UPDATE files SET title = ?, title_doc = ?, model = ?, vendor = ?, updated_at = ?, updated_ms = ?, source = ?, models = ? WHERE sid = ?',
      [
        s.title,
        row.title_doc,
        s.model,
        s.vendor,
        s.updated_at,
        goTimeToMillis(s.updated_at),
        s.source ?? 'ggcode',
        modelsOf(s),
        row.sid,
      ],
    );
  }

  private newRow(id: string): number {
    const r = this.db.run(
      `INSERT INTO files(id, size, mtime, tail, title, title_doc, model, vendor, updated_at, updated_ms)
       VALUES (?, 0, 0, '{}', '', NULL, '', '', '', 0)`,
      [id],
    );
    return Number(r.lastInsertRowid);
  }

  /** One message's rows; returns false when it has nothing to index. */
  private insertMessage(
    sid: number,
    index: number,
    message: Message,
    offset: number,
    length: number,
  ): boolean {
    const f = messageFields(message);
    if (!f.text && !f.tools) return false;
    // NFC, as the query words are: SQLite does not normalize, so a Korean syllable spelled in
    // letters or a kana with its voicing mark apart (as macOS spells file names) would not match.
    // Chinese and Japanese characters spaced out: each is a word (normalize.ts).
    const rowid = docRowid(sid, index);
    this.db.run("INSERT INTO fts(rowid, title, text, tools) VALUES (?, '', ?, ?)", [
      rowid,
      indexText(f.text),
      indexText(f.tools),
    ]);
    this.db.run('INSERT INTO docs(rowid, offset, length) VALUES (?, ?, ?)', [rowid, offset, length]);
    return true;
  }

  /** Reads another source's session whole into the index (its rows replace what it had). */
  private async indexLoaded(
    catalog: Catalog,
    s: SessionSummary,
    size: number,
    mtime: number,
    row: FileRow | undefined,
  ) {
    const session = await catalog.load(s.id);
    const sid = row?.sid ?? this.newRow(s.id);
    if (row) this.removeDocs(sid, false);
    let bytes = 0;
    session.messages.forEach((message, index) => {
      if (index > MAX_MESSAGE) return;
      if (this.insertMessage(sid, index, message, 0, 0)) bytes += messageBytes(message);
    });
    this.db.run("UPDATE files SET size = ?, mtime = ?, tail = '{}' WHERE sid = ?", [size, mtime, sid]);
    this.updateSummary(row ?? ({ sid, title: '', title_doc: null } as FileRow), s);
    return { bytes, messages: session.messages.length, reset: row !== undefined };
  }

  /** Reads new bytes of one ggcode file into the index; returns how many message bytes it added. */
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
    if (sid === undefined) sid = this.newRow(s.id);
    else if (update.reset) this.removeDocs(sid, false);
    let bytes = 0;
    for (const { message, index, span } of update.messages) {
      if (index > MAX_MESSAGE) break;
      if (this.insertMessage(sid, index, message, span.offset, span.length)) bytes += span.length;
    }
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

  /** Brings the index up to date with `store` (ggcode's alone, or a catalog of sources). `signal`
   * cancels between sessions (work done so far is kept). */
  async update(
    from: JsonlStore | Catalog,
    options: { onProgress?: (p: UpdateProgress) => void; signal?: AbortSignal } = {},
  ): Promise<UpdateStats> {
    const catalog = Catalog.of(from);
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
        const store = s.source === undefined ? catalog.store() : null;
        const key = store ? await ggcodeKey(store, s) : await filesKey(catalog, s.id);
        if (key === null) continue;
        if (row && row.size === key.size && row.mtime === key.mtime) {
          if (
            row.title !== s.title ||
            row.model !== s.model ||
            row.vendor !== s.vendor ||
            row.updated_at !== s.updated_at ||
            row.source !== (s.source ?? 'ggcode') ||
            row.models !== modelsOf(s)
          ) {
            this.updateSummary(row, s);
          }
          stats.unchanged++;
          continue;
        }
        let result;
        try {
          result = store
            ? await this.indexFile(store, s, key.size, key.mtime, row)
            : await this.indexLoaded(catalog, s, key.size, key.mtime, row);
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

/** A ggcode session's change key: the size the list gave and its file's mtime. */
async function ggcodeKey(
  store: JsonlStore,
  s: SessionSummary,
): Promise<{ size: number; mtime: number } | null> {
  try {
    return { size: s.size, mtime: (await stat(join(store.dir(), `${s.id}.jsonl`))).mtimeMs };
  } catch {
    return null;
  }
}

/** Another source's session's change key: the total size and latest mtime of its files. */
async function filesKey(catalog: Catalog, id: string): Promise<{ size: number; mtime: number } | null> {
  const files = await catalog.files(id).catch(() => null);
  if (!files || files.length === 0) return null;
  let size = 0;
  let mtime = 0;
  for (const file of files) {
    const st = await stat(file).catch(() => null);
    if (st === null) continue;
    size += st.size;
    mtime = Math.max(mtime, st.mtimeMs);
  }
  return mtime === 0 ? null : { size, mtime };
}

/** What `model:` looks in: every model the session used. */
function modelsOf(s: SessionSummary): string {
  return (s.models?.length ? s.models : [s.model]).join(' ');
}

/** The size of a message's text, to batch commits by (other sources have no line spans). */
function messageBytes(m: Message): number {
  const f = messageFields(m);
  return f.text.length + f.tools.length;
}
