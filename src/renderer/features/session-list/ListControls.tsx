// The controls above the list: the filter bar (one menu per facet with counts, the date range),
// the chosen filters as removable chips, the count, the sort order, and the box's offer to search
// inside every session.
import { countText } from '../../../shared/count-text';
import type { SourceInfo } from '../../../shared/contract';
import { GGCODE, sourceLabel } from '../../../shared/sources';
import { Name } from '../../app/Name';
import { useAppStore } from '../../store/store-context';
import { FilterMenu } from './FilterMenu';
import {
  DATE_RANGES,
  FACETS,
  SORT_KEYS,
  dateCounts,
  facetChoices,
  hasChosen,
  hasFacet,
  isNarrowed,
  starredCount,
  tagChoices,
  type DateRange,
  type Facet,
  type SortKey,
} from '../../model/list-view';

const SORT_LABELS: Record<SortKey, string> = {
  updated: 'Last updated',
  created: 'Created',
  title: 'Title',
  size: 'Size',
};

/** Date range names, as the menu and the chip show them. */
export const RANGE_LABELS: Record<DateRange, string> = {
  any: 'Any time',
  today: 'Today',
  '7d': 'Past 7 days',
  '30d': 'Past 30 days',
  '365d': 'Past year',
};

/** Each facet's menu label, chip prefix, and what a session without a value is called. */
const FACET_LABELS: Record<Facet, { menu: string; none: string }> = {
  sources: { menu: 'Source', none: 'unknown source' },
  vendors: { menu: 'Vendor', none: 'no vendor' },
  models: { menu: 'Model', none: 'no model' },
  workspaces: { menu: 'Folder', none: 'no folder' },
};

/** The text a facet's value is shown with: a source by its label ('' is ggcode's), others as they are. */
function valueText(facet: Facet, value: string, sources: readonly SourceInfo[] | undefined): string {
  return facet === 'sources' ? sourceLabel(value || GGCODE, sources) : value;
}

/** The Tags menu's first choice; no tag can be called this (it has a control character). */
const STARRED = '\u0000starred';

/** "N sessions", or "N of M sessions" while something narrows the list. */
export function countLabel(shown: number, total: number, narrowed: boolean): string {
  if (narrowed) return `${countText(shown)} of ${countText(total)} sessions`;
  return `${countText(total)} ${total === 1 ? 'session' : 'sessions'}`;
}

/** One menu per facet the sessions have (sources only once a second kind of agent is listed),
 * then the date range. */
function FilterBar() {
  const sessions = useAppStore((s) => s.sessions);
  const view = useAppStore((s) => s.view);
  const notes = useAppStore((s) => s.annotations);
  const toggleChip = useAppStore((s) => s.toggleChip);
  const setDateRange = useAppStore((s) => s.setDateRange);
  const setStarredOnly = useAppStore((s) => s.setStarredOnly);
  const toggleTag = useAppStore((s) => s.toggleTag);
  const now = useAppStore((s) => s.now)();
  const sources = useAppStore((s) => s.info?.sources);
  const facets = FACETS.filter((f) => view[f].length > 0 || hasFacet(sessions, f));
  const listed = new Set(sessions.map((s) => s.id));
  const anyStarred = view.starred || Object.entries(notes).some(([id, a]) => a.starred && listed.has(id));
  const anyTags = view.tags.length > 0 || Object.entries(notes).some(([id, a]) => a.tags && listed.has(id));
  return (
    <div className="filter-bar" role="group" aria-label="Filters">
      {(anyStarred || anyTags) && (
        // What the reader marked: starred first, then each tag.
        <FilterMenu
          label={anyTags ? 'Tags' : '★'}
          ariaLabel="Stars and tags"
          testId="filter-tags"
          kind="checkbox"
          chosen={view.tags.length + (view.starred ? 1 : 0)}
          choices={() => [
            ...(anyStarred
              ? [
                  {
                    value: STARRED,
                    label: <span>★ Starred</span>,
                    count: starredCount(sessions, view, now, notes),
                    checked: view.starred,
                  },
                ]
              : []),
            ...tagChoices(sessions, view, now, notes).map((c) => ({
              value: c.value,
              label: <Name text={c.value} className="name-line" tooltip />,
              count: c.count,
              checked: view.tags.some((t) => t.toLowerCase() === c.value.toLowerCase()),
            })),
          ]}
          onPick={(value) => (value === STARRED ? setStarredOnly(!view.starred) : toggleTag(value))}
        />
      )}
      {facets.map((facet) => (
        <FilterMenu
          key={facet}
          label={FACET_LABELS[facet].menu}
          testId={`filter-${facet}`}
          kind="checkbox"
          chosen={view[facet].length}
          choices={() =>
            facetChoices(sessions, facet, view, now, notes).map((c) => ({
              value: c.value,
              label: (
                <Name
                  text={valueText(facet, c.value, sources)}
                  fallback={FACET_LABELS[facet].none}
                  className={facet === 'workspaces' ? 'name-line path-line' : 'name-line'}
                  tooltip
                />
              ),
              count: c.count,
              checked: view[facet].includes(c.value),
            }))
          }
          onPick={(value) => toggleChip(facet, value)}
        />
      ))}
      <FilterMenu
        label={view.dateRange === 'any' ? 'Date' : RANGE_LABELS[view.dateRange]}
        testId="filter-date"
        kind="radio"
        chosen={view.dateRange === 'any' ? 0 : 1}
        choices={() => {
          const counts = dateCounts(sessions, view, now, notes);
          return DATE_RANGES.map((range) => ({
            value: range,
            label: RANGE_LABELS[range],
            count: counts[range],
            checked: view.dateRange === range,
          }));
        }}
        onPick={(value) => setDateRange(value as DateRange)}
      />
    </div>
  );
}

