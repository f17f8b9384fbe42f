// The session list's view rules as plain functions: filter text, facet menus (source, vendor,
// model, workspace), date range and sort. The store applies them on every change; with 10,000 sessions each pass takes a few ms.
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

/** The menus that pick values of one field; a session shows when its value is among those
 * chosen (or nothing is chosen in that menu). */
export const FACETS = ['sources', 'vendors', 'models', 'workspaces'] as const;
/** One facet menu. */
export type Facet = (typeof FACETS)[number];

/** The value a session has for `facet` ('' when it has none). */
export function facetValue(session: SessionSummary, facet: Facet): string {
  switch (facet) {
    case 'sources':
      return session.source ?? '';
    case 'vendors':
      return session.vendor;
    case 'models':
      return session.model;
    case 'workspaces':
      return session.workspace ?? '';
  }
}

/** Everything that decides which rows show, and in which order. */
export interface ListView {
  filter: string;
  sort: SortKey;
  /** Per facet, the values chosen; empty means any. */
  sources: readonly string[];
  vendors: readonly string[];
  models: readonly string[];
  workspaces: readonly string[];
  dateRange: DateRange;
}

/** The view a fresh window starts with. */
export const DEFAULT_VIEW: ListView = {
  filter: '',
  sort: 'updated',
  sources: [],
  vendors: [],
  models: [],
  workspaces: [],
  dateRange: 'any',
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

/** What a view lets through, leaving out `skip` (a menu counts what the other filters leave). */
function keeper(view: ListView, now: Date, skip?: Facet | 'date'): (s: SessionSummary) => boolean {
  const since = skip === 'date' ? -Infinity : rangeStart(view.dateRange, now);
  const facets = FACETS.filter((f) => f !== skip && view[f].length > 0).map(
    (f) => [f, new Set(view[f])] as const,
  );
  return (s) =>
    facets.every(([f, chosen]) => chosen.has(facetValue(s, f))) &&
    (since === -Infinity || parseTime(s.updated_at) >= since) &&
    matchesFilter(s, view.filter);
}

/** The rows to show for `view`: filtered, then sorted (newest, largest or A-Z first). */
export function applyListView(
  sessions: readonly SessionSummary[],
  view: ListView,
  now: Date,
): SessionSummary[] {
  return sessions.filter(keeper(view, now)).sort(compareBy(view.sort));
}

/** One choice in a facet menu: a value and how many sessions have it. */
export interface Chip {
  value: string;
  count: number;
}

/** The choices of one facet: every value the sessions have, counted among those the view's other
 * filters let through; most sessions first, then by name. Chosen values are always listed. */
export function facetChoices(
  sessions: readonly SessionSummary[],
  facet: Facet,
  view: ListView,
  now: Date,
): Chip[] {
  const keep = keeper(view, now, facet);
  const counts = new Map<string, number>(view[facet].map((v) => [v, 0]));
  for (const s of sessions) {
    const value = facetValue(s, facet);
    counts.set(value, (counts.get(value) ?? 0) + (keep(s) ? 1 : 0));
  }
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/** How many sessions each date range lets through, with the view's other filters applied. */
export function dateCounts(
  sessions: readonly SessionSummary[],
  view: ListView,
  now: Date,
): Record<DateRange, number> {
  const keep = keeper(view, now, 'date');
  const starts = DATE_RANGES.map((r) => [r, rangeStart(r, now)] as const);
  const counts = Object.fromEntries(DATE_RANGES.map((r) => [r, 0])) as Record<DateRange, number>;
  for (const s of sessions) {
    if (!keep(s)) continue;
    const t = parseTime(s.updated_at);
    for (const [range, since] of starts) if (since === -Infinity || t >= since) counts[range]++;
  }
  return counts;
}

/** True when some session has a value for `facet` (a menu for it is worth showing). */
export function hasFacet(sessions: readonly SessionSummary[], facet: Facet): boolean {
  return sessions.some((s) => facetValue(s, facet) !== '');
}

/** True when a menu or the date range narrows the list. */
export function hasChosen(view: ListView): boolean {
  return FACETS.some((f) => view[f].length > 0) || view.dateRange !== 'any';
}

/** True when anything narrows the list (so the count reads "N of M"). */
export function isNarrowed(view: ListView): boolean {
  return view.filter.trim() !== '' || hasChosen(view);
}
