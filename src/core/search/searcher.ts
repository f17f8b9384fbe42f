// Runs a query against the index. Up to RANKED_HITS matching messages, every hit is ranked and
// sessions come best match first; a broader query ("error", "the") would spend its time scoring
// hundreds of thousands of messages, so its sessions come most recent first (result-pages.ts).
// Only the page's snippets are made: ggcode's from the messages' own lines in the session files,
// other sources' from their sessions loaded (their messages can span several lines or files).
import { closeSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'node-sqlite3-wasm';
import type { Message, SearchGroup, SearchMatch, SearchResults, SearchSort } from '../../shared/types';
import { goTrimSpace } from '../gotrim';
import { decodeRecord } from '../record';
import { openRegularSync } from '../regular-file';
import { messageFields } from './fields';
import { isEmptyQuery, parseQuery, toFtsMatch, type ParsedQuery } from '../../shared/search/query';
import { docRowid, msgOf, sessionRange, sidOf } from './rowid';
import { decodeSpans, type Span } from './spans';
import { countUpTo, rankedPage, recentPage, type Group } from './result-pages';
import { CancelledError, type FileRow, type SearchIndex } from './search-index';
import { snippetFor } from '../../shared/search/snippet';

/** Paging and cancellation for one query. */
export interface SearchOptions {
  page?: number;
  pageSize?: number;
  /** Matches shown per session (the rest are counted). */
  perSession?: number;
  /** More matching messages than this and sessions come most recent first (RANKED_HITS). */
  rankedHits?: number;
  /** Best match first (the default), or most recently updated first. */
  sort?: SearchSort;
  signal?: AbortSignal;
}

/** A query matching more messages than this is not ranked by relevance (measured in bench/search:
 * scoring costs about 1-2 µs a message, so ranking stays within tens of milliseconds). */
export const RANKED_HITS = 20_000;

/** Where a shown message's line is in its file (length 0: the title). */
interface Shown {
  rowid: number;
  offset: number;
  length: number;
}

/** Where each group's shown messages are, in message order: each from the spans of the read
 * of its file that added it (the one starting at or before it). */
function spansOf(db: Database, groups: Group[]): Shown[][] {
  const chunkOf = db.prepare(
    'SELECT rowid, data FROM spans WHERE rowid BETWEEN ? AND ? ORDER BY rowid DESC LIMIT 1',
  );
  try {
    return groups.map((g) => {
      const decoded = new Map<number, Span[]>();
      return [...g.top]
        .sort((a, b) => a - b)
        .flatMap((rowid): Shown[] => {
          if (msgOf(rowid) < 0) return [{ rowid, offset: 0, length: 0 }];
          const chunk = chunkOf.get([sessionRange(sidOf(rowid))[0], rowid]) as {
            rowid: number;
            data: Uint8Array;
          } | null;
          if (!chunk) return [];
          let spans = decoded.get(chunk.rowid);
          if (!spans) decoded.set(chunk.rowid, (spans = decodeSpans(msgOf(chunk.rowid), chunk.data)));
          const span = spans.find((s) => s.msg === msgOf(rowid));
          return span ? [{ rowid, offset: span.offset, length: span.length }] : [];
        });
    });
  } finally {
    chunkOf.finalize();
  }
}

/** Where snippets come from: ggcode's folder, whose message lines are read by their spans, and
 * a loader for other sources' sessions. */
export interface SnippetSource {
  dir: string;
  load?: (id: string) => Promise<Message[]>;
}

/** One shown message's match: its snippet in the column that matched. */
function matchOf(message: Message, msg: number, q: ParsedQuery): SearchMatch {
  const f = messageFields(message);
  const textSnippet = q.field !== 'tools' ? snippetFor(f.text, q) : null;
  const useText = textSnippet && (textSnippet.highlights.length > 0 || q.field === 'text' || !f.tools);
  const s = useText ? textSnippet : snippetFor(f.tools, q);
  return { message: msg, field: useText ? 'text' : 'tools', snippet: s.text, highlights: s.highlights };
}

function titleMatch(row: FileRow, q: ParsedQuery): SearchMatch {
  const s = snippetFor(row.title, q);
  return { message: -1, field: 'title', snippet: s.text, highlights: s.highlights };
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
        matches.push(titleMatch(row, q));
        continue;
      }
      // Never blocks on a file since replaced by a FIFO; a span past the end reads short.
      fd ??= openRegularSync(join(dir, `${row.id}.jsonl`)).fd;
      const buf = Buffer.alloc(span.length);
      const read = readSync(fd, buf, 0, span.length, span.offset);
      const rec = decodeRecord(goTrimSpace(buf.toString('utf8', 0, read)));
      if (rec.type !== 'message' || !rec.message) continue;
      matches.push(matchOf(rec.message, msg, q));
    }
  } catch {
    // The file changed under us (rewritten or deleted): the next update re-reads it.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return matches;
}