/** The chosen filters, each a chip that removes itself; nothing when none is chosen. */
function ActiveFilters() {
  const view = useAppStore((s) => s.view);
  const toggleChip = useAppStore((s) => s.toggleChip);
  const setDateRange = useAppStore((s) => s.setDateRange);
  const setStarredOnly = useAppStore((s) => s.setStarredOnly);
  const toggleTag = useAppStore((s) => s.toggleTag);
  const clearChosen = useAppStore((s) => s.clearChosen);
  const sources = useAppStore((s) => s.info?.sources);
  const setPeriod = useAppStore((s) => s.setPeriod);
  if (!hasChosen(view)) return null;
  const chips = FACETS.flatMap((facet) =>
    view[facet].map((value) => ({ facet, value, remove: () => toggleChip(facet, value) })),
  );
  const count =
    chips.length +
    view.tags.length +
    (view.starred ? 1 : 0) +
    (view.dateRange !== 'any' ? 1 : 0) +
    (view.period ? 1 : 0);
  return (
    <div className="active-filters" role="group" aria-label="Chosen filters">
      {chips.map(({ facet, value, remove }) => (
        <button
          key={`${facet}:${value}`}
          type="button"
          className="pill-button chip"
          data-testid="active-filter"
          data-value={value}
          aria-label={`Remove filter ${FACET_LABELS[facet].menu}: ${valueText(facet, value, sources) || FACET_LABELS[facet].none}`}
          onClick={remove}
        >
          <span className="chip-kind">{FACET_LABELS[facet].menu}</span>
          <Name
            text={valueText(facet, value, sources)}
            fallback={FACET_LABELS[facet].none}
            className="name-line"
          />
          <span aria-hidden="true">✕</span>
        </button>
      ))}
      {view.starred && (
        <button
          type="button"
          className="pill-button chip"
          data-testid="active-filter"
          data-value="starred"
          aria-label="Remove filter: starred only"
          onClick={() => setStarredOnly(false)}
        >
          <span aria-hidden="true">★</span> Starred
          <span aria-hidden="true">✕</span>
        </button>
      )}
      {view.tags.map((tag) => (
        <button
          key={`tag:${tag}`}
          type="button"
          className="pill-button chip"
          data-testid="active-filter"
          data-value={tag}
          aria-label={`Remove filter Tag: ${tag}`}
          onClick={() => toggleTag(tag)}
        >
          <span className="chip-kind">Tag</span>
          <Name text={tag} className="name-line" />
          <span aria-hidden="true">✕</span>
        </button>
      ))}
      {view.dateRange !== 'any' && (
        <button
          type="button"
          className="pill-button chip"
          data-testid="active-filter"
          data-value={view.dateRange}
          aria-label={`Remove filter Date: ${RANGE_LABELS[view.dateRange]}`}
          onClick={() => setDateRange('any')}
        >
          <span className="chip-kind">Updated</span>
          {RANGE_LABELS[view.dateRange]}
          <span aria-hidden="true">✕</span>
        </button>
      )}
      {view.period && (
        <button
          type="button"
          className="pill-button chip"
          data-testid="period-chip"
          aria-label="Remove filter: start days"
          onClick={() => setPeriod(null)}
        >
          <span className="chip-kind">Started</span>
          {view.period.from === view.period.to ? view.period.from : `${view.period.from} – ${view.period.to}`}
          <span aria-hidden="true">✕</span>
        </button>
      )}
      {count > 1 && (
        <button
          type="button"
          className="pill-button link-button"
          data-testid="clear-filters"
          onClick={clearChosen}
        >
          Clear all
        </button>
      )}
    </div>
  );
}

/** The box's first row while it holds text: "Search all sessions for …" (what Enter does). */
export function SearchOffer() {
  const filter = useAppStore((s) => s.view.filter);
  const active = useAppStore((s) => s.offerActive);
  const runSearch = useAppStore((s) => s.runSearch);
  if (filter.trim() === '') return null;
  return (
    <button
      type="button"
      id="search-offer"
      className="search-offer"
      data-testid="search-all"
      data-active={active ? 'true' : undefined}
      onClick={runSearch}
    >
      <span className="search-offer-text">
        Search all sessions for “<Name text={filter.trim()} />”
      </span>
      {active && <kbd>Enter</kbd>}
    </button>
  );
}

/** Filter bar, chosen filters, count and sort, and the search offer. */
export function ListControls() {
  const view = useAppStore((s) => s.view);
  const total = useAppStore((s) => s.sessions.length);
  const shown = useAppStore((s) => s.visible.length);
  const listState = useAppStore((s) => s.listState);
  const setSort = useAppStore((s) => s.setSort);
  return (
    <div className="list-controls">
      <FilterBar />
      <ActiveFilters />
      <div className="list-summary">
        <span className="session-count" data-testid="session-count" aria-live="polite">
          {/* Until the folder is read there is nothing to count. */}
          {listState === 'ready' ? countLabel(shown, total, isNarrowed(view)) : ''}
        </span>
        <label className="sort-label">
          <span>Sort</span>
          <select
            data-testid="sort-select"
            value={view.sort}
            onChange={(e) => setSort(e.target.value as SortKey)}
          >
            {SORT_KEYS.map((key) => (
              <option key={key} value={key}>
                {SORT_LABELS[key]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <SearchOffer />
    </div>
  );
}
