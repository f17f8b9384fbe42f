// One page of sessions for a query, found one of two ways. Ranked: every hit scored by BM25
// (titles weighted up), sessions by their best hit, then most recent. Newest first, for a query
// with too many hits to score: sessions are taken most recent first and each counted on its own,
// by a count inside its rowid range (probes), only as many as the page needs; a query with a
// prefix FTS5 expands itself is instead read hit by hit once (each probe would expand it again).
import type { Database } from 'node-sqlite3-wasm';
import type { SearchSort } from '../../shared/types';
import type { ParsedQuery } from '../../shared/search/query';
import { sessionRange, sidOf } from './rowid';
import type { FileRow, SearchIndex } from './search-index';

/** A session on the page: its hit count and the rowids of the hits to show. */
export interface Group {
  row: FileRow;
  count: number;
  top: number[];
}

/** A page of groups and what is known of the rest. */
export interface Page {
  groups: Group[];
  /** Exact, or when capped: the sessions up to this page, and the cap on hits. */
  totalSessions: number;
  totalHits: number;
  capped: boolean;
  hasMore: boolean;
}

/** What a page is asked for. */
export interface PageRequest {
  index: SearchIndex;
  /** The FTS5 MATCH expression of `q`. */
  match: string;
  q: ParsedQuery;
  perSession: number;
  page: number;
  pageSize: number;
  /** Ranked pages: best match first, or most recent first (unranked pages always are). */
  sort: SearchSort;
}

function keep(row: FileRow, q: ParsedQuery): boolean {
  if (q.model && !(row.models || row.model).toLowerCase().includes(q.model)) return false;
  if (q.sources && !q.sources.includes(row.source)) return false;
  if (q.vendor && !row.vendor.toLowerCase().includes(q.vendor)) return false;
  if (q.after !== undefined && row.updated_ms < q.after) return false;
  if (q.before !== undefined && row.updated_ms > q.before) return false;
  return true;
}

/** How many messages match, counting no further than `limit`. */
export function countUpTo(db: Database, match: string, limit: number): number {
  const r = db.get('SELECT count(*) AS n FROM (SELECT 1 FROM fts WHERE fts MATCH ? LIMIT ?)', [match, limit]);
  return (r as { n: number }).n;
}

interface Scored {
  rowid: number;
  score: number;
}

const bestOf = (hits: Scored[], n: number): Scored[] => hits.sort((a, b) => a.score - b.score).slice(0, n);

/** Every hit scored; sessions by their best hit, then most recent (or, sorted by date, most
 * recent, then best hit). */
export function rankedPage({ index, match, q, perSession, page, pageSize, sort }: PageRequest): Page {
  const files = index.files();
  const groups = new Map<number, Group & { best: number; scored: Scored[] }>();
  const stmt = index
    .database()
    .prepare('SELECT rowid, bm25(fts, 1.0, 1.0, 4.0) AS score FROM fts WHERE fts MATCH ?');
  try {
    for (const r of stmt.iterate([match])) {
      const hit = r as unknown as Scored;
      const sid = sidOf(hit.rowid);
      let g = groups.get(sid);
      if (!g) {
        const row = files.get(sid);
        if (!row || !keep(row, q)) continue;
        g = { row, count: 0, top: [], best: hit.score, scored: [] };
        groups.set(sid, g);
      }
      g.count++;
      g.best = Math.min(g.best, hit.score);
      g.scored.push(hit);
      if (g.scored.length > perSession * 4) g.scored = bestOf(g.scored, perSession);
    }
  } finally {
    stmt.finalize();
  }
  const byScore = (a: { best: number }, b: { best: number }) => a.best - b.best;
  const byDate = (a: Group, b: Group) => b.row.updated_ms - a.row.updated_ms;
  const all = [...groups.values()].sort((a, b) =>
    sort === 'date' ? byDate(a, b) || byScore(a, b) : byScore(a, b) || byDate(a, b),
  );
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

/** A session's hit count and first hits (null: no hit). */
type Hits = (row: FileRow) => { count: number; top: number[] } | null;

// One count and one short read inside the session's rowid range.
function probing(db: Database, match: string, perSession: number): { hits: Hits; done(): void } {
  const count = db.prepare('SELECT count(*) AS n FROM fts WHERE fts MATCH ? AND rowid BETWEEN ? AND ?');
  const first = db.prepare('SELECT rowid FROM fts WHERE fts MATCH ? AND rowid BETWEEN ? AND ? LIMIT ?');
  return {
    hits(row) {
      const range = sessionRange(row.sid);
      const n = (count.get([match, ...range]) as { n: number }).n;
      if (n === 0) return null;
      const top = (first.all([match, ...range, perSession]) as { rowid: number }[]).map((r) => r.rowid);
      return { count: n, top };
    },
    done() {
      count.finalize();
      first.finalize();
    },
  };
}

// Every hit read once, counted per session.
function scanning(db: Database, match: string, perSession: number): { hits: Hits; done(): void } {
  const found = new Map<number, { count: number; top: number[] }>();
  const stmt = db.prepare('SELECT rowid FROM fts WHERE fts MATCH ?');
  try {
    for (const r of stmt.iterate([match])) {
      const rowid = (r as { rowid: number }).rowid;
      const sid = sidOf(rowid);
      let g = found.get(sid);
      if (!g) found.set(sid, (g = { count: 0, top: [] }));
      g.count++;
      if (g.top.length < perSession) g.top.push(rowid);
    }
  } finally {
    stmt.finalize();
  }
  return { hits: (row) => found.get(row.sid) ?? null, done() {} };
}

/** Sessions most recent first, each with its hit count and first hits. `scan` reads every hit
 * once instead of probing session by session. */
export function recentPage(request: PageRequest, rankedHits: number, scan: boolean): Page {
  const { index, match, q, perSession, page, pageSize } = request;
  const source = (scan ? scanning : probing)(index.database(), match, perSession);
  const groups: Group[] = [];
  let skip = page * pageSize;
  let hasMore = false;
  try {
    for (const row of index.filesByRecency()) {
      if (!keep(row, q)) continue;
      const found = source.hits(row);
      if (found === null) continue;
      if (skip > 0) {
        skip--;
        continue;
      }
      if (groups.length === pageSize) {
        hasMore = true;
        break;
      }
      groups.push({ row, ...found });
    }
  } finally {
    source.done();
  }
  return {
    groups,
    totalSessions: page * pageSize + groups.length,
    totalHits: rankedHits,
    capped: true,
    hasMore,
  };
}
