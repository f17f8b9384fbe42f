// Runs a query against the index: FTS5 finds and ranks the messages (BM25, titles weighted up),
// results are grouped by session (best match first, then most recent) and paged, and only the
// page's snippets are made, from the messages' own lines in the session files.
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { SearchGroup, SearchMatch, SearchResults } from '../../shared/types';
import { decodeRecord } from '../record';
import { messageFields } from './fields';
import { isEmptyQuery, parseQuery, toFtsMatch, type ParsedQuery } from './query';
import { CancelledError, type FileRow, type SearchIndex } from './search-index';
import { snippetFor } from './snippet';

/** Paging and cancellation for one query. */
export interface SearchOptions {
  page?: number;
  pageSize?: number;
  /** Matches shown per session (the rest are counted). */
  perSession?: number;
  signal?: AbortSignal;
}

interface Hit {
  msg: number;
  offset: number;
  length: number;
  score: number;
}

interface Group {
  row: FileRow;
  best: number;
  count: number;
  top: Hit[];
}

const SQL = `SELECT d.sid AS sid, d.msg AS msg, d.offset AS offset, d.length AS length, bm25(fts, 4.0, 1.0, 1.0) AS score
  FROM fts JOIN docs d ON d.rowid = fts.rowid WHERE fts MATCH ?`;

function keep(row: FileRow, q: ParsedQuery): boolean {
  if (q.model && !row.model.toLowerCase().includes(q.model)) return false;
  if (q.vendor && !row.vendor.toLowerCase().includes(q.vendor)) return false;
  if (q.after !== undefined && row.updated_ms < q.after) return false;
  if (q.before !== undefined && row.updated_ms > q.before) return false;
  return true;
}

function groupHits(index: SearchIndex, q: ParsedQuery, perSession: number): Group[] {
  const files = index.files();
  const groups = new Map<number, Group>();
  const stmt = index.database().prepare(SQL);
  try {
    for (const r of stmt.iterate([toFtsMatch(q)])) {
      const hit = r as unknown as Hit & { sid: number };
      let g = groups.get(hit.sid);
      if (!g) {
        const row = files.get(hit.sid);
        if (!row || !keep(row, q)) continue;
        g = { row, best: hit.score, count: 0, top: [] };
        groups.set(hit.sid, g);
      }
      g.count++;
      g.best = Math.min(g.best, hit.score);
      g.top.push(hit);
      if (g.top.length > perSession * 4) g.top = g.top.sort((a, b) => a.score - b.score).slice(0, perSession);
    }
  } finally {
    stmt.finalize();
  }
  return [...groups.values()].sort((a, b) => a.best - b.best || b.row.updated_ms - a.row.updated_ms);
}

async function matchesOf(dir: string, g: Group, q: ParsedQuery, perSession: number): Promise<SearchMatch[]> {
  const hits = g.top
    .sort((a, b) => a.score - b.score)
    .slice(0, perSession)
    .sort((a, b) => a.msg - b.msg);
  const matches: SearchMatch[] = [];
  let handle;
  try {
    for (const h of hits) {
      if (h.msg < 0) {
        const s = snippetFor(g.row.title, q);
        matches.push({ message: -1, field: 'title', snippet: s.text, highlights: s.highlights });
        continue;
      }
      handle ??= await open(join(dir, `${g.row.id}.jsonl`), 'r');
      const buf = Buffer.alloc(h.length);
      await handle.read(buf, 0, h.length, h.offset);
      const rec = decodeRecord(buf.toString('utf8').trim());
      if (rec.type !== 'message' || !rec.message) continue;
      const f = messageFields(rec.message);
      const textSnippet = q.field !== 'tools' ? snippetFor(f.text, q) : null;
      const useText = textSnippet && (textSnippet.highlights.length > 0 || q.field === 'text' || !f.tools);
      const s = useText ? textSnippet : snippetFor(f.tools, q);
      matches.push({
        message: h.msg,
        field: useText ? 'text' : 'tools',
        snippet: s.text,
        highlights: s.highlights,
      });
    }
  } catch {
    // The file changed under us (rewritten or deleted): the next update re-reads it.
  } finally {
    await handle?.close();
  }
  return matches;
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
  const empty = { query: text, groups: [], total_sessions: 0, total_hits: 0, page, page_size: pageSize };
  if (isEmptyQuery(q)) return { ...empty, took_ms: performance.now() - started };
  const all = groupHits(index, q, perSession);
  const groups: SearchGroup[] = [];
  for (const g of all.slice(page * pageSize, (page + 1) * pageSize)) {
    if (options.signal?.aborted) throw new CancelledError();
    const { id, title, model, vendor, updated_at } = g.row;
    groups.push({
      id,
      title,
      model,
      vendor,
      updated_at,
      hit_count: g.count,
      matches: await matchesOf(dir, g, q, perSession),
    });
  }
  const totalHits = all.reduce((n, g) => n + g.count, 0);
  return {
    ...empty,
    groups,
    total_sessions: all.length,
    total_hits: totalHits,
    took_ms: performance.now() - started,
  };
}

/** Every matching message index of one session, in order (for next/previous inside it). The
 * query reads as in search() (an unfinished last word is a prefix), so every hit a result shows
 * is among them. */
export function sessionMatches(index: SearchIndex, id: string, text: string): number[] {
  const q = parseQuery(text);
  if (isEmptyQuery(q)) return [];
  const row = [...index.files().values()].find((r) => r.id === id);
  if (!row) return [];
  const rows = index
    .database()
    .all(
      `SELECT DISTINCT d.msg AS msg FROM fts JOIN docs d ON d.rowid = fts.rowid WHERE fts MATCH ? AND d.sid = ? AND d.msg >= 0 ORDER BY d.msg`,
      [toFtsMatch(q), row.sid],
    ) as { msg: number }[];
  return rows.map((r) => r.msg);
}
