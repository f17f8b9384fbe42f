// The usage report: tokens and cost added up per day, week, month, model, vendor, folder or
// source, from the search index's usage table. Shared by the CLI, the handlers and the Usage view.
import type { IndexProgress } from './types';

/** What a report groups by. */
export const USAGE_GROUPINGS = ['day', 'week', 'month', 'model', 'vendor', 'workspace', 'source'] as const;
/** One grouping. */
export type UsageGrouping = (typeof USAGE_GROUPINGS)[number];

/** The groupings by name (not by time). */
export const NAME_GROUPINGS = ['model', 'vendor', 'workspace', 'source'] as const;
/** One of them. */
export type NameGrouping = (typeof NAME_GROUPINGS)[number];

/** True when `value` names a grouping. */
export function isUsageGrouping(value: unknown): value is UsageGrouping {
  return typeof value === 'string' && (USAGE_GROUPINGS as readonly string[]).includes(value);
}

/** A day as YYYY-MM-DD (the date a session started, in the offset it was written with). */
export const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The totals of one group. */
export interface UsageRow {
  /** The day (YYYY-MM-DD), the Monday of the week, the month (YYYY-MM), or the name grouped by. */
  key: string;
  sessions: number;
  input_tokens: number;
  output_tokens: number;
  cache_read_tokens: number;
  cache_write_tokens: number;
  /** US dollars, recorded and estimated together. */
  cost_usd: number;
  /** The part of cost_usd that was estimated from a price table. */
  estimated_cost_usd: number;
}

/** One of the most expensive sessions. */
export interface CostlySession {
  id: string;
  title: string;
  day: string;
  model: string;
  cost_usd: number;
  cost_estimated: boolean;
  tokens: number;
}

/** What to report: the grouping and an inclusive range of days. */
export interface UsageRequest {
  by: UsageGrouping;
  since?: string;
  until?: string;
  /** Also the rows by model, vendor, folder and source (what the Usage view shows beside the chart). */
  breakdowns?: boolean;
}

/** A report: one row per group (time groups in order, names by cost then tokens), the totals, and
 * the most expensive sessions of the range. */
export interface UsageReport {
  by: UsageGrouping;
  since: string | null;
  until: string | null;
  rows: UsageRow[];
  totals: UsageRow;
  top: CostlySession[];
  /** The rows by each name grouping, when the request asked for them. */
  breakdowns?: Record<NameGrouping, UsageRow[]>;
  took_ms: number;
  /** The index may still be building: figures then cover the sessions indexed so far. */
  progress: IndexProgress;
}

/** Cache reads as a share of all input-side tokens (input, cache read, cache write); 0 when none. */
export function cacheReadShare(row: UsageRow): number {
  const all = row.input_tokens + row.cache_read_tokens + row.cache_write_tokens;
  return all === 0 ? 0 : row.cache_read_tokens / all;
}

/** All four token counts of a row. */
export function rowTokens(row: UsageRow): number {
  return row.input_tokens + row.output_tokens + row.cache_read_tokens + row.cache_write_tokens;
}

/** How many days the Usage view looks back at first (today included). */
export const DEFAULT_USAGE_DAYS = 365;

const pad = (n: number) => String(n).padStart(2, '0');

/** The local date of `date` as YYYY-MM-DD. */
export function localDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The local day `days - 1` days before `now`: the first of the last `days` days. */
export function firstOfLastDays(days: number, now: Date): string {
  return localDay(new Date(now.getFullYear(), now.getMonth(), now.getDate() - (days - 1)));
}

/** What the Usage view asks for when it opens: the past year by day, with the breakdowns. The
 * index keeps this one ready, so the view appears at once. */
export function defaultUsageRequest(now: Date): UsageRequest {
  return { by: 'day', since: firstOfLastDays(DEFAULT_USAGE_DAYS, now), breakdowns: true };
}
