// The usage table of the search index: one row per session with its token counts and cost,
// filled as the indexer reads each file (so the Usage view adds up 10,000 sessions in SQL, not by
// loading them). A file read in parts keeps running sums: usage entries add up, the last cost
// record wins, and the session's figures are ggcodeSessionUsage's rule over both.
import type { Database } from 'node-sqlite3-wasm';
import { ggcodeSessionUsage } from '../../shared/session-usage';
import type { Cost, SessionSummary, UsageEntry } from '../../shared/types';
import {
  DAY,
  NAME_GROUPINGS,
  type CostlySession,
  type UsageGrouping,
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
  estimated INTEGER NOT NULL DEFAULT 0,
  estimated_cost REAL NOT NULL DEFAULT 0,
  counted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS usage_counted_day ON usage(counted, day);
CREATE INDEX IF NOT EXISTS usage_cost ON usage(cost);
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
       entry_cache_read, entry_cache_write, cost_record, input, output, cache_read, cache_write, cost, estimated,
       estimated_cost, counted)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
      usage?.cost_estimated ? (usage.cost_usd ?? 0) : 0,
      // ggcodeSessionUsage is null for a session that recorded nothing: it counts for nothing.
      usage ? 1 : 0,
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

// Plain sums over stored columns: in WebAssembly SQLite every expression evaluated per row shows
// (a scan of 10,000 rows with expressions in its sums took 15-20 ms), and so does every row
// returned (about 10 µs each), so each grouping is summed in SQL and only its groups come back.
const SUMS = `COUNT(*) AS sessions, SUM(input) AS input_tokens, SUM(output) AS output_tokens,
  SUM(cache_read) AS cache_read_tokens, SUM(cache_write) AS cache_write_tokens,
  TOTAL(cost) AS cost_usd, TOTAL(estimated_cost) AS estimated_cost_usd`;

const KEY_SQL: Record<UsageGrouping, string> = {
  day: 'day',
  week: 'day',
  month: 'substr(day, 1, 7)',
  model: 'model',
  vendor: 'vendor',
  workspace: 'workspace',
  source: 'source',
};

// `p` prefixes the columns (a table alias in a join). Sessions that recorded nothing count for
// nothing.
function range(request: Pick<UsageRequest, 'since' | 'until'>, p = ''): { where: string; params: string[] } {
  const clauses = [`${p}counted = 1`];
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

/** The Monday of `day`'s week. */
export function mondayOf(day: string): string {
  const t = new Date(`${day}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() - ((t.getUTCDay() + 6) % 7));
  return t.toISOString().slice(0, 10);
}

const TIME = new Set<UsageGrouping>(['day', 'week', 'month']);

function emptyRow(key: string): UsageRow {
  return {
    key,
    sessions: 0,
    input_tokens: 0,
    output_tokens: 0,
    cache_read_tokens: 0,
    cache_write_tokens: 0,
    cost_usd: 0,
    estimated_cost_usd: 0,
  };
}

function add(into: UsageRow, r: UsageRow): void {
  into.sessions += r.sessions;
  into.input_tokens += r.input_tokens;
  into.output_tokens += r.output_tokens;
  into.cache_read_tokens += r.cache_read_tokens;
  into.cache_write_tokens += r.cache_write_tokens;
  into.cost_usd += r.cost_usd;
  into.estimated_cost_usd += r.estimated_cost_usd;
}

const tokensOf = (r: UsageRow) =>
  r.input_tokens + r.output_tokens + r.cache_read_tokens + r.cache_write_tokens;

/** The rows of one grouping: time in order (sessions without a start day left out; days summed
 * into their week's Monday), names most costly first, then by tokens. */
function grouped(db: Database, request: UsageRequest, by: UsageGrouping): UsageRow[] {
  const { where, params } = range(request);
  const timed = TIME.has(by);
  const raw = (
    db.all(
      `SELECT ${KEY_SQL[by]} AS key, ${SUMS} FROM usage ${where}${timed ? " AND day != ''" : ''} GROUP BY key`,
      params,
    ) as unknown as UsageRow[]
  ).map(numbers);
  if (by === 'week') {
    const weeks = new Map<string, UsageRow>();
    for (const r of raw) {
      const key = mondayOf(r.key);
      let week = weeks.get(key);
      if (!week) weeks.set(key, (week = emptyRow(key)));
      add(week, r);
    }
    raw.splice(0, raw.length, ...weeks.values());
  }
  return raw.sort((a, b) =>
    timed
      ? a.key < b.key
        ? -1
        : 1
      : b.cost_usd - a.cost_usd || tokensOf(b) - tokensOf(a) || (a.key < b.key ? -1 : 1),
  );
}

type TopRow = Omit<CostlySession, 'cost_estimated' | 'cost_usd'> & {
  cost_usd: number | null;
  cost_estimated: number;
};

// The most expensive sessions, through an index on cost; when fewer than `top` have a cost, the
// rest by tokens.
function costliest(db: Database, request: UsageRequest, top: number): CostlySession[] {
  const { where, params } = range(request, 'u.');
  const select = `SELECT f.id AS id, f.title AS title, u.day AS day, u.model AS model, u.cost AS cost_usd,
    u.estimated AS cost_estimated, u.input + u.output + u.cache_read + u.cache_write AS tokens
    FROM usage u JOIN files f ON f.sid = u.sid`;
  const rows = db.all(`${select} ${where} AND u.cost > 0 ORDER BY u.cost DESC LIMIT ?`, [
    ...params,
    top,
  ]) as unknown as TopRow[];
  if (rows.length < top) {
    const rest = db.all(
      `${select} ${where} AND (u.cost IS NULL OR u.cost <= 0) ORDER BY tokens DESC, f.id LIMIT ?`,
      [...params, top - rows.length],
    ) as unknown as TopRow[];
    rows.push(...rest.filter((r) => r.tokens > 0));
  }
  return rows.map((c) => ({
    ...c,
    cost_usd: c.cost_usd ?? 0,
    cost_estimated: c.cost_estimated === 1,
    tokens: Number(c.tokens),
  }));
}

/** The report `request` asks for, with the `top` most expensive sessions (no progress yet). With
 * `request.breakdowns`, the rows by model, vendor, folder and source come too. */
export function usageReport(
  db: Database,
  request: UsageRequest,
  top = 10,
): Omit<UsageReport, 'progress' | 'took_ms'> {
  const rows = grouped(db, request, request.by);
  const breakdowns = request.breakdowns
    ? (Object.fromEntries(
        NAME_GROUPINGS.map((by) => [by, grouped(db, request, by)]),
      ) as UsageReport['breakdowns'])
    : undefined;
  // Every counted session has a source: its rows add up to the totals (days may be missing).
  const totals = emptyRow('');
  for (const r of breakdowns?.source ?? grouped(db, request, 'source')) add(totals, r);
  return {
    by: request.by,
    since: request.since ?? null,
    until: request.until ?? null,
    rows,
    totals,
    top: costliest(db, request, top),
    ...(breakdowns && { breakdowns }),
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
