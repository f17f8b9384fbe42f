// Runs a query against the index. Up to RANKED_HITS matching messages, FTS5 ranks every one
// (BM25, titles weighted up) and sessions come best match first, then most recent. A broader
// query ("error", "the") would spend its time scoring hundreds of thousands of messages, so its
// sessions come most recent first instead, each found by one range count inside that session,
// and only as many as the page needs. Only the page's snippets are made, from the messages' own
// lines in the session files.
import { closeSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'node-sqlite3-wasm';
import type { SearchGroup, SearchMatch, SearchResults } from '../../shared/types';
import { decodeRecord } from '../record';
import { messageFields } from './fields';
import { isEmptyQuery, parseQuery, toFtsMatch, type ParsedQuery } from './query';
import { docRowid, msgOf, sessionRange, sidOf } from './rowid';
import { CancelledError, type FileRow, type SearchIndex } from './search-index';
import { snippetFor } from './snippet';

/** Paging and cancellation for one query. */
export interface SearchOptions {
  page?: number;
  pageSize?: number;
  /** Matches shown per session (the rest are counted). */
  perSession?: number;
  /** More matching messages than this and sessions come most recent first (RANKED_HITS). */
  rankedHits?: number;
  signal?: AbortSignal;
}

/** A query matching more messages than this is not ranked by relevance (measured in bench/search:
 * scoring costs about 1-2 µs a message, so ranking stays within tens of milliseconds). */
export const RANKED_HITS = 20_000;

interface Group {
  row: FileRow;
  count: number;
  /** The rowids of the messages to show, best first. */
  top: number[];
}

/** Where a shown message's line is in its file (length 0: the title). */
interface Shown {
  rowid: number;
  offset: number;
  length: number;
}

interface Page {
  groups: Group[];
  /** Exact, or when capped: sessions up to this page, and the cap on hits. */
  totalSessions: number;
  totalHits: number;
  capped: boolean;
  hasMore: boolean;
}

function keep(row: FileRow, q: ParsedQuery): boolean {
  if (q.model && !row.model.toLowerCase().includes(q.model)) return false;
  if (q.vendor && !row.vendor.toLowerCase().includes(q.vendor)) return false;
  if (q.after !== undefined && row.updated_ms < q.after) return false;
  if (q.before !== undefined && row.updated_ms > q.before) return false;
  return true;
}

function countUpTo(db: Database, match: string, limit: number): number {
  const r = db.get('SELECT count(*) AS n FROM (SELECT 1 FROM fts WHERE fts MATCH ? LIMIT ?)', [match, limit]);
  return (r as { n: number }).n;
}

/** Every hit scored; sessions by their best hit, then most recent. */
function rankedPage(
  index: SearchIndex,
  match: string,
  q: ParsedQuery,
  perSession: number,
  page: number,
  pageSize: number,
): Page {
  const files = index.files();
  const groups = new Map<number, Group & { best: number; scored: { rowid: number; score: number }[] }>();
  const stmt = index
    .database()
    .prepare('SELECT rowid, bm25(fts, 4.0, 1.0, 1.0) AS score FROM fts WHERE fts MATCH ?');
  try {
    for (const r of stmt.iterate([match])) {
      const { rowid, score } = r as { rowid: number; score: number };
      const sid = sidOf(rowid);
      let g = groups.get(sid);
      if (!g) {
        const row = files.get(sid);
        if (!row || !keep(row, q)) continue;
        g = { row, count: 0, top: [], best: score, scored: [] };
        groups.set(sid, g);
      }
      g.count++;
      g.best = Math.min(g.best, score);
      g.scored.push({ rowid, score });
      if (g.scored.length > perSession * 4) g.scored = bestOf(g.scored, perSession);
    }
  } finally {
    stmt.finalize();
  }
  const all = [...groups.values()].sort((a, b) => a.best - b.best || b.row.updated_ms - a.row.updated_ms);
  const shown = all.slice(page * pageSize, (page + 1) * pageSize);
  for (const g of shown) g.top = bestOf(g.scored, perSession).map((h) => h.rowid);
  return {
    groups: shown,
    totalSessions: all.length,
    totalHits: all.reduce((n, g) => n + g.count, 0),
    capped: false,
    hasMore: (page + 1) * pageSize < all.length,
  };
}

const bestOf = (hits: { rowid: number; score: number }[], n: number) =>
  hits.sort((a, b) => a.score - b.score).slice(0, n);

/** Sessions most recent first, each with its hit count and first few hits. */
function recentPage(
  index: SearchIndex,
  match: string,
  q: ParsedQuery,
  perSession: number,
  page: number,
  pageSize: number,
  rankedHits: number,
): Page {
  const db = index.database();
  const count = db.prepare('SELECT count(*) AS n FROM fts WHERE fts MATCH ? AND rowid BETWEEN ? AND ?');
  const first = db.prepare('SELECT rowid FROM fts WHERE fts MATCH ? AND rowid BETWEEN ? AND ? LIMIT ?');
  const groups: Group[] = [];
  let skip = page * pageSize;
  let hasMore = false;
  try {
    for (const row of index.filesByRecency()) {
      if (!keep(row, q)) continue;
      const range = sessionRange(row.sid);
      const n = (count.get([match, ...range]) as { n: number }).n;
      if (n === 0) continue;
      if (skip > 0) {
        skip--;
        continue;
      }
      if (groups.length === pageSize) {
        hasMore = true;
        break;
      }
      const top = (first.all([match, ...range, perSession]) as { rowid: number }[]).map((r) => r.rowid);
      groups.push({ row, count: n, top });
    }
  } finally {
    count.finalize();
    first.finalize();
  }
  return {
    groups,
    totalSessions: page * pageSize + groups.length,
    totalHits: rankedHits,
    capped: true,
    hasMore,
  };
}

/** Where each of the group's shown messages is, in message order. */
function spansOf(db: Database, g: Group): Shown[] {
  const where = db.prepare('SELECT offset, length FROM docs WHERE rowid = ?');
  try {
    return [...g.top]
      .sort((a, b) => a - b)
      .flatMap((rowid) => {
        const span = where.get([rowid]) as { offset: number; length: number } | null;
        return span ? [{ rowid, ...span }] : [];
      });
  } finally {
    where.finalize();
  }
}

// Synchronous reads: a few small reads per session, where a round trip through the thread pool
// for each cost more than the rest of the query (measured in bench/search).
function matchesOf(dir: string, row: FileRow, shown: Shown[], q: ParsedQuery): SearchMatch[] {
  const matches: SearchMatch[] = [];
  let fd: number | undefined;
  try {
    for (const span of shown) {
      const msg = msgOf(span.rowid);
      if (msg < 0) {
        const s = snippetFor(row.title, q);
        matches.push({ message: -1, field: 'title', snippet: s.text, highlights: s.highlights });
        continue;
      }
      fd ??= openSync(join(dir, `${row.id}.jsonl`), 'r');
      const buf = Buffer.alloc(span.length);
      readSync(fd, buf, 0, span.length, span.offset);
      const rec = decodeRecord(buf.toString('utf8').trim());
      if (rec.type !== 'message' || !rec.message) continue;
      const f = messageFields(rec.message);
      const textSnippet = q.field !== 'tools' ? snippetFor(f.text, q) : null;
      const useText = textSnippet && (textSnippet.highlights.length > 0 || q.field === 'text' || !f.tools);
      const s = useText ? textSnippet : snippetFor(f.tools, q);
      matches.push({
        message: msg,
        field: useText ? 'text' : 'tools',
        snippet: s.text,
        highlights: s.highlights,
      });
    }
  } catch {
    // The file changed under us (rewritten or deleted): the next update re-reads it.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return matches;
}

/** Runs `read` in one read transaction, so its many statements take the file lock once; inside
 * an update's transaction (this connection, between two of its awaits) it simply runs. */
function reading<T>(db: Database, read: () => T): T {
  if (db.inTransaction) return read();
  db.exec('BEGIN');
  try {
    return read();
  } finally {
    db.exec('COMMIT');
  }
}

/** One page of results for `text` (without the index progress, which the caller knows). */
export async function search(
  index: SearchIndex,
  dir: string,
  text: string,
  options: SearchOptions = {},
): Promise<Omit<SearchResults, 'progress'>> {
  const started = performance.now();
  const page = options.page ?? 0;
  const pageSize = options.pageSize ?? 20;
  const perSession = options.perSession ?? 3;
  const q = parseQuery(text);
  const base = { query: text, page, page_size: pageSize };
  if (isEmptyQuery(q)) {
    const none = { groups: [], total_sessions: 0, total_hits: 0, capped: false, has_more: false };
    return { ...base, ...none, took_ms: performance.now() - started };
  }
  const match = toFtsMatch(q);
  const rankedHits = options.rankedHits ?? RANKED_HITS;
  const db = index.database();
  const found = reading(db, () => {
    const p =
      countUpTo(db, match, rankedHits + 1) > rankedHits
        ? recentPage(index, match, q, perSession, page, pageSize, rankedHits)
        : rankedPage(index, match, q, perSession, page, pageSize);
    return { ...p, shown: p.groups.map((g) => spansOf(db, g)) };
  });
  const groups: SearchGroup[] = [];
  for (const [i, g] of found.groups.entries()) {
    // A newer query arriving meanwhile (a worker message) is let in between sessions.
    await new Promise((resolve) => setImmediate(resolve));
    if (options.signal?.aborted) throw new CancelledError();
    const { id, title, model, vendor, updated_at } = g.row;
    const matches = matchesOf(dir, g.row, found.shown[i]!, q);
    groups.push({ id, title, model, vendor, updated_at, hit_count: g.count, matches });
  }
  return {
    ...base,
    groups,
    total_sessions: found.totalSessions,
    total_hits: found.totalHits,
    capped: found.capped,
    has_more: found.hasMore,
    took_ms: performance.now() - started,
  };
}

/** Every matching message index of one session, in order (for next/previous inside it). The
 * query reads as in search() (an unfinished last word is a prefix), so every hit a result shows
 * is among them. */
export function sessionMatches(index: SearchIndex, id: string, text: string): number[] {
  const q = parseQuery(text);
  if (isEmptyQuery(q)) return [];
  const row = index.filesByRecency().find((r) => r.id === id);
  if (!row) return [];
  const rows = index
    .database()
    .all('SELECT rowid FROM fts WHERE fts MATCH ? AND rowid BETWEEN ? AND ?', [
      toFtsMatch(q),
      docRowid(row.sid, 0),
      sessionRange(row.sid)[1],
    ]) as { rowid: number }[];
  return rows.map((r) => msgOf(r.rowid));
}
