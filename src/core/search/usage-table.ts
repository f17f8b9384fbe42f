// The usage table of the search index: one row per session with its token counts and cost,
// filled as the indexer reads each file (so the Usage view adds up 10,000 sessions in SQL, not by
// loading them). A file read in parts keeps running sums: usage entries add up, the last cost
// record wins, and the session's figures are ggcodeSessionUsage's rule over both.
import type { Database } from 'node-sqlite3-wasm';
import { ggcodeSessionUsage } from '../../shared/session-usage';
import type { Cost, SessionSummary, UsageEntry } from '../../shared/types';
import {
  DAY,
  type CostlySession,
  type UsageReport,
  type UsageRequest,
  type UsageRow,
} from '../../shared/usage';

/** The table and its indexes (created with the rest of the index schema). */
export const USAGE_SCHEMA = `
CREATE TABLE IF NOT EXISTS usage(
  sid INTEGER PRIMARY KEY,
  day TEXT NOT NULL,
  model TEXT NOT NULL,
  vendor TEXT NOT NULL,
  workspace TEXT NOT NULL,
  source TEXT NOT NULL,
  entry_input INTEGER NOT NULL DEFAULT 0,
  entry_output INTEGER NOT NULL DEFAULT 0,
  entry_cache_read INTEGER NOT NULL DEFAULT 0,
  entry_cache_write INTEGER NOT NULL DEFAULT 0,
  cost_record TEXT,
  input INTEGER NOT NULL DEFAULT 0,
  output INTEGER NOT NULL DEFAULT 0,
  cache_read INTEGER NOT NULL DEFAULT 0,
  cache_write INTEGER NOT NULL DEFAULT 0,
  cost REAL,
  estimated INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS usage_day ON usage(day);
`;

/** What one read of a file found: its usage entries and last cost record, and whether it
 * restarted the file (a rewrite: the sums start over). */
export interface UsageRead {
  reset: boolean;
  entries: readonly UsageEntry[];
  cost: Cost | null;
}

interface Stored {
  entry_input: number;
  entry_output: number;
  entry_cache_read: number;
  entry_cache_write: number;
  cost_record: string | null;
}

const dayOf = (created: string): string => (DAY.test(created.slice(0, 10)) ? created.slice(0, 10) : '');

