// The session list's view rules as plain functions: filter text, facet menus (source, vendor,
// model, workspace), date range and sort. The store applies them on every change; with 10,000 sessions each pass takes a few ms.
import type { Annotation, Annotations, SessionSummary } from '../../shared/types';
import { parseTime } from '../../shared/time';

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
      // ggcode's summaries carry no source: '' stands for it (the menu shows its label).
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
  /** Only starred sessions. */
  starred: boolean;
  /** Sessions with any of these tags (compared case-insensitively); empty means any. */
  tags: readonly string[];
  /** Days the sessions started on (YYYY-MM-DD, both included), as the Usage view counts them;
   * null for any. Set by clicking a bar of the usage chart. */
  period: StartPeriod | null;
}

/** A range of start days. */
export interface StartPeriod {
  from: string;
  to: string;
}

/** True when `session` started within `period` (the day its own time text names), or there is none. */
export function inPeriod(session: SessionSummary, period: StartPeriod | null): boolean {
  if (period === null) return true;
  const day = session.created_at.slice(0, 10);
  return day >= period.from && day <= period.to;
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
  starred: false,
  tags: [],
  period: null,
};

const DAY_MS = 24 * 60 * 60 * 1000;

// Lower-cased text the filter looks through, built once per summary object.
const haystacks = new WeakMap<SessionSummary, string>();

function haystackOf(session: SessionSummary): string {
  let text = haystacks.get(session);
  if (text === undefined) {
    text = [
      session.title,
      session.id,
      session.model,
      session.vendor,
      session.workspace ?? '',
      session.git_branch ?? '',
    ]
      .join('\n')
      .toLowerCase();
    haystacks.set(session, text);
  }
  return text;
}

/** True when every whitespace-separated word of `filter` occurs in the title, id, model, vendor,
 * workspace or git branch, or the display name or tags given in the app (case-insensitive). */
export function matchesFilter(session: SessionSummary, filter: string, annotation?: Annotation): boolean {
  return matchesWords(session, filterWords(filter), annotation);
}

// The filter's words, lower-cased: split once per pass over the list, not once per session.
function filterWords(filter: string): string[] {
  return filter.toLowerCase().split(/\s+/).filter(Boolean);
}

function matchesWords(session: SessionSummary, words: readonly string[], annotation?: Annotation): boolean {
  if (words.length === 0) return true;
  const text = haystackOf(session);
  const added = annotation
    ? [annotation.name ?? '', ...(annotation.tags ?? [])].join('\n').toLowerCase()
    : '';
  return words.every((word) => text.includes(word) || added.includes(word));
}