/** The matches of another source's session, from the session loaded. */
async function loadedMatches(
  load: (id: string) => Promise<Message[]>,
  row: FileRow,
  shown: Shown[],
  q: ParsedQuery,
): Promise<SearchMatch[]> {
  let messages: Message[] = [];
  try {
    if (shown.some((s) => msgOf(s.rowid) >= 0)) messages = await load(row.id);
  } catch {
    // Gone or unreadable now: the next update drops or re-reads it.
  }
  return shown.flatMap((span) => {
    const msg = msgOf(span.rowid);
    if (msg < 0) return [titleMatch(row, q)];
    const m = messages[msg];
    return m ? [matchOf(m, msg, q)] : [];
  });
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
  from: string | SnippetSource,
  text: string,
  options: SearchOptions = {},
): Promise<Omit<SearchResults, 'progress' | 'partial'>> {
  const started = performance.now();
  const snippets = typeof from === 'string' ? { dir: from } : from;
  const page = options.page ?? 0;
  const pageSize = options.pageSize ?? 20;
  const perSession = options.perSession ?? 3;
  const q = parseQuery(text);
  const base = { query: text, page, page_size: pageSize };
  if (isEmptyQuery(q)) {
    const none = { groups: [], total_sessions: 0, total_hits: 0, capped: false, has_more: false };
    return { ...base, ...none, took_ms: performance.now() - started };
  }
  let leftToFts = false;
  const match = toFtsMatch(q, (prefix) => {
    const words = index.prefixWords(prefix);
    leftToFts ||= words === null;
    return words;
  });
  const rankedHits = options.rankedHits ?? RANKED_HITS;
  const db = index.database();
  const request = { index, match, q, perSession, page, pageSize, sort: options.sort ?? 'relevance' };
  const found = reading(db, () => {
    const p =
      countUpTo(db, match, rankedHits + 1) > rankedHits
        ? recentPage(request, rankedHits, leftToFts)
        : rankedPage(request);
    return { ...p, shown: spansOf(db, p.groups) };
  });
  const groups: SearchGroup[] = [];
  await index.pausingUpdates(async () => {
    for (const [i, g] of found.groups.entries()) {
      // A newer query arriving meanwhile (a worker message) is let in between sessions.
      await new Promise((resolve) => setImmediate(resolve));
      if (options.signal?.aborted) throw new CancelledError();
      const { id, title, model, vendor, updated_at, source } = g.row;
      const shown = found.shown[i]!;
      const matches =
        source !== 'ggcode' && snippets.load
          ? await loadedMatches(snippets.load, g.row, shown, q)
          : matchesOf(snippets.dir, g.row, shown, q);
      const group: SearchGroup = { id, title, model, vendor, updated_at, hit_count: g.count, matches };
      if (source !== 'ggcode') group.source = source;
      groups.push(group);
    }
  });
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
      toFtsMatch(q, (prefix) => index.prefixWords(prefix)),
      docRowid(row.sid, 0),
      sessionRange(row.sid)[1],
    ]) as { rowid: number }[];
  return rows.map((r) => msgOf(r.rowid));
}
