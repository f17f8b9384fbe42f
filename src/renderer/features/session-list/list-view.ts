// The session list's view rules as plain functions: filter text, vendor and model chips, date
// range and sort. The store applies them on every change; with 10,000 sessions each pass takes a few ms.
import type { SessionSummary } from '../../../shared/types';
import { parseTime } from '../../app/time';

/** Sort orders the sort select offers. */
export const SORT_KEYS = ['updated', 'created', 'title', 'size'] as const;
/** One sort order. */
export type SortKey = (typeof SORT_KEYS)[number];

/** Date ranges the date-range select offers (on the updated time). */
export const DATE_RANGES = ['any', 'today', '7d', '30d', '365d'] as const;
/** One date range. */
export type DateRange = (typeof DATE_RANGES)[number];

/** Everything that decides which rows show, and in which order. */
export interface ListView {
  filter: string;
  sort: SortKey;
  /** Vendors whose chips are on; empty means every vendor. */
  vendors: readonly string[];
  /** Models whose chips are on; empty means every model. */
  models: readonly string[];
  dateRange: DateRange;
  /** Days the sessions started on (YYYY-MM-DD, both included), as the Usage view counts them;
   * null for any. Set by clicking a bar of the usage chart. */
  period: StartPeriod | null;
}

/** A range of start days. */
export interface StartPeriod {
  from: string;
  to: string;
}

/** The view a fresh window starts with. */
export const DEFAULT_VIEW: ListView = {
  filter: '',
  sort: 'updated',
  vendors: [],
  models: [],
  dateRange: 'any',
  period: null,
};

const DAY_MS = 24 * 60 * 60 * 1000;

// Lower-cased text the filter looks through, built once per summary object.
const haystacks = new WeakMap<SessionSummary, string>();

function haystackOf(session: SessionSummary): string {
  let text = haystacks.get(session);
  if (text === undefined) {
    text = [session.title, session.id, session.model, session.vendor, session.workspace ?? '']
      .join('\n')
      .toLowerCase();
    haystacks.set(session, text);
  }
  return text;
}

/** True when every whitespace-separated word of `filter` occurs in the title, id, model, vendor
 * or workspace (case-insensitive). */
export function matchesFilter(session: SessionSummary, filter: string): boolean {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = haystackOf(session);
  return words.every((word) => text.includes(word));
}

/** The earliest updated time (ms) `range` admits at `now`; -Infinity for 'any'. */
export function rangeStart(range: DateRange, now: Date): number {
  switch (range) {
    case 'any':
      return -Infinity;
    case 'today':
      return new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
    case '7d':
      return now.getTime() - 7 * DAY_MS;
    case '30d':
      return now.getTime() - 30 * DAY_MS;
    case '365d':
      return now.getTime() - 365 * DAY_MS;
  }
}

function compareBy(sort: SortKey): (a: SessionSummary, b: SessionSummary) => number {
  switch (sort) {
    case 'updated':
      return (a, b) => parseTime(b.updated_at) - parseTime(a.updated_at) || a.id.localeCompare(b.id);
    case 'created':
      return (a, b) => parseTime(b.created_at) - parseTime(a.created_at) || a.id.localeCompare(b.id);
    case 'title':
      return (a, b) =>
        a.title.localeCompare(b.title, undefined, { sensitivity: 'base', numeric: true }) ||
        a.id.localeCompare(b.id);
    case 'size':
      return (a, b) => b.size - a.size || a.id.localeCompare(b.id);
  }
}

/** The rows to show for `view`: filtered, then sorted (newest, largest or A-Z first). */
export function applyListView(
  sessions: readonly SessionSummary[],
  view: ListView,
  now: Date,
): SessionSummary[] {
  const since = rangeStart(view.dateRange, now);
  const vendors = new Set(view.vendors);
  const models = new Set(view.models);
  const compare = compareBy(view.sort);
  return sessions
    .filter(
      (s) =>
        (vendors.size === 0 || vendors.has(s.vendor)) &&
        (models.size === 0 || models.has(s.model)) &&
        (since === -Infinity || parseTime(s.updated_at) >= since) &&
        inPeriod(s, view.period) &&
        matchesFilter(s, view.filter),
    )
    .sort(compare);
}

/** True when `session` started within `period` (the day its own time text names), or there is none. */
export function inPeriod(session: SessionSummary, period: StartPeriod | null): boolean {
  if (period === null) return true;
  const day = session.created_at.slice(0, 10);
  return day >= period.from && day <= period.to;
}

/** One chip: a vendor or model and how many sessions have it. */
export interface Chip {
  value: string;
  count: number;
}

/** The chips of one field (vendor or model) for `sessions`: most sessions first, then by name. */
export function chipsOf(sessions: readonly SessionSummary[], field: 'vendor' | 'model'): Chip[] {
  const counts = new Map<string, number>();
  for (const s of sessions) counts.set(s[field], (counts.get(s[field]) ?? 0) + 1);
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/** True when anything narrows the list (so the count reads "N of M"). */
export function isNarrowed(view: ListView): boolean {
  return (
    view.filter.trim() !== '' ||
    view.vendors.length > 0 ||
    view.models.length > 0 ||
    view.dateRange !== 'any' ||
    view.period !== null
  );
}
