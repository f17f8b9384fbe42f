// One page of sessions for a query, found one of two ways. Ranked: every hit scored by BM25
// (titles weighted up), sessions by their best hit, then most recent. Newest first, for a query
// with too many hits to score: sessions are taken most recent first, their hits read inside
// their rowid ranges (probes), only as many as the page needs; a query with a prefix FTS5
// expands itself is instead read hit by hit once (each probe would expand it again).
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

/** A session with hits: its count and first hits. */
type Found = { row: FileRow; count: number; top: number[] };

/** Consecutive sessions of `rows` (most recent first) whose sids follow one another: one rowid
 * range, so one statement reads their hits in this order. After a first build (sids given newest
 * first) the sessions are one run; a session updated since starts a run of its own. */
function runsOf(rows: FileRow[]): FileRow[][] {
  const runs: FileRow[][] = [];
  for (const row of rows) {
    const run = runs.at(-1);
    if (run && row.sid === run.at(-1)!.sid + 1) run.push(row);
    else runs.push([row]);
  }
  return runs;
}

// Each run of sessions read hit by hit inside its rowid range, only as far as the page needs: a
// statement for each session (a count, then its first hits) cost 2 statements a session, each
// setting up every word of the match again (10 ms each for a prefix of 73 words on 1 GB).
function* probing(db: Database, match: string, perSession: number, rows: FileRow[]): Generator<Found> {
  const stmt = db.prepare('SELECT rowid FROM fts WHERE fts MATCH ? AND rowid BETWEEN ? AND ? ORDER BY rowid');
  try {
    for (const run of runsOf(rows)) {
      const bySid = new Map(run.map((r) => [r.sid, r]));
      let current = null as Found | null;
      const range = [sessionRange(run[0]!.sid)[0], sessionRange(run.at(-1)!.sid)[1]];
      for (const r of stmt.iterate([match, ...range])) {
        const rowid = (r as { rowid: number }).rowid;
        const row = bySid.get(sidOf(rowid))!;
        if (current?.row !== row) {
          if (current) yield current;
          current = { row, count: 0, top: [] };
        }
        current.count++;
        if (current.top.length < perSession) current.top.push(rowid);
      }
      if (current) yield current;
    }
  } finally {
    stmt.finalize();
  }
}

// Every hit read once, counted per session, then the sessions in `rows`' order.
function* scanning(db: Database, match: string, perSession: number, rows: FileRow[]): Generator<Found> {
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
  for (const row of rows) {
    const g = found.get(row.sid);
    if (g) yield { row, ...g };
  }
}

/** Sessions most recent first, each with its hit count and first hits. `scan` reads every hit
 * once instead of probing runs of sessions. */
export function recentPage(request: PageRequest, rankedHits: number, scan: boolean): Page {
  const { index, match, q, perSession, page, pageSize } = request;
  const kept = index.filesByRecency().filter((row) => keep(row, q));
  const groups: Group[] = [];
  let skip = page * pageSize;
  let hasMore = false;
  for (const found of (scan ? scanning : probing)(index.database(), match, perSession, kept)) {
    if (skip > 0) {
      skip--;
      continue;
    }
    if (groups.length === pageSize) {
      hasMore = true;
      break;
    }
    groups.push(found);
  }
  return {
    groups,
    totalSessions: page * pageSize + groups.length,
    totalHits: rankedHits,
    capped: true,
    hasMore,
  };
}