/** Adds what a read of session `sid`'s file found to its row, naming it as `s` does. */
export function recordUsage(
  db: Database,
  sid: number,
  s: SessionSummary,
  source: string,
  read: UsageRead,
): void {
  const stored = read.reset
    ? undefined
    : ((db.get(
        'SELECT entry_input, entry_output, entry_cache_read, entry_cache_write, cost_record FROM usage WHERE sid = ?',
        [sid],
      ) as Stored | null) ?? undefined);
  const sums: UsageEntry = {
    usage: {
      input_tokens: stored?.entry_input ?? 0,
      output_tokens: stored?.entry_output ?? 0,
      cache_read_tokens: stored?.entry_cache_read ?? 0,
      cache_write_tokens: stored?.entry_cache_write ?? 0,
    },
  };
  const total = ggcodeSessionUsage(null, [sums, ...read.entries]);
  const cost = read.cost ?? (stored?.cost_record ? (JSON.parse(stored.cost_record) as Cost) : null);
  const usage = ggcodeSessionUsage(cost, total ? [{ usage: total }] : []);
  db.run(
    `INSERT OR REPLACE INTO usage(sid, day, model, vendor, workspace, source, entry_input, entry_output,
       entry_cache_read, entry_cache_write, cost_record, input, output, cache_read, cache_write, cost, estimated)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      sid,
      dayOf(s.created_at),
      s.model || cost?.model || '',
      s.vendor || cost?.provider || '',
      s.workspace ?? '',
      source,
      total?.input_tokens ?? 0,
      total?.output_tokens ?? 0,
      total?.cache_read_tokens ?? 0,
      total?.cache_write_tokens ?? 0,
      cost ? JSON.stringify(cost) : null,
      usage?.input_tokens ?? 0,
      usage?.output_tokens ?? 0,
      usage?.cache_read_tokens ?? 0,
      usage?.cache_write_tokens ?? 0,
      usage?.cost_usd ?? null,
      usage?.cost_estimated ? 1 : 0,
    ],
  );
}

/** Keeps session `sid`'s names and day in step with its list summary (index.json can change
 * them without the file changing). */
export function renameUsage(db: Database, sid: number, s: SessionSummary): void {
  db.run('UPDATE usage SET day = ?, model = ?, vendor = ?, workspace = ? WHERE sid = ?', [
    dayOf(s.created_at),
    s.model,
    s.vendor,
    s.workspace ?? '',
    sid,
  ]);
}

/** Drops session `sid`'s row. */
export function forgetUsage(db: Database, sid: number): void {
  db.run('DELETE FROM usage WHERE sid = ?', [sid]);
}

const GROUP_KEY: Record<UsageRequest['by'], string> = {
  day: 'day',
  // The Monday of the day's week ('weekday 0' moves to the next Sunday, or stays on one).
  week: "date(day, 'weekday 0', '-6 days')",
  month: 'substr(day, 1, 7)',
  model: 'model',
  vendor: 'vendor',
  workspace: 'workspace',
  source: 'source',
};

const SUMS = `COUNT(*) AS sessions, SUM(input) AS input_tokens, SUM(output) AS output_tokens,
  SUM(cache_read) AS cache_read_tokens, SUM(cache_write) AS cache_write_tokens,
  COALESCE(SUM(cost), 0) AS cost_usd, COALESCE(SUM(CASE WHEN estimated THEN cost END), 0) AS estimated_cost_usd`;

// Sessions that recorded nothing (older files, sessions without a turn) count for nothing.
// `p` prefixes the columns (a table alias in a join).
function range(request: UsageRequest, p = ''): { where: string; params: string[] } {
  const clauses = [`(${p}input + ${p}output + ${p}cache_read + ${p}cache_write > 0 OR ${p}cost IS NOT NULL)`];
  const params: string[] = [];
  if (request.since) {
    clauses.push(`${p}day >= ?`);
    params.push(request.since);
  }
  if (request.until) {
    clauses.push(`${p}day <= ?`);
    params.push(request.until);
  }
  return { where: `WHERE ${clauses.join(' AND ')}`, params };
}

const EMPTY_ROW: UsageRow = {
  key: '',
  sessions: 0,
  input_tokens: 0,
  output_tokens: 0,
  cache_read_tokens: 0,
  cache_write_tokens: 0,
  cost_usd: 0,
  estimated_cost_usd: 0,
};

/** Sessions without a day (no start time) are left out of time groupings. */
const TIME = new Set(['day', 'week', 'month']);

/** The report `request` asks for, with the `top` most expensive sessions (no progress yet). */
export function usageReport(
  db: Database,
  request: UsageRequest,
  top = 10,
): Omit<UsageReport, 'progress' | 'took_ms'> {
  const { where, params } = range(request);
  const timed = TIME.has(request.by);
  const dayed = timed ? `${where} AND day != ''` : where;
  const order = timed
    ? 'key'
    : 'cost_usd DESC, input_tokens + output_tokens + cache_read_tokens + cache_write_tokens DESC, key';
  const rows = db.all(
    `SELECT ${GROUP_KEY[request.by]} AS key, ${SUMS} FROM usage ${dayed} GROUP BY key ORDER BY ${order}`,
    params,
  ) as unknown as UsageRow[];
  const totals =
    (db.get(`SELECT '' AS key, ${SUMS} FROM usage ${where}`, params) as unknown as UsageRow | null) ??
    EMPTY_ROW;
  const costly = db.all(
    `SELECT f.id AS id, f.title AS title, u.day AS day, u.model AS model, u.cost AS cost_usd,
       u.estimated AS cost_estimated, u.input + u.output + u.cache_read + u.cache_write AS tokens
     FROM usage u JOIN files f ON f.sid = u.sid ${range(request, 'u.').where}
     ORDER BY COALESCE(u.cost, 0) DESC, tokens DESC, f.id LIMIT ?`,
    [...params, top],
  ) as unknown as (Omit<CostlySession, 'cost_estimated' | 'cost_usd'> & {
    cost_usd: number | null;
    cost_estimated: number;
  })[];
  return {
    by: request.by,
    since: request.since ?? null,
    until: request.until ?? null,
    rows: rows.map(numbers),
    totals: numbers({ ...EMPTY_ROW, ...totals, key: '' }),
    top: costly
      .filter((c) => (c.cost_usd ?? 0) > 0 || c.tokens > 0)
      .map((c) => ({ ...c, cost_usd: c.cost_usd ?? 0, cost_estimated: c.cost_estimated === 1 })),
  };
}

// SUM over no rows is NULL; SQLite gives big sums as BigInt when they pass 2^53 (they do not).
function numbers(row: UsageRow): UsageRow {
  return {
    key: String(row.key ?? ''),
    sessions: Number(row.sessions ?? 0),
    input_tokens: Number(row.input_tokens ?? 0),
    output_tokens: Number(row.output_tokens ?? 0),
    cache_read_tokens: Number(row.cache_read_tokens ?? 0),
    cache_write_tokens: Number(row.cache_write_tokens ?? 0),
    cost_usd: Number(row.cost_usd ?? 0),
    estimated_cost_usd: Number(row.estimated_cost_usd ?? 0),
  };
}