/** The name a session is shown by: the display name given in the app, or its title. */
export function shownTitle(session: SessionSummary, annotation?: Annotation): string {
  return annotation?.name ?? session.title;
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

// Newest first by `field`, each time parsed once rather than at each of the ~140,000 comparisons a
// sort of 10,000 makes.
function newestFirst(rows: SessionSummary[], field: 'updated_at' | 'created_at'): SessionSummary[] {
  const keyed = rows.map((s) => ({ s, t: parseTime(s[field]) }));
  keyed.sort((a, b) => b.t - a.t || a.s.id.localeCompare(b.s.id));
  return keyed.map((k) => k.s);
}

function compareBy(
  sort: 'title' | 'size',
  notes: Annotations,
): (a: SessionSummary, b: SessionSummary) => number {
  switch (sort) {
    case 'title':
      return (a, b) =>
        shownTitle(a, notes[a.id]).localeCompare(shownTitle(b, notes[b.id]), undefined, {
          sensitivity: 'base',
          numeric: true,
        }) || a.id.localeCompare(b.id);
    case 'size':
      return (a, b) => b.size - a.size || a.id.localeCompare(b.id);
  }
}

/** What a view lets through, leaving out `skip` (a menu counts what the other filters leave). */
function keeper(
  view: ListView,
  now: Date,
  notes: Annotations,
  skip?: Facet | 'date' | 'tags',
): (s: SessionSummary) => boolean {
  const since = skip === 'date' ? -Infinity : rangeStart(view.dateRange, now);
  const facets = FACETS.filter((f) => f !== skip && view[f].length > 0).map(
    (f) => [f, new Set(view[f])] as const,
  );
  const tags = skip === 'tags' ? new Set<string>() : new Set(view.tags.map((t) => t.toLowerCase()));
  const words = filterWords(view.filter);
  return (s) => {
    const note = notes[s.id];
    return (
      facets.every(([f, chosen]) => chosen.has(facetValue(s, f))) &&
      (since === -Infinity || parseTime(s.updated_at) >= since) &&
      (skip === 'date' || inPeriod(s, view.period)) &&
      (!view.starred || note?.starred === true) &&
      (tags.size === 0 || (note?.tags ?? []).some((t) => tags.has(t.toLowerCase()))) &&
      matchesWords(s, words, note)
    );
  };
}

/** The rows to show for `view`: filtered, then sorted (newest, largest or A-Z first). `notes`:
 * the stars, tags and names given in the app. */
export function applyListView(
  sessions: readonly SessionSummary[],
  view: ListView,
  now: Date,
  notes: Annotations = {},
): SessionSummary[] {
  const rows = sessions.filter(keeper(view, now, notes));
  if (view.sort === 'updated') return newestFirst(rows, 'updated_at');
  if (view.sort === 'created') return newestFirst(rows, 'created_at');
  return rows.sort(compareBy(view.sort, notes));
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
  notes: Annotations = {},
): Chip[] {
  const keep = keeper(view, now, notes, facet);
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
  notes: Annotations = {},
): Record<DateRange, number> {
  const keep = keeper(view, now, notes, 'date');
  const starts = DATE_RANGES.map((r) => [r, rangeStart(r, now)] as const);
  const counts = Object.fromEntries(DATE_RANGES.map((r) => [r, 0])) as Record<DateRange, number>;
  for (const s of sessions) {
    if (!keep(s)) continue;
    const t = parseTime(s.updated_at);
    for (const [range, since] of starts) if (since === -Infinity || t >= since) counts[range]++;
  }
  return counts;
}

/** Every tag given to a listed session, with how many sessions have it among those the view's
 * other filters let through (tags spelled differently in case count as one). */
export function tagChoices(
  sessions: readonly SessionSummary[],
  view: ListView,
  now: Date,
  notes: Annotations,
): Chip[] {
  const keep = keeper(view, now, notes, 'tags');
  const counts = new Map<string, { value: string; count: number }>();
  for (const tag of view.tags) counts.set(tag.toLowerCase(), { value: tag, count: 0 });
  for (const s of sessions) {
    for (const tag of notes[s.id]?.tags ?? []) {
      const entry = counts.get(tag.toLowerCase()) ?? { value: tag, count: 0 };
      if (keep(s)) entry.count++;
      counts.set(tag.toLowerCase(), entry);
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/** How many sessions are starred, among those the view's other filters let through. */
export function starredCount(
  sessions: readonly SessionSummary[],
  view: ListView,
  now: Date,
  notes: Annotations,
): number {
  const keep = keeper({ ...view, starred: false }, now, notes);
  return sessions.filter((s) => notes[s.id]?.starred === true && keep(s)).length;
}

/** True when some session has a value for `facet` (a menu for it is worth showing). */
export function hasFacet(sessions: readonly SessionSummary[], facet: Facet): boolean {
  return sessions.some((s) => facetValue(s, facet) !== '');
}

/** True when a menu, the star toggle or the date range narrows the list. */
export function hasChosen(view: ListView): boolean {
  return (
    FACETS.some((f) => view[f].length > 0) ||
    view.dateRange !== 'any' ||
    view.starred ||
    view.tags.length > 0 ||
    view.period !== null
  );
}

/** True when anything narrows the list (so the count reads "N of M"). */
export function isNarrowed(view: ListView): boolean {
  return view.filter.trim() !== '' || hasChosen(view);
}
